import * as assert from 'node:assert/strict';
import { type ChangeBatch, ChangeQueue } from '../../../src/extension/index/changeQueue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('index service: change queue', () => {
  let queue: ChangeQueue | undefined;
  afterEach(() => queue?.dispose());

  it('merges a burst of events into one batch after the debounce', async () => {
    const batches: ChangeBatch[] = [];
    // Wide margins (a third of the debounce) so a loaded machine's late timers cannot fire it early.
    queue = new ChangeQueue(
      () => 300,
      async (batch) => void batches.push(batch),
    );
    queue.add([{ path: '/r/a.ts', kind: 'changed' }]);
    await sleep(100);
    queue.add([
      { path: '/r/b.ts', kind: 'created' },
      { path: '/r/a.ts', kind: 'changed' },
    ]);
    await sleep(250);
    assert.equal(batches.length, 0, 'each event restarts the debounce');
    await queue.whenIdle();
    assert.deepEqual(batches, [
      {
        changes: [
          { path: '/r/a.ts', kind: 'changed' },
          { path: '/r/b.ts', kind: 'created' },
        ],
        refresh: undefined,
        reloadClassifier: false,
      },
    ]);
  });

  it('never runs two batches at once: events during a run wait for the next one', async () => {
    let running = 0;
    let overlapped = false;
    const batches: string[][] = [];
    // The first run is held open until both later events have arrived and their debounce has passed.
    let releaseFirstRun!: () => void;
    const firstRunHeld = new Promise<void>((resolve) => (releaseFirstRun = resolve));
    let firstRunStarted!: () => void;
    const firstRunBegan = new Promise<void>((resolve) => (firstRunStarted = resolve));
    queue = new ChangeQueue(
      () => 5,
      async (batch) => {
        running++;
        if (running > 1) overlapped = true;
        batches.push(batch.changes.map((change) => change.path));
        if (batches.length === 1) {
          firstRunStarted();
          await firstRunHeld;
        }
        running--;
      },
    );
    queue.add([{ path: '/r/a.ts', kind: 'changed' }]);
    await firstRunBegan;
    queue.add([{ path: '/r/b.ts', kind: 'changed' }]);
    await sleep(20);
    queue.add([{ path: '/r/c.ts', kind: 'changed' }]);
    await sleep(20);
    assert.equal(batches.length, 1, 'the second batch waits for the first run');
    releaseFirstRun();
    await queue.whenIdle();
    assert.equal(overlapped, false);
    assert.deepEqual(batches, [['/r/a.ts'], ['/r/b.ts', '/r/c.ts']]);
  });

  it('lets a refresh take the place of waiting file changes, and keeps a new file new', async () => {
    const batches: ChangeBatch[] = [];
    queue = new ChangeQueue(
      () => 10,
      async (batch) => void batches.push(batch),
    );
    queue.add([
      { path: '/r/dir', kind: 'created' },
      { path: '/r/dir', kind: 'changed' },
    ]);
    queue.refresh('branch switch');
    queue.add([{ path: '/r/late.ts', kind: 'changed' }]);
    queue.reloadClassifier();
    await queue.whenIdle();
    assert.deepEqual(batches, [{ changes: [], refresh: 'branch switch', reloadClassifier: true }]);

    queue.add([
      { path: '/r/dir', kind: 'created' },
      { path: '/r/dir', kind: 'changed' },
    ]);
    await queue.whenIdle();
    assert.deepEqual(batches[1]!.changes, [{ path: '/r/dir', kind: 'created' }]);
  });

  it('runs an immediate refresh without the debounce and keeps going after a failed run', async () => {
    const started = Date.now();
    const seen: string[] = [];
    queue = new ChangeQueue(
      () => 5_000,
      async (batch) => {
        seen.push(batch.refresh ?? 'changes');
        if (seen.length === 1) throw new Error('thread busy');
      },
    );
    queue.refresh('start', true);
    await queue.whenIdle();
    queue.refresh('again', true);
    await queue.whenIdle();
    assert.deepEqual(seen, ['start', 'again']);
    assert.ok(Date.now() - started < 2_000, 'no 5 s debounce on an immediate refresh');
  });

  it('drops waiting work on clear and resolves whenIdle', async () => {
    let runs = 0;
    queue = new ChangeQueue(
      () => 30,
      async () => void runs++,
    );
    queue.add([{ path: '/r/a.ts', kind: 'changed' }]);
    const idle = queue.whenIdle();
    queue.clear();
    await idle;
    await sleep(60);
    assert.equal(runs, 0);
  });
});
