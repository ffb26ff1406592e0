import * as assert from 'node:assert/strict';
import { compareDependents } from '../../oracle/compare';
import { TsOracle } from '../../oracle/tsOracle';
import { TempRepo } from './fixture';

/**
 * Name-level blast radius (docs/INDEX.md, "What counts as a dependent"),
 * checked against the TypeScript oracle (test/oracle: findReferences,
 * followed transitively) on fixtures that use every re-export form.
 */
describe('index: name-level blast radius against the TypeScript oracle', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let oracle: TsOracle | undefined;
  afterEach(() => {
    oracle?.dispose();
    oracle = undefined;
    repo.dispose();
  });

  const ours = (radius: { dependents: readonly { path: string; depth: number }[] }) => new Map(radius.dependents.map((d) => [d.path, d.depth]));

  it("the star-barrel example of issue 14: only the users of the changed file's names", async () => {
    repo = TempRepo.fromFixture('index/star-barrel');
    const index = await repo.built();
    assert.deepEqual(
      [...ours(index.blastRadius({ path: 'src/a/f.ts' }))],
      [
        ['src/a/index.ts', 1],
        ['src/c.ts', 2],
      ],
    );
    // `export *` never re-exports `default`: nothing reaches h.ts's default export through the barrel.
    assert.deepEqual([...ours(index.blastRadius({ path: 'src/a/h.ts' }))], []);
    // A destructured dynamic import takes only `y`; e.ts uses b.ts's useY, which uses y.
    assert.deepEqual(
      [...ours(index.blastRadius({ path: 'src/a/g.ts' }))],
      [
        ['src/a/index.ts', 1],
        ['src/b.ts', 2],
        ['src/d.ts', 2],
        ['src/e.ts', 3],
      ],
    );
    oracle = new TsOracle(repo.root);
    for (const target of ['src/a/f.ts', 'src/a/g.ts', 'src/a/h.ts']) {
      assert.deepEqual(ours(index.blastRadius({ path: target })), oracle.dependentsOf(target).dependents, target);
    }
  });

  /** Every imported file of a fixture as a whole-file target: the index's dependents and depths equal the oracle's. */
  async function agreesWithOracle(fixture: string, ignoredByOracle: readonly string[] = []): Promise<void> {
    repo = TempRepo.fromFixture(fixture);
    const index = await repo.built();
    oracle = new TsOracle(repo.root);
    const targets = [...new Set([...index.fileEdges()].map((edge) => edge.to))].sort();
    assert.ok(targets.length >= 8, `targets: ${targets.join(', ')}`);
    for (const target of targets) {
      const truth = new Map(oracle.dependentsOf(target).dependents);
      for (const path of ignoredByOracle) truth.delete(path);
      const comparison = compareDependents(ours(index.blastRadius({ path: target })), truth);
      const detail = `${target}: only ours ${comparison.onlyOurs.join(' ')}; only oracle ${comparison.onlyTruth.join(' ')}; depths ${comparison.depthMismatches.join(' ')}`;
      assert.deepEqual([comparison.precision, comparison.recall, comparison.depthAgreement], [1, 1, 1], detail);
    }
  }

  it('agrees with the oracle on every file of a fixture with every re-export form', async () => {
    // TypeScript resolves a name two `export *` export ambiguously to the first (and reports TS2308);
    // under ES module semantics it is not exported, so nothing imports it.
    await agreesWithOracle('index/name-level', ['src/use/ambiguousName.ts']);
  });

  it('agrees with the oracle across workspace packages, tsconfig paths, build output and generated files', async () => {
    await agreesWithOracle('index/packages');
  });

  it('resolves package entries the way the program runs', async () => {
    repo = TempRepo.fromFixture('index/packages');
    const index = await repo.built();
    // `import App from '@acme/ui'` runs dist/app.mjs (built from src/app.tsx); its types come from src/index.ts: both.
    assert.deepEqual(index.importsOf('packages/web/src/page.tsx').files, [
      'packages/core/source/index.ts',
      'packages/shared/src/ids.ts',
      'packages/ui/src/app.tsx',
      'packages/ui/src/index.ts',
    ]);
    assert.equal(index.blastRadius({ path: 'packages/ui/src/app.tsx' }).dependents.find((d) => d.path === 'packages/web/src/page.tsx')?.depth, 1);
    // build/lib and build/types map back to source/ through the package tsconfig's rootDir, outDir and declarationDir.
    assert.deepEqual(index.importsOf('packages/core/bin/cli.js').files, ['packages/core/source/index.ts'], 'a relative import of build output');
    // The generated route tree is an ordinary node of the graph.
    assert.deepEqual(
      index
        .blastRadius({ path: 'packages/ui/src/button.tsx' })
        .dependents.map((d) => d.path)
        .slice(-2),
      ['packages/web/src/routes/routeTree.gen.ts', 'packages/web/src/main.tsx'],
    );
  });

  it('follows only the types entry from a type-only import', async () => {
    repo = TempRepo.fromFixture('index/packages');
    repo.write({ 'packages/web/src/types.ts': "import type App from '@acme/ui';\nexport type AppType = typeof App;\n" });
    const index = await repo.built();
    assert.deepEqual(index.importsOf('packages/web/src/types.ts').files, ['packages/ui/src/index.ts']);
  });

  it('holds each rule of the definition', async () => {
    repo = TempRepo.fromFixture('index/name-level');
    const index = await repo.built();
    const math = ours(index.blastRadius({ path: 'src/lib/math.ts' }));
    const strings = ours(index.blastRadius({ path: 'src/lib/strings.ts' }));
    const leaf = ours(index.blastRadius({ path: 'src/lib/leaf.ts' }));
    // A name two stars export from different modules is not exported; a local declaration shadows a star.
    assert.equal(math.has('src/use/ambiguousName.ts'), false);
    assert.equal(strings.has('src/use/ambiguousName.ts'), false);
    assert.equal(
      index.dependentsOf('src/lib/math.ts', 'add').dependents.some((d) => d.path === 'src/use/shadowUser.ts'),
      false,
    );
    assert.equal(math.get('src/use/shadowUser.ts'), 2, 'sub passes the shadowing barrel');
    // Each re-exporting file is a hop: leaf -> inner -> outer -> viaOuter.
    assert.deepEqual([leaf.get('src/barrels/inner.ts'), leaf.get('src/barrels/outer.ts'), leaf.get('src/use/viaOuter.ts')], [1, 2, 3]);
    // `ns.add` uses only add; a namespace used as a value, a side-effect import and a lazy import() use everything.
    assert.equal(
      index.dependentsOf('src/lib/math.ts', 'sub').dependents.some((d) => d.path === 'src/use/nsMember.ts'),
      false,
    );
    assert.equal(
      index.dependentsOf('src/lib/math.ts', 'sub').dependents.some((d) => d.path === 'src/use/nsValue.ts'),
      true,
    );
    assert.equal(leaf.get('src/use/sideEffect.ts'), 1);
    assert.deepEqual(index.dependentsOf('src/lib/strings.ts', 'Label').dependents.find((d) => d.path === 'src/use/dynamic.ts')?.symbols, [
      'lazyRoute',
    ]);
    // `export * as str` and `str.upper`: a user of upper, not of strings' other names.
    assert.equal(
      index.dependentsOf('src/lib/strings.ts', 'Label').dependents.some((d) => d.path === 'src/use/viaOuter.ts'),
      false,
    );
    assert.equal(index.dependentsOf('src/lib/strings.ts', 'upper').dependents.find((d) => d.path === 'src/use/viaOuter.ts')?.depth, 2);
    // A type query `import('m').T` uses only T; a type-only import counts.
    assert.equal(
      index.dependentsOf('src/lib/math.ts', 'add').dependents.some((d) => d.path === 'src/use/typeQuery.ts'),
      false,
    );
    assert.equal(strings.get('src/use/typeOnly.ts'), 1);
    // An imported name that is never used, or that the module does not export, links to nothing.
    assert.equal(math.has('src/use/unused.ts'), false);
    assert.equal([...math.keys(), ...strings.keys(), ...leaf.keys()].includes('src/use/missing.ts'), false);
    // Module-level code is a dependent but is not followed; an exported declaration is.
    assert.equal(strings.get('src/use/moduleLevel.ts'), 1);
    assert.equal(strings.get('src/use/chain.ts'), 2, 'typeOnly.render -> chain');
    // require() destructured or member-accessed in a function takes only those names.
    assert.equal(
      index.dependentsOf('src/lib/strings.ts', 'Label').dependents.some((d) => d.path === 'src/js/cjs.js'),
      false,
    );
    assert.equal(strings.get('src/js/cjs.js'), 1);
  });
});
