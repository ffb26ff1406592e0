import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, commitWithProvenance, lines } from './support/provenanceRepo';

describe('AI-Blast-Radius from the workspace index cache (real index, real git)', function () {
  this.timeout(180_000);
  const tempDir = useTempDir();

  it('is computed by the CLI when an index cache exists, and omitted when there is none', async () => {
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('src/core.ts', lines('export function core() {', '  return 1;', '}'));
    for (const name of ['a', 'b', 'c']) {
      repo.write(`src/${name}.ts`, lines("import { core } from './core';", `export const ${name} = () => core();`));
    }
    repo.write('src/auth/login.ts', lines("import { a } from '../a';", 'export const login = () => a();'));
    repo.commitAll('base');
    repo.write('src/core.ts', lines('export function core() {', '  return 2;', '}'));
    await repo.markAi('src/core.ts', 2, 2);
    repo.git('add', '-A');

    const without = runCli(['trailers'], { cwd: repo.root });
    assert.equal(without.code, 0, without.stderr);
    assert.doesNotMatch(without.stdout, /AI-Blast-Radius/, 'no index: omitted, not guessed');

    const index = await WorkspaceIndex.open({ root: repo.root, cacheDir: repo.storeDir, workers: 0 });
    await index.build();
    await index.save();
    index.dispose();

    const withIndex = runCli(['trailers', '--json'], { cwd: repo.root });
    assert.equal(withIndex.code, 0, withIndex.stderr);
    const { trailers } = JSON.parse(withIndex.stdout) as { trailers: Array<{ key: string; value: string }> };
    const radius = trailers.find((trailer) => trailer.key === 'AI-Blast-Radius');
    assert.ok(radius, JSON.stringify(trailers));
    // core() is used by a, b and c, and through a by the auth file.
    assert.equal(radius.value, '4 files, 1 load-bearing');

    await commitWithProvenance(repo, 'Return 2');
    const report = runCli(['report', '--base', 'HEAD~1'], { cwd: repo.root });
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /^- `src\/core\.ts` L2: 4 dependent files, 1 load-bearing$/m);
    assert.match(report.stdout, /from the workspace index/);
  });

  it('is written by the installed hooks with aiProvenance.hookBlastRadius, loading the index runtime only then', async () => {
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('src/core.ts', lines('export function core() {', '  return 1;', '}'));
    for (const name of ['a', 'b']) repo.write(`src/${name}.ts`, lines("import { core } from './core';", `export const ${name} = () => core();`));
    repo.commitAll('base');
    repo.installHooks();
    repo.write('src/core.ts', lines('export function core() {', '  return 2;', '}'));
    await repo.markAi('src/core.ts', 2, 2);
    repo.git('add', '-A');
    const index = await WorkspaceIndex.open({ root: repo.root, cacheDir: repo.storeDir, workers: 0 });
    await index.build();
    await index.save();
    index.dispose();

    repo.git('config', 'aiProvenance.hookBlastRadius', 'true');
    const commit = repo.tryGit(['commit', '-q', '-m', 'Return 2']);
    assert.deepEqual([commit.code, commit.stderr], [0, '']);
    assert.match(repo.message(), /^AI-Blast-Radius: 2 files, 0 load-bearing$/m);
    const note = JSON.parse(repo.readNoteRaw() ?? '{}') as { blastRadius?: { files: number } };
    assert.equal(note.blastRadius?.files, 2, 'and the note records it');
  });
});
