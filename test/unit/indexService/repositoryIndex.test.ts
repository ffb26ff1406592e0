import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BlastRadius } from '../../../src/core/index/blastRadius';
import type { IndexStats } from '../../../src/core/index/stats';
import type { BlastLookup } from '../../../src/core/views/blastLookup';
import { IndexClient, type IndexConnection, locateIndexHostScript } from '../../../src/extension/index/indexClient';
import type { IndexOp, IndexReplies, IndexRequest, RequestOf } from '../../../src/extension/index/protocol';
import { type Connect, type IndexLog, RepositoryIndex, type RepositoryIndexOptions } from '../../../src/extension/index/repositoryIndex';
import { LEDGER_PROJECT, Workspace, eventually } from './support';

const script = locateIndexHostScript(join(__dirname, '..', '..', '..', 'src', 'extension', 'index'));
const LEDGER_POST_ENTRY = { path: 'src/payments/ledger.ts', firstLine: 0, lastLine: 2 };

class RecordingLog implements IndexLog {
  readonly lines: string[] = [];
  info = (message: string) => void this.lines.push(`info: ${message}`);
  warn = (message: string) => void this.lines.push(`warn: ${message}`);
  error = (message: string) => void this.lines.push(`error: ${message}`);
  debug = (message: string) => void this.lines.push(`debug: ${message}`);
}

function paths(lookup: BlastLookup): string[] {
  assert.ok(typeof lookup === 'object', `expected a blast radius, got ${String(lookup)}`);
  return (lookup as BlastRadius).dependents.map((dependent) => dependent.path);
}

function options(workspace: Workspace, overrides: Partial<RepositoryIndexOptions> = {}): RepositoryIndexOptions {
  return { ...workspace.openOptions(), debounceMs: () => 20, loadBearingSetting: () => ({}), restartDelayMs: 10, ...overrides };
}

