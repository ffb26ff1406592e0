import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { formatFaultReport, runStoreFaults } from '../../../bench/store/faultInjection';
import { createRegion } from '../../../src/core/regions/create';
import { withFileLock } from '../../../src/core/store/lock';
import { RegionStore, type WriteState } from '../../../src/core/store/regionStore';
import { LOCK_FILE_NAME, STORE_FILE_NAME } from '../../../src/core/store/storeFile';
import { useTempDir } from '../../support/tempDir';

function region(line: number, tool = 'test') {
  return createRegion({ source: 'agent', tool }, { line, character: 0 }, `// ai line ${line}`)!;
}

/** chattr +i: the one way to refuse a write to root, which ignores permissions. */
function immutable(path: string, on: boolean): boolean {
  return spawnSync('chattr', [on ? '+i' : '-i', path]).status === 0;
}

describe('region store: never drops a change', function () {
  this.timeout(60_000);
  const tempDir = useTempDir();
  const storeDir = () => join(tempDir(), 'ai-provenance');

  it('keeps changes pending when the write fails, reports it, and writes them once the store accepts writes again', async function () {
    const store = await RegionStore.open({ storeDir: storeDir() });
    store.add('a.ts', region(0));
    await store.sync();
    const file = join(storeDir(), STORE_FILE_NAME);
    if (process.getuid?.() !== 0 || !immutable(file, true)) this.skip(); // needs chattr +i as root (tests run as root in CI)
    const states: WriteState[] = [];
    store.onDidChangeWriteState((state) => states.push(state));
    try {
      store.add('b.ts', region(1));
      // The lock and the read work; the rename over the immutable file fails after the merge.
      await assert.rejects(store.sync(), /EPERM|operation not permitted/i);
      assert.equal(store.hasPendingChanges(), true, 'still pending after the failed write');
      assert.deepEqual(
        states.map((state) => state.ok),
        [false],
      );
      assert.ok(!readFileSync(file, 'utf8').includes('b.ts'));
    } finally {
      immutable(file, false);
    }
    // The retry (0.5 s after the first failure) writes it without anyone asking.
    for (let i = 0; i < 40 && store.hasPendingChanges(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(store.hasPendingChanges(), false);
    await store.sync(); // after the retry's own bookkeeping
    assert.deepEqual((await RegionStore.open({ storeDir: storeDir() })).files(), ['a.ts', 'b.ts']);
    assert.deepEqual(states.at(-1), { ok: true });
    assert.deepEqual(
      readdirSync(storeDir()).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });

  it('dispose waits for every edit made before it, also while a sync is running', async () => {
    const store = await RegionStore.open({ storeDir: storeDir(), syncDelayMs: 10_000 });
    for (let i = 0; i < 50; i++) {
      store.add(`f${i % 5}.ts`, region(i, `t${i}`));
      if (i % 7 === 0) void store.sync(); // syncs in flight when the next edits land
    }
    await store.dispose();
    const reopened = await RegionStore.open({ storeDir: storeDir() });
    const tools = reopened.files().flatMap((path) => reopened.regions(path).map((entry) => entry.tool));
    assert.equal(tools.length, 50);
  });

  it('a sync called while another runs covers the changes made before the call', async () => {
    const store = await RegionStore.open({ storeDir: storeDir() });
    store.add('a.ts', region(0));
    const first = store.sync();
    store.add('b.ts', region(1)); // after the first sync read our state
    await store.sync();
    await first;
    assert.deepEqual((await RegionStore.open({ storeDir: storeDir() })).files(), ['a.ts', 'b.ts']);
  });

  it('round-trips odd file names: __proto__, constructor, a newline, quotes, non-ASCII, spaces', async () => {
    const names = ['__proto__', 'constructor', 'toString', 'a\nb.ts', 'say "hi".ts', 'dir/ünïcödé ✓.ts', ' leading space.ts', 'hasOwnProperty'];
    const store = await RegionStore.open({ storeDir: storeDir() });
    names.forEach((name, index) => store.add(name, region(index, `t${index}`)));
    await store.sync();
    const reopened = await RegionStore.open({ storeDir: storeDir() });
    assert.deepEqual(reopened.files(), [...names].sort());
    assert.deepEqual(reopened.problems, []);
    assert.equal(Object.getPrototypeOf(JSON.parse(readFileSync(join(storeDir(), STORE_FILE_NAME), 'utf8')).files), Object.prototype);
    // And a second writer merging with them keeps them.
    const other = await RegionStore.open({ storeDir: storeDir() });
    other.add('plain.ts', region(0));
    await other.sync();
    assert.deepEqual((await RegionStore.open({ storeDir: storeDir() })).files(), [...names, 'plain.ts'].sort());
  });

  it('keeps a damaged store aside once, however many processes read it', async () => {
    mkdirSync(storeDir(), { recursive: true });
    writeFileSync(join(storeDir(), STORE_FILE_NAME), '{"format": "ai-provenance/regions", "version": 1, "files": {');
    for (let i = 0; i < 3; i++) await RegionStore.open({ storeDir: storeDir() });
    assert.equal(readdirSync(storeDir()).filter((name) => name.startsWith('regions.unreadable-')).length, 1);
  });
});

describe('store lock: owner token, stale locks, live holders', function () {
  this.timeout(60_000);
  const tempDir = useTempDir();

  it('releases only its own lock: a holding that was broken and taken over is not removed', async () => {
    const lockPath = join(tempDir(), LOCK_FILE_NAME);
    await withFileLock(lockPath, async () => {
      // Someone broke our lock and took it (as a waiter would if we had looked dead).
      writeFileSync(lockPath, JSON.stringify({ pid: process.pid, host: 'elsewhere', token: 'theirs', at: Date.now() }));
    });
    assert.match(readFileSync(lockPath, 'utf8'), /"token":"theirs"/);
  });

  it('breaks the lock of a dead process at once, and never the lock of a live one, however old it looks', async () => {
    const lockPath = join(tempDir(), LOCK_FILE_NAME);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(lockPath, JSON.stringify({ pid: Number(dead), host: hostname(), token: 'dead', at: 0 }));
    const started = Date.now();
    await withFileLock(lockPath, async () => undefined, { timeoutMs: 2000 });
    assert.ok(Date.now() - started < 1000, 'a dead holder is not waited for');

    // A live holder (this process, on this host) whose lock has not been refreshed for longer than staleMs.
    writeFileSync(lockPath, JSON.stringify({ pid: process.pid, host: hostname(), token: 'live', at: 0 }));
    await assert.rejects(
      withFileLock(lockPath, async () => undefined, { timeoutMs: 600, staleMs: 50 }),
      /locked by another process/,
    );
    assert.match(readFileSync(lockPath, 'utf8'), /"token":"live"/);
  });

  it('fault injection with real processes (short run; npm run bench:store is the long one): no region lost', async function () {
    this.timeout(300_000);
    const report = await runStoreFaults({ rounds: 2, cliWriters: 6, storeWriterChildren: 2, regionsPerChild: 4, killsPerRound: 3, seed: 12 });
    const summary = formatFaultReport(report);
    assert.equal(report.lost, 0, summary);
    assert.equal(report.evictions, 0, summary);
    assert.equal(report.damagedStores, 0, summary);
    assert.ok(report.kills >= 1, `some children were killed mid-run\n${summary}`);
    assert.equal(report.faults.staleLocks, 2, summary);
    assert.equal(report.faults.liveHolders, 2, summary);
    assert.ok(report.acknowledged > 40, summary);
    if (!report.faults.readOnlyBy.startsWith('not injected')) assert.equal(report.faults.readOnlyWindows, 2, summary);
  });
});
