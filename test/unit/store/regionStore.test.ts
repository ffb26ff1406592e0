import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRegion } from '../../../src/core/regions/create';
import { RegionStore } from '../../../src/core/store/regionStore';
import { STORE_FILE_NAME, LOCK_FILE_NAME } from '../../../src/core/store/storeFile';
import { useTempDir } from '../../support/tempDir';

const TEXT = ['line 0', 'export function pay() {', '  return charge();', '}', 'line 4'].join('\n');
const PAY = 'export function pay() {\n  return charge();\n}';

function payRegion(line = 1) {
  return createRegion({ source: 'agent', tool: 'test' }, { line, character: 0 }, PAY)!;
}

const WRITER = join(__dirname, '..', '..', 'support', 'storeWriter.js');

function runWriter(storeDir: string, label: string, count: number) {
  const child = spawn(process.execPath, [WRITER, storeDir, label, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, done, stderr: () => stderr };
}

describe('region store', () => {
  const tempDir = useTempDir();
  const storeDir = () => join(tempDir(), 'ai-provenance');

  it('keeps regions across a restart', async () => {
    const first = await RegionStore.open({ storeDir: storeDir() });
    first.add('src/pay.ts', payRegion());
    first.markReviewed('src/pay.ts', { by: 'ana', at: 5 }, { line: 2, character: 0 }, { line: 3, character: 0 });
    await first.dispose();

    const second = await RegionStore.open({ storeDir: storeDir() });
    assert.deepEqual(second.files(), ['src/pay.ts']);
    assert.deepEqual(
      second.regions('src/pay.ts').map((region) => [region.start.line, region.end.line, region.reviewed?.by ?? null]),
      [
        [1, 1, null],
        [2, 2, 'ana'],
        [3, 3, null],
      ],
    );
    assert.deepEqual(second.problems, []);
  });

  it('merges regions written by another process instead of overwriting them', async () => {
    const window = await RegionStore.open({ storeDir: storeDir() });
    const cli = await RegionStore.open({ storeDir: storeDir() });
    window.add('a.ts', payRegion());
    await window.sync();
    cli.add('b.ts', payRegion());
    await cli.sync();
    window.add('c.ts', payRegion());
    const result = await window.sync();
    assert.deepEqual(result.changedFromDisk, ['b.ts']);
    assert.deepEqual(window.files(), ['a.ts', 'b.ts', 'c.ts']);
    const reopened = await RegionStore.open({ storeDir: storeDir() });
    assert.deepEqual(reopened.files(), ['a.ts', 'b.ts', 'c.ts']);
  });

  it('lets an unmark or clear made elsewhere win over an unchanged copy', async () => {
    const window = await RegionStore.open({ storeDir: storeDir() });
    window.add('a.ts', payRegion());
    await window.sync();
    const cli = await RegionStore.open({ storeDir: storeDir() });
    cli.clearFile('a.ts');
    await cli.sync();
    // The window moved the region meanwhile; the clear still wins.
    window.applyEdits('a.ts', [{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, text: 'x\n' }], 'human');
    await window.sync();
    assert.deepEqual(window.files(), []);
  });

  it('keeps a review made elsewhere when both sides changed the region', async () => {
    const window = await RegionStore.open({ storeDir: storeDir() });
    window.add('a.ts', payRegion());
    await window.sync();
    const cli = await RegionStore.open({ storeDir: storeDir() });
    const id = cli.regions('a.ts')[0].id;
    cli.markRegionReviewed('a.ts', id, { by: 'bo', at: 9 });
    await cli.sync();
    window.applyEdits('a.ts', [{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, text: 'x\n' }], 'human');
    await window.sync();
    const [region] = window.regions('a.ts');
    assert.equal(region.start.line, 2, 'the window keeps its live position');
    assert.equal(region.reviewed?.by, 'bo');
  });

  it('re-anchors regions from another process that saw another version of the text', async () => {
    let bufferText = TEXT;
    const window = await RegionStore.open({ storeDir: storeDir(), textOf: () => bufferText });
    const cli = await RegionStore.open({ storeDir: storeDir() });
    cli.add('a.ts', payRegion(1));
    cli.noteContent('a.ts', TEXT);
    await cli.sync();
    // The window's unsaved buffer has two more lines on top.
    bufferText = `// one\n// two\n${TEXT}`;
    window.add('other.ts', payRegion());
    await window.sync();
    assert.equal(window.regions('a.ts')[0].start.line, 3);
  });

  it('notifies listeners of changes picked up from disk', async () => {
    const window = await RegionStore.open({ storeDir: storeDir() });
    const seen: string[][] = [];
    window.onDidChange((change) => {
      if (change.origin === 'disk') seen.push([...change.paths]);
    });
    const cli = await RegionStore.open({ storeDir: storeDir() });
    cli.add('new.ts', payRegion());
    await cli.sync();
    await window.sync();
    assert.deepEqual(seen, [['new.ts']]);
  });

  it('keeps an unreadable store aside and starts afresh', async () => {
    mkdirSync(storeDir(), { recursive: true });
    writeFileSync(join(storeDir(), STORE_FILE_NAME), '{"format": "ai-provenance/regions", "version": 1, "files": {');
    const store = await RegionStore.open({ storeDir: storeDir() });
    assert.equal(store.problems.length, 1);
    assert.match(store.problems[0], /not valid JSON.*kept as/);
    const aside = readdirSync(storeDir()).filter((name) => name.startsWith('regions.unreadable-'));
    assert.equal(aside.length, 1);
    assert.equal(readFileSync(join(storeDir(), aside[0]), 'utf8').endsWith('"files": {'), true);
    store.add('a.ts', payRegion());
    await store.sync();
    assert.deepEqual((await RegionStore.open({ storeDir: storeDir() })).files(), ['a.ts']);
  });

  it('keeps the readable entries of a partly damaged store', async () => {
    const good = await RegionStore.open({ storeDir: storeDir() });
    good.add('a.ts', payRegion());
    good.add('b.ts', payRegion());
    await good.sync();
    const path = join(storeDir(), STORE_FILE_NAME);
    const document = JSON.parse(readFileSync(path, 'utf8'));
    document.files['b.ts'].regions[0].start = 'nonsense';
    writeFileSync(path, JSON.stringify(document));
    const store = await RegionStore.open({ storeDir: storeDir() });
    assert.deepEqual(store.files(), ['a.ts']);
    assert.match(store.problems[0], /b\.ts region 0: bad start or end/);
  });

  it('never writes over a store from a newer version', async () => {
    mkdirSync(storeDir(), { recursive: true });
    const newer = JSON.stringify({ format: 'ai-provenance/regions', version: 99, files: {}, future: true });
    writeFileSync(join(storeDir(), STORE_FILE_NAME), newer);
    const store = await RegionStore.open({ storeDir: storeDir() });
    assert.equal(store.readOnly, true);
    assert.match(store.problems[0], /newer AI Provenance/);
    store.add('a.ts', payRegion());
    const result = await store.sync();
    assert.equal(result.wrote, false);
    assert.equal(readFileSync(join(storeDir(), STORE_FILE_NAME), 'utf8'), newer);
    assert.equal(store.regions('a.ts').length, 1, 'the region is still kept in memory');
  });

  it('breaks a lock left by a process that died', async () => {
    mkdirSync(storeDir(), { recursive: true });
    const { hostname } = await import('node:os');
    writeFileSync(join(storeDir(), LOCK_FILE_NAME), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), at: 0 }));
    const store = await RegionStore.open({ storeDir: storeDir() });
    store.add('a.ts', payRegion());
    const result = await store.sync();
    assert.equal(result.wrote, true);
    assert.equal(existsSync(join(storeDir(), LOCK_FILE_NAME)), false);
  });

  it('loses nothing when two processes write at the same time', async function () {
    this.timeout(60_000);
    const a = runWriter(storeDir(), 'alpha', 40);
    const b = runWriter(storeDir(), 'beta', 40);
    assert.deepEqual(await Promise.all([a.done, b.done]), [0, 0], a.stderr() + b.stderr());
    const store = await RegionStore.open({ storeDir: storeDir() });
    assert.equal(store.regions('alpha.ts').length, 40);
    assert.equal(store.regions('beta.ts').length, 40);
  });

  it('leaves a readable store when a writer is killed mid-write', async function () {
    this.timeout(120_000);
    let kills = 0;
    let lastSeen = -1;
    for (let round = 0; round < 12; round++) {
      const writer = runWriter(storeDir(), `round${round}`, 10_000);
      // Kill it at a different moment each round, while it is writing.
      const linesBeforeKill = 3 + ((round * 7) % 17);
      await new Promise<void>((resolve) => {
        let lines = 0;
        writer.child.stdout!.on('data', (chunk: Buffer) => {
          lines += chunk.toString().split('\n').length - 1;
          if (lines >= linesBeforeKill) resolve();
        });
        writer.child.once('exit', () => resolve());
      });
      writer.child.kill('SIGKILL');
      await writer.done;
      kills++;
      const text = readFileSync(join(storeDir(), STORE_FILE_NAME), 'utf8');
      const document = JSON.parse(text);
      const count = document.files[`round${round}.ts`]?.regions.length ?? 0;
      // At most the write under way is lost: every acknowledged region is there.
      assert.ok(count >= linesBeforeKill, `round ${round}: ${count} regions, ${linesBeforeKill} acknowledged`);
      lastSeen = count;
    }
    assert.equal(kills, 12);
    assert.ok(lastSeen > 0);
    const store = await RegionStore.open({ storeDir: storeDir() });
    assert.deepEqual(store.problems, []);
    assert.equal(store.files().length, 12);
  });
});
