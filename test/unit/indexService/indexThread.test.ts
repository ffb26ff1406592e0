import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { BlastRadius } from '../../../src/core/index/blastRadius';
import { IndexClient, locateIndexHostScript } from '../../../src/extension/index/indexClient';
import type { RegionAnswer } from '../../../src/extension/index/protocol';
import { LEDGER_PROJECT, Workspace } from './support';

/** The compiled index thread next to the compiled client (out/src/extension/index/). */
const script = locateIndexHostScript(join(__dirname, '..', '..', '..', 'src', 'extension', 'index'));

function dependents(answer: RegionAnswer | undefined): Array<[string, number, string[]]> {
  assert.ok(answer && answer !== 'unavailable', `expected a blast radius, got ${String(answer)}`);
  return (answer as BlastRadius).dependents.map((d) => [d.path, d.depth, [...d.loadBearing]]);
}

/**
 * A `git` that notes its arguments, then runs the real one. Index threads
 * take a copy of the environment when they start: one started inside
 * onPath() finds this git first on its PATH.
 */
class GitRecorder {
  private readonly log: string;

  constructor(private readonly directory: string) {
    mkdirSync(directory, { recursive: true });
    this.log = join(directory, 'calls.log');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const script = join(directory, 'git');
    writeFileSync(script, `#!/bin/sh\necho "$*" >> '${this.log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(script, 0o755);
  }

  onPath<T>(start: () => T): T {
    const path = process.env.PATH;
    process.env.PATH = `${this.directory}${delimiter}${path ?? ''}`;
    try {
      return start();
    } finally {
      process.env.PATH = path;
    }
  }

  calls(): string[] {
    return existsSync(this.log) ? readFileSync(this.log, 'utf8').split('\n').filter(Boolean) : [];
  }
}

describe('index service: the index thread', function () {
  this.timeout(60_000);
  let workspace: Workspace;
  const clients: IndexClient[] = [];
  const exits: Error[] = [];
  const connect = (path = script) => {
    const client = new IndexClient(path, (error) => exits.push(error));
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    exits.length = 0;
    workspace.dispose();
  });

  it('builds the whole index in its own thread and answers blast radius from it', async () => {
    workspace = new Workspace(LEDGER_PROJECT, { git: true });
    const client = connect();
    await client.request({ op: 'open', options: workspace.openOptions() });
    const { version, stats } = await client.request({ op: 'build' });
    assert.equal(version, 1);
    assert.deepEqual([stats.files, stats.edges, stats.listing], [4, 3, 'git']);
    const { answers } = await client.request({
      op: 'blastRadius',
      queries: [
        { path: 'src/payments/ledger.ts', firstLine: 0, lastLine: 2 },
        { path: 'src/payments/ledger.ts', firstLine: 4, lastLine: 4 },
        { path: 'README.md', firstLine: 0, lastLine: 0 },
      ],
    });
    assert.deepEqual(dependents(answers[0]), [
      ['src/checkout/cart.ts', 1, ['payments']],
      ['src/payments/refund.ts', 1, ['payments']],
      ['src/api/routes.ts', 2, []],
    ]);
    assert.deepEqual(dependents(answers[1]), [], '`unused` has no dependents');
    assert.equal(answers[2], 'unavailable');
    const { counts } = await client.request({ op: 'dependentCounts' });
    assert.deepEqual(
      new Map(counts),
      new Map([
        ['src/payments/ledger.ts', 2],
        ['src/checkout/cart.ts', 1],
      ]),
    );
  });

  it('runs no git in an untrusted workspace: it walks the folder instead', async function () {
    if (process.platform === 'win32') this.skip(); // the recording git is a shell script
    workspace = new Workspace({ ...LEDGER_PROJECT, '.gitignore': 'src/api/\n' }, { git: true });
    const gitCalls = new GitRecorder(workspace.path('.git/recorder'));
    const trusted = gitCalls.onPath(() => connect());
    await trusted.request({ op: 'open', options: workspace.openOptions({ cacheDir: undefined }) });
    assert.equal((await trusted.request({ op: 'build' })).stats.listing, 'git');
    assert.ok(
      gitCalls.calls().some((call) => call.startsWith('ls-files')),
      'the recorder sees the git a trusted index runs',
    );

    const before = gitCalls.calls().length;
    const untrusted = gitCalls.onPath(() => connect());
    await untrusted.request({ op: 'open', options: workspace.openOptions({ cacheDir: undefined, trusted: false }) });
    const { stats } = await untrusted.request({ op: 'build' });
    assert.deepEqual([stats.listing, stats.files], ['walk', 3], 'listed by the walker, which honours .gitignore');
    await untrusted.request({ op: 'update', changes: [{ path: workspace.path('src/payments/refund.ts'), kind: 'changed' }] });
    assert.deepEqual(gitCalls.calls().slice(before), [], 'no git run by the untrusted index');
  });

  it('follows saves, new importers and deletions, one version each', async () => {
    workspace = new Workspace(LEDGER_PROJECT, { git: true });
    const client = connect();
    await client.request({ op: 'open', options: workspace.openOptions() });
    await client.request({ op: 'build' });
    const ask = async () =>
      (await client.request({ op: 'blastRadius', queries: [{ path: 'src/payments/ledger.ts', firstLine: 0, lastLine: 2 }] })).answers[0];

    workspace.write({ 'src/reports/daily.ts': "import { postEntry } from '../payments/ledger';\nexport const close = () => postEntry(0);\n" });
    const created = await client.request({ op: 'update', changes: [{ path: workspace.path('src/reports/daily.ts'), kind: 'created' }] });
    assert.equal(created.version, 2);
    assert.equal(created.outcome.kind, 'update');
    assert.ok(dependents(await ask()).some(([path, depth]) => path === 'src/reports/daily.ts' && depth === 1));

    workspace.write({ 'src/checkout/cart.ts': 'export function checkout(): void {}\n' });
    const saved = await client.request({ op: 'update', changes: [{ path: workspace.path('src/checkout/cart.ts'), kind: 'changed' }] });
    assert.equal(saved.version, 3);
    assert.deepEqual(dependents(await ask()), [
      ['src/payments/refund.ts', 1, ['payments']],
      ['src/reports/daily.ts', 1, []],
    ]);

    workspace.remove('src/reports/daily.ts');
    await client.request({ op: 'update', changes: [{ path: workspace.path('src/reports/daily.ts'), kind: 'deleted' }] });
    assert.deepEqual(dependents(await ask()), [['src/payments/refund.ts', 1, ['payments']]]);

    const nothing = await client.request({ op: 'update', changes: [{ path: workspace.path('notes.txt'), kind: 'created' }] });
    assert.deepEqual([nothing.version, nothing.outcome.kind], [4, 'none'], 'nothing indexed changed: same version');
  });

  it('reloads the load-bearing classes of dependents when the configuration changes', async () => {
    workspace = new Workspace(LEDGER_PROJECT, { git: true });
    const client = connect();
    await client.request({ op: 'open', options: workspace.openOptions() });
    await client.request({ op: 'build' });
    workspace.write({
      '.ai-provenance.json': JSON.stringify({ loadBearing: { classes: { 'public-api': { severity: 'high', include: ['src/api/**'] } } } }),
    });
    const reloaded = await client.request({ op: 'reloadClassifier', loadBearingSetting: {} });
    assert.deepEqual(reloaded, { version: 2, problems: [] });
    const { answers } = await client.request({ op: 'blastRadius', queries: [{ path: 'src/payments/ledger.ts', firstLine: 0, lastLine: 0 }] });
    assert.deepEqual(dependents(answers[0]).at(-1), ['src/api/routes.ts', 2, ['public-api']]);
  });

  it('keeps its parse cache: a second thread parses nothing, a rebuild parses everything', async () => {
    workspace = new Workspace(LEDGER_PROJECT, { git: true });
    const first = connect();
    await first.request({ op: 'open', options: workspace.openOptions() });
    assert.equal((await first.request({ op: 'build' })).stats.parsed, 4);
    await first.dispose();
    const second = connect();
    await second.request({ op: 'open', options: workspace.openOptions() });
    const warm = (await second.request({ op: 'build' })).stats;
    assert.deepEqual([warm.cacheHits, warm.parsed], [4, 0]);
    await second.dispose();
    const rebuilt = connect();
    await rebuilt.request({ op: 'open', options: workspace.openOptions({ discardCache: true }) });
    assert.deepEqual([(await rebuilt.request({ op: 'build' })).stats.parsed], [4]);
  });

  it('reports a crash once and fails what was pending', async () => {
    workspace = new Workspace(LEDGER_PROJECT);
    const client = connect(join(__dirname, 'crashingThread.js'));
    await client.request({ op: 'open', options: workspace.openOptions() });
    await assert.rejects(client.request({ op: 'build' }), /simulated crash while building/);
    assert.equal(exits.length, 1);
    assert.match(exits[0]!.message, /simulated crash/);
    await assert.rejects(client.request({ op: 'stats' }), /gone/);
  });

  it('reports errors of one request without stopping the thread', async () => {
    workspace = new Workspace(LEDGER_PROJECT);
    const client = connect();
    await assert.rejects(client.request({ op: 'build' }), /build before open/);
    await client.request({ op: 'open', options: workspace.openOptions() });
    assert.equal((await client.request({ op: 'build' })).stats.files, 4);
    assert.equal(exits.length, 0);
  });
});