describe('index service: one repository in the extension host', function () {
  this.timeout(60_000);
  let workspace: Workspace;
  let index: RepositoryIndex | undefined;
  let changes = 0;
  const unavailable: string[] = [];
  const building: Array<Promise<unknown>> = [];
  const listener = {
    changed: () => void changes++,
    building: (done: Promise<unknown>) => void building.push(done),
    unavailable: (message: string) => void unavailable.push(message),
  };
  const log = new RecordingLog();
  beforeEach(() => {
    changes = 0;
    unavailable.length = building.length = log.lines.length = 0;
  });
  afterEach(async () => {
    await index?.dispose();
    index = undefined;
    workspace.dispose();
  });

  it('answers from memory: pending at first, then the real dependents after one change notice', async () => {
    workspace = new Workspace(LEDGER_PROJECT, { git: true });
    index = new RepositoryIndex(options(workspace), (onExit) => new IndexClient(script, onExit), listener, log);
    assert.equal(index.lookup(LEDGER_POST_ENTRY), 'pending', 'the first question starts the index');
    assert.equal(index.dependentCounts(), undefined);
    await index.whenIdle();
    assert.equal(changes, 1, 'answers and counts arrive as one change');
    assert.deepEqual(paths(index.lookup(LEDGER_POST_ENTRY)), ['src/checkout/cart.ts', 'src/payments/refund.ts', 'src/api/routes.ts']);
    assert.equal(index.dependentCounts()?.get('src/payments/ledger.ts'), 2);
    assert.equal(building.length, 1, 'the build shows progress');
    assert.ok(
      log.lines.some((line) => /^info: Index of .* \(start\): 4 of 4 files indexed .*3 edges.*cache 0 hits, 4 parsed.*ready in \d+ ms/.test(line)),
      log.lines.join('\n'),
    );
  });

  it('shows the stale answer while a change is taken in, then the new one', async () => {
    workspace = new Workspace(LEDGER_PROJECT, { git: true });
    index = new RepositoryIndex(options(workspace), (onExit) => new IndexClient(script, onExit), listener, log);
    index.lookup(LEDGER_POST_ENTRY);
    await index.whenIdle();
    const counts = index.dependentCounts();
    changes = 0;

    workspace.write({ 'src/reports/daily.ts': "import { postEntry } from '../payments/ledger';\nexport const close = () => postEntry(0);\n" });
    index.filesChanged([{ path: workspace.path('src/reports/daily.ts'), kind: 'created' }]);
    assert.deepEqual(paths(index.lookup(LEDGER_POST_ENTRY)), ['src/checkout/cart.ts', 'src/payments/refund.ts', 'src/api/routes.ts']);
    await index.whenIdle();
    assert.equal(changes, 1);
    assert.ok(paths(index.lookup(LEDGER_POST_ENTRY)).includes('src/reports/daily.ts'));
    assert.notEqual(index.dependentCounts(), counts, 'the fan-in changed: a new map');

    changes = 0;
    const sameCounts = index.dependentCounts();
    workspace.write({ 'src/reports/daily.ts': "import { postEntry } from '../payments/ledger';\nexport const close = () => postEntry(1);\n" });
    index.filesChanged([{ path: workspace.path('src/reports/daily.ts'), kind: 'changed' }]);
    await index.whenIdle();
    assert.equal(changes, 0, 'same answers, same counts: no repaint');
    assert.equal(index.dependentCounts(), sameCounts, 'same counts: the same map object');
  });

  it('restarts a crashed thread once, then gives up with a message instead of looping', async () => {
    workspace = new Workspace(LEDGER_PROJECT);
    const connections: FakeConnection[] = [];
    const connect: Connect = (onExit) => {
      const connection = new FakeConnection(onExit);
      connections.push(connection);
      return connection;
    };
    index = new RepositoryIndex(options(workspace), connect, listener, log);
    index.start();
    await index.whenIdle();
    assert.equal(index.status, 'ready');

    connections[0]!.crash();
    assert.equal(index.status, 'restarting');
    await eventually('the restart', () => connections.length === 2 && index!.status === 'ready');
    connections[1]!.crash();
    assert.equal(index.status, 'unavailable');
    assert.equal(index.lookup(LEDGER_POST_ENTRY), 'unavailable');
    assert.equal(index.dependentCounts(), undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(connections.length, 2, 'no third thread');
    assert.equal(unavailable.length, 1);
    assert.ok(log.lines.some((line) => line.startsWith('warn: The index thread of') && line.includes('Restarting')));
    assert.ok(log.lines.some((line) => line.startsWith('error: The index thread of') && line.includes('Rebuild Workspace Index')));

    await index.rebuild();
    await index.whenIdle();
    assert.deepEqual([index.status, connections.length], ['ready', 3], 'the rebuild command is the way back');
  });

  it('is unavailable, not broken, when no thread can start', async () => {
    workspace = new Workspace(LEDGER_PROJECT);
    const connect: Connect = () => {
      throw new Error("cannot find the index thread's script");
    };
    index = new RepositoryIndex(options(workspace), connect, listener, log);
    assert.equal(index.lookup(LEDGER_POST_ENTRY), 'unavailable');
    assert.equal(unavailable.length, 1);
    assert.match(unavailable[0]!, /could not start: cannot find the index thread's script/);
  });

  it('gives up at once when the index cannot be built (no restart for a deterministic failure)', async () => {
    workspace = new Workspace(LEDGER_PROJECT);
    const connect: Connect = (onExit) => new FakeConnection(onExit, 'root is not readable');
    index = new RepositoryIndex(options(workspace), connect, listener, log);
    index.start();
    await index.whenIdle();
    assert.equal(index.status, 'unavailable');
    assert.deepEqual(unavailable, [`The index of ${workspace.root} could not be built: root is not readable`]);
  });
});

/** A connection whose thread is simulated: it answers every request, and crashes on demand. */
class FakeConnection implements IndexConnection {
  private version = 0;
  constructor(
    private readonly onExit: (error: Error) => void,
    private readonly buildError?: string,
  ) {}

  async request<K extends IndexOp>(request: RequestOf<K>): Promise<IndexReplies[K]> {
    const asked: IndexRequest = request;
    const reply = (): unknown => {
      switch (asked.op) {
        case 'open':
          return { problems: [] };
        case 'build':
          if (this.buildError) throw new Error(this.buildError);
          return { version: ++this.version, stats: EMPTY_STATS };
        case 'blastRadius':
          return { version: this.version, answers: asked.queries.map(() => 'unavailable') };
        case 'dependentCounts':
          return { version: this.version, counts: [] };
        default:
          return { version: this.version };
      }
    };
    return reply() as IndexReplies[K];
  }

  crash(): void {
    this.onExit(new Error('simulated crash'));
  }

  async dispose(): Promise<void> {}
}

const EMPTY_STATS: IndexStats = {
  files: 0,
  indexed: 0,
  generated: 0,
  parsed: 0,
  cacheHits: 0,
  edges: 0,
  parseErrors: 0,
  failed: 0,
  skipped: { excluded: 0, vendored: 0, minified: 0, tooLarge: 0, binary: 0, unreadable: 0 },
  unresolvedImports: 0,
  externalPackages: 0,
  languages: {},
  listing: 'walk',
  ms: { list: 0, stat: 0, parse: 0, link: 0, save: 0, total: 0 },
  notes: [],
};
