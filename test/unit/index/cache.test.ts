import * as assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_FILE } from '../../../src/core/index/cache';
import { TempRepo } from './fixture';

function readCacheLines(repo: TempRepo): unknown[] {
  return readFileSync(join(repo.cacheDir, CACHE_FILE), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('index: cache', () => {
  let repo: TempRepo;
  afterEach(() => repo.dispose());
  const files = { 'a.ts': "import { b } from './b';\nexport const a = b;\n", 'b.ts': 'export const b = 1;\n', 'c.py': 'import os\n' };

  it('reuses every unchanged file on the next open', async () => {
    repo = new TempRepo(files);
    const first = await (await repo.index()).build();
    assert.equal(first.parsed, 3);
    const second = await (await repo.index()).build();
    assert.equal(second.parsed, 0);
    assert.equal(second.cacheHits, 3);
    assert.equal(second.edges, first.edges);
  });

  it('keeps import resolutions for the next open while the file list and configuration stay the same', async () => {
    repo = new TempRepo({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['one/*'] } } }),
      'one/util.ts': 'export const u = 1;\n',
      'two/util.ts': 'export const u = 2;\n',
      'app.ts': "import { u } from '@lib/util';\nimport { v } from './v';\nexport const a = u + v;\n",
      'v/index.ts': 'export const v = 1;\n',
    });
    await (await repo.index()).build();
    const header = readCacheLines(repo)[0] as { resolutions?: { stamp: string; entries: unknown[] } };
    assert.ok(header.resolutions && header.resolutions.entries.length > 0, 'the resolutions are cached');
    // The same tree: resolved from the cache, same answer.
    assert.deepEqual((await repo.built()).importsOf('app.ts').files, ['one/util.ts', 'v/index.ts']);
    // A changed tsconfig (same size: its mtime tells), then a new file that shadows a directory index: resolved again.
    repo.write({ 'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['two/*'] } } }) });
    utimesSync(repo.path('tsconfig.json'), new Date(), new Date(Date.now() + 5000));
    assert.deepEqual((await repo.built()).importsOf('app.ts').files, ['two/util.ts', 'v/index.ts']);
    repo.write({ 'v.ts': 'export const v = 2;\n' });
    assert.deepEqual((await repo.built()).importsOf('app.ts').files, ['two/util.ts', 'v.ts']);
  });

  it('re-parses a file whose size and mtime changed', async () => {
    repo = new TempRepo(files);
    await (await repo.index()).build();
    repo.write({ 'b.ts': "import { a } from './a';\nexport const b = a;\n" });
    const index = await repo.index();
    const stats = await index.build();
    assert.equal(stats.parsed, 1);
    assert.deepEqual(index.importsOf('b.ts').files, ['a.ts']);
  });

  it('uses the content hash when only the mtime changed (no re-parse)', async () => {
    repo = new TempRepo(files);
    await (await repo.index()).build();
    const later = new Date(Date.now() + 60_000);
    utimesSync(repo.path('a.ts'), later, later);
    const stats = await (await repo.index()).build();
    assert.equal(stats.parsed, 0);
    assert.equal(stats.cacheHits, 2);
    const entries = new Map(readCacheLines(repo).slice(1) as [string, { mtimeMs: number }][]);
    assert.equal(entries.get('a.ts')!.mtimeMs, statSync(repo.path('a.ts')).mtimeMs);
  });

  it('ignores a corrupt cache with a note and rebuilds it', async () => {
    repo = new TempRepo(files);
    await (await repo.index()).build();
    writeFileSync(join(repo.cacheDir, CACHE_FILE), '{"format": "ai-provenance/index-cache", "files": [tr');
    const stats = await (await repo.index()).build();
    assert.equal(stats.parsed, 3);
    assert.match(stats.notes.join('\n'), /corrupt/);
    const again = await (await repo.index()).build();
    assert.equal(again.parsed, 0);
  });

  it('re-parses only the files whose cache lines are damaged', async () => {
    repo = new TempRepo(files);
    await (await repo.index()).build();
    const lines = readFileSync(join(repo.cacheDir, CACHE_FILE), 'utf8').split('\n');
    const damaged = lines.map((line) => (line.startsWith('["b.ts"') ? line.slice(0, 20) : line));
    writeFileSync(join(repo.cacheDir, CACHE_FILE), damaged.join('\n'));
    const stats = await (await repo.index()).build();
    assert.equal(stats.parsed, 1);
    assert.equal(stats.cacheHits, 2);
    assert.match(stats.notes.join('\n'), /1 corrupt entries ignored/);
  });
});
