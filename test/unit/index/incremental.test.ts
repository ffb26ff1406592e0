import * as assert from 'node:assert/strict';
import { TempRepo } from './fixture';

describe('index: incremental updates', () => {
  let repo: TempRepo;
  afterEach(() => repo.dispose());

  it('re-parses a changed file and swaps its edges', async () => {
    repo = new TempRepo({
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': 'export const b = 1;\n',
      'c.ts': 'export const c = 1;\n',
    });
    const index = await repo.built();
    repo.write({ 'a.ts': "import { c } from './c';\nexport const a = c;\n" });
    const result = await index.updateFiles(['a.ts']);
    assert.equal(result.parsed, 1);
    assert.deepEqual(index.importsOf('a.ts').files, ['c.ts']);
    assert.deepEqual(index.importersOf('b.ts'), []);
    assert.deepEqual(index.importersOf('c.ts'), ['a.ts']);
  });

  it('resolves a previously unresolved import when the file appears, and drops edges when it goes', async () => {
    repo = new TempRepo({ 'a.ts': "import { n } from './later';\nexport const a = n;\n" });
    const index = await repo.built();
    assert.deepEqual(index.importsOf('a.ts').unresolved, ['./later']);
    repo.write({ 'later.ts': 'export const n = 1;\n' });
    await index.updateFiles([repo.path('later.ts')]);
    assert.deepEqual(index.importsOf('a.ts'), { files: ['later.ts'], externals: [], unresolved: [] });
    repo.remove('later.ts');
    await index.removeFiles(['later.ts']);
    assert.equal(index.has('later.ts'), false);
    assert.deepEqual(index.importsOf('a.ts').unresolved, ['./later']);
  });

  it('drops every file of a deleted folder', async () => {
    repo = new TempRepo({
      'main.ts': "import { x } from './lib/x';\nexport const m = x;\n",
      'lib/x.ts': 'export const x = 1;\n',
      'lib/y.ts': 'export const y = 1;\n',
    });
    const index = await repo.built();
    repo.remove('lib/x.ts');
    repo.remove('lib/y.ts');
    await index.removeFiles(['lib']);
    assert.equal(index.has('lib/x.ts') || index.has('lib/y.ts'), false);
    assert.deepEqual(index.importsOf('main.ts').unresolved, ['./lib/x']);
  });

  it('re-resolves when a file that shadows another appears (a.ts over a/index.ts)', async () => {
    repo = new TempRepo({ 'main.ts': "import { x } from './a';\nexport const m = x;\n", 'a/index.ts': 'export const x = 1;\n' });
    const index = await repo.built();
    assert.deepEqual(index.importsOf('main.ts').files, ['a/index.ts']);
    repo.write({ 'a.ts': 'export const x = 2;\n' });
    await index.updateFiles(['a.ts']);
    assert.deepEqual(index.importsOf('main.ts').files, ['a.ts']);
  });

  it('re-resolves imports when tsconfig paths change', async () => {
    repo = new TempRepo({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['old/*'] } } }),
      'main.ts': "import { v } from '@lib/v';\nexport const m = v;\n",
      'old/v.ts': 'export const v = 1;\n',
      'new/v.ts': 'export const v = 2;\n',
    });
    const index = await repo.built();
    assert.deepEqual(index.importsOf('main.ts').files, ['old/v.ts']);
    repo.write({ 'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['new/*'] } } }) });
    const result = await index.updateFiles(['tsconfig.json']);
    assert.equal(result.configChanged, true);
    assert.deepEqual(index.importsOf('main.ts').files, ['new/v.ts']);
  });

  it('parses in worker threads with the same results as in-thread', async () => {
    repo = new TempRepo({
      'a.ts': "import { b } from './b';\nexport function a() { return b; }\n",
      'b.py': 'x = 1\n',
      'b.ts': 'export const b = 1;\n',
    });
    const threaded = await repo.built({ workers: 2, cacheDir: repo.path('.cache-dir-outside-index/threaded') });
    const inline = await repo.built({ workers: 0, cacheDir: repo.path('.cache-dir-outside-index/inline') });
    assert.deepEqual(threaded.stats().edges, 1);
    assert.deepEqual(threaded.definitionsAt('a.ts', 1), inline.definitionsAt('a.ts', 1));
    assert.deepEqual([...threaded.fileEdges()], [...inline.fileEdges()]);
  });
});
