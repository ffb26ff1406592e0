import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ParsePool } from '../../../src/core/index/workerPool';
import type { ParseRequest } from '../../../src/core/index/parseFile';
import { TempRepo } from './fixture';

describe('index: parse pool', () => {
  let repo: TempRepo | undefined;
  let pool: ParsePool | undefined;
  afterEach(() => {
    pool?.dispose();
    repo?.dispose();
    pool = repo = undefined;
  });

  function files(count: number): Record<string, string> {
    const result: Record<string, string> = {};
    for (let i = 0; i < count; i++)
      result[`src/f${i}.ts`] = `import { g } from './f${(i + 1) % count}';\nexport function f${i}() { return g(${i}); }\n`;
    return result;
  }

  it('a helping pool parses on the calling thread and in its worker, with the in-thread results', async () => {
    const written = files(600);
    repo = new TempRepo(written);
    const requests: ParseRequest[] = Object.keys(written).map((path) => ({ path, absolutePath: repo!.path(path) }));
    pool = new ParsePool(1, true);
    const seen: string[] = [];
    const sizes: number[] = [];
    const results = await pool.parse(requests, (batch) => {
      seen.push(...batch.map((result) => result.path));
      sizes.push(batch.length);
    });
    // Batches shrink as the queue drains, down to single files, so the threads finish together.
    assert.equal(Math.max(...sizes), Math.ceil(600 / 16));
    assert.equal(Math.min(...sizes), 1);
    // The worker takes the first batches; the calling thread must not leave the rest to it.
    assert.ok(pool.batches.workers > 0, `worker batches: ${pool.batches.workers}`);
    assert.ok(pool.batches.here > 0, `calling-thread batches: ${pool.batches.here}`);
    assert.deepEqual([...seen].sort(), Object.keys(written).sort());
    const inline = await new ParsePool(0).parse(requests);
    assert.deepEqual(results, inline);
  });

  it('a helping pool parses a small job alone, without starting a worker', async () => {
    const written = files(40);
    repo = new TempRepo(written);
    pool = new ParsePool(1, true);
    const results = await pool.parse(Object.keys(written).map((path) => ({ path, absolutePath: repo!.path(path) })));
    assert.deepEqual(pool.batches, { here: 1, workers: 0 });
    assert.equal(results.filter((result) => result.status === 'parsed').length, 40);
  });

  it('prestarts its workers only for a job it would not parse alone', () => {
    pool = new ParsePool(1, true);
    pool.prestart(100);
    assert.equal(pool.workerCount, 0);
    pool.prestart(5000);
    assert.equal(pool.workerCount, 1);
    const inline = new ParsePool(0);
    inline.prestart(5000);
    assert.equal(inline.workerCount, 0);
  });

  it('a prestarted worker that gets no work keeps no process alive', () => {
    const module = join(__dirname, '..', '..', '..', 'src', 'core', 'index', 'workerPool.js');
    const script = `const { ParsePool } = require(${JSON.stringify(module)}); const pool = new ParsePool(1, true); pool.prestart(5000); console.log(pool.workerCount);`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(child.error, undefined, 'the process did not exit on its own');
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), '1');
  });

  it('keeps none of the text it parsed on this thread alive: the facts hold copies of its names, not slices of it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfterGc = () => {
      gc();
      return getHeapStatistics().used_heap_size;
    };
    // 200 files of 40 KB comments around 5 definitions with long names: the facts are small, the text is 8 MB.
    const comments = Array.from({ length: 500 }, (_, i) => `// ${i} ${'lorem ipsum dolor sit amet '.repeat(3)}`).join('\n');
    const written: Record<string, string> = {};
    for (let file = 0; file < 200; file++) {
      const definitions = Array.from({ length: 5 }, (_, i) => `export const definitionWithALongName${file}_${i} = ${i};`);
      written[`src/f${file}.ts`] = `${comments}\n${definitions.join('\n')}\n`;
    }
    const textLength = Object.values(written).reduce((sum, text) => sum + text.length, 0);
    repo = new TempRepo(written);
    const requests: ParseRequest[] = Object.keys(written).map((path) => ({ path, absolutePath: repo!.path(path) }));
    const inline = new ParsePool(0);
    // The grammar and its queries load with the first file, and V8 compiles the code: not what is measured.
    await inline.parse(requests.slice(0, 20));
    const before = heapAfterGc();
    const results = await inline.parse(requests);
    const retained = heapAfterGc() - before;
    assert.equal(results.filter((result) => result.status === 'parsed' && result.facts.definitions.length === 5).length, 200);
    assert.ok(retained < textLength / 4, `the results keep ${retained} bytes alive for ${textLength} bytes of text`);
  });

  it('a worker told to load a grammar before its first batch keeps no process alive either, and parses as before', async () => {
    const module = join(__dirname, '..', '..', '..', 'src', 'core', 'index', 'workerPool.js');
    const script = `const { ParsePool } = require(${JSON.stringify(module)}); const pool = new ParsePool(1, true); pool.prestart(5000, ['typescript', 'tsx']); console.log(pool.workerCount);`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(child.error, undefined, 'the process did not exit on its own');
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), '1');

    const written = files(600);
    repo = new TempRepo(written);
    const requests: ParseRequest[] = Object.keys(written).map((path) => ({ path, absolutePath: repo!.path(path) }));
    pool = new ParsePool(1, true);
    pool.prestart(requests.length, ['typescript']);
    const results = await pool.parse(requests);
    assert.ok(pool.batches.workers > 0 && pool.batches.here > 0, JSON.stringify(pool.batches));
    assert.deepEqual(results, await new ParsePool(0).parse(requests));
  });
});
