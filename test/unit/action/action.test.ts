import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { useTempDir } from '../../support/tempDir';
import { readActionFile, runCompositeAction } from '../../support/githubAction';
import { ProvenanceRepo, lines } from '../git/support/provenanceRepo';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const LOGIN = lines('export function login(user) {', '  if (!user) return false;', '  return check(user);', '}');

/**
 * The action as `uses: owner/repo@ref` gives it to the runner: the files git
 * tracks at that ref (here: this checkout's tracked and new files), in a
 * directory of its own, without node_modules or dist/.
 */
function checkOutAction(into: string): string {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const source = join(REPO_ROOT, file);
    if (!existsSync(source)) continue; // deleted in the work tree
    mkdirSync(dirname(join(into, file)), { recursive: true });
    copyFileSync(source, join(into, file));
  }
  return into;
}

/**
 * A remote with a protected main, a developer's clone with the hooks, and
 * the pull request as the runner checks it out (actions/checkout with
 * fetch-depth: 0: all branches, no notes, the PR's head detached).
 */
class PullRequestSetup {
  readonly origin: string;
  readonly developer: ProvenanceRepo;
  readonly workspace: string;
  mainSha = '';

  constructor(readonly root: string) {
    this.origin = join(root, 'origin.git');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', this.origin]);
    mkdirSync(join(root, 'developer'));
    this.developer = ProvenanceRepo.create(join(root, 'developer'));
    this.developer.git('remote', 'add', 'origin', this.origin);
    this.workspace = join(root, 'workspace');
  }

  base(files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) this.developer.write(path, text);
    this.developer.commitAll('base');
    this.developer.git('push', '-q', 'origin', 'main');
    this.mainSha = this.developer.head();
    this.developer.installHooks();
  }

  /** Pushes the developer's branch as pull request `number`, with the notes, and checks it out like the runner. */
  openPullRequest(number: number): { event: unknown; head: string } {
    const head = this.developer.head();
    const notes = this.developer.tryGit(['rev-parse', '-q', '--verify', 'refs/notes/ai-provenance']).code === 0 ? ['refs/notes/ai-provenance'] : [];
    this.developer.git('push', '-q', 'origin', `HEAD:refs/pull/${number}/head`, ...notes);
    rmSync(this.workspace, { recursive: true, force: true });
    execFileSync('git', ['clone', '-q', '--no-checkout', this.origin, this.workspace]);
    execFileSync('git', ['-C', this.workspace, 'fetch', '-q', 'origin', `refs/pull/${number}/head`]);
    execFileSync('git', ['-C', this.workspace, 'checkout', '-q', '--detach', head]);
    return { head, event: { number, pull_request: { number, base: { ref: 'main', sha: this.mainSha }, head: { ref: `pr-${number}`, sha: head } } } };
  }
}

describe('action.yml: the GitHub Action, run the way the runner runs it', function () {
  // The first test builds the CLI in the action's own directory (npm ci + esbuild), as the runner would.
  this.timeout(600_000);
  const tempDir = useTempDir();
  let actionDir: string;
  before(() => {
    actionDir = checkOutAction(mkdtempSync(join(tmpdir(), 'aip-action-')));
  });
  after(() => rmSync(actionDir, { recursive: true, force: true }));

  it('judges a pull request with the base policy and its own CLI: a tampered policy and a committed fake CLI change nothing', async () => {
    const setup = new PullRequestSetup(tempDir());
    setup.base({ 'README.md': lines('acme'), '.ai-provenance.json': JSON.stringify({ policy: { requireProvenance: ['auth'] } }) });
    setup.developer.git('checkout', '-q', '-b', 'feature');
    await setup.developer.writeAi('src/auth/login.ts', LOGIN, { tool: 'copilot' });
    setup.developer.git('add', '-A');
    setup.developer.git('commit', '-q', '-m', 'Add login');
    // The pull request tries to talk the gate out of its verdict.
    const marker = join(setup.root, 'fake-cli-ran');
    setup.developer.write('.ai-provenance.json', JSON.stringify({ policy: { failOn: [], warnOnUnreviewed: false } }));
    setup.developer.write(
      'tools/ai-provenance/cli.js',
      `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); console.log('AI Provenance gate passed');\n`,
    );
    setup.developer.write('dist/cli.js', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n`);
    setup.developer.git('add', '-A', '-f');
    setup.developer.git('commit', '-q', '-m', 'Relax the gate');
    const { event, head } = setup.openPullRequest(7);

    const run = runCompositeAction(actionDir, { workspace: setup.workspace, runnerTemp: join(setup.root, 'runner'), event });
    assert.deepEqual(
      run.steps.map((step) => step.code),
      [0, 0, 0, 1],
      `build, fetch, summary pass; the gate fails\n${run.stderr.slice(-2000)}`,
    );
    assert.equal(run.code, 1);
    assert.equal(run.outputs.passed, 'false');
    assert.match(
      run.stdout,
      /^::error file=src\/auth\/login\.ts,line=1,endLine=4,title=AI Provenance \([0-9a-f]{10}\)::src\/auth\/login\.ts L1-4: 4 unreviewed AI lines in a load-bearing file \(auth\)/m,
    );
    assert.match(run.stdout, /^::error file=\.ai-provenance\.json,title=AI Provenance \([0-9a-f]{10}\)::changes \.ai-provenance\.json/m);
    assert.match(run.stdout, /policy, classes and CODEOWNERS read from [0-9a-f]{40} \([0-9a-f]{10}\)/);
    assert.equal(existsSync(marker), false, "the pull request's own CLI never ran");
    assert.ok(existsSync(join(actionDir, 'dist', 'cli.js')), 'the CLI was built in the action directory');
    assert.equal(
      execFileSync('git', ['-C', setup.workspace, 'status', '--porcelain'], { encoding: 'utf8' }),
      '',
      'the checked-out tree is left as it was',
    );
    // The notes were fetched, and the report went to the job summary.
    assert.match(
      execFileSync('git', ['-C', setup.workspace, 'notes', '--ref', 'ai-provenance', 'list', head], { encoding: 'utf8' }),
      /^[0-9a-f]{40}/,
    );
    assert.match(run.summary, /^## AI Provenance$/m);
    assert.match(run.summary, /`src\/auth\/login\.ts` \| 4 \| 4 \| 100% \| 0\/4 \| auth \(critical\)/);
  });

  it('passes a pull request whose AI code was reviewed before the commit, with every commit attested', async () => {
    const setup = new PullRequestSetup(tempDir());
    setup.base({ 'README.md': lines('acme'), '.ai-provenance.json': JSON.stringify({ policy: { requireProvenance: true } }) });
    setup.developer.git('checkout', '-q', '-b', 'feature');
    await setup.developer.writeAi('src/auth/login.ts', LOGIN);
    await setup.developer.markReviewed('src/auth/login.ts', 'Ann Reviewer');
    setup.developer.git('add', '-A');
    setup.developer.git('commit', '-q', '-m', 'Add login');
    setup.developer.write('docs/login.md', lines('How to log in.'));
    setup.developer.git('add', '-A');
    setup.developer.git('commit', '-q', '-m', 'Document login');
    const { event } = setup.openPullRequest(8);

    const run = runCompositeAction(actionDir, { workspace: setup.workspace, runnerTemp: join(setup.root, 'runner'), event });
    assert.equal(run.code, 0, run.stdout + run.stderr.slice(-2000));
    assert.equal(run.outputs.passed, 'true');
    assert.match(run.stdout, /AI Provenance gate passed: 0 errors, 0 warnings in 2 commits \(2 with AI provenance\)/);
  });

  it('outside a pull request (and a push) it needs the base input, and says so in one annotation', () => {
    const setup = new PullRequestSetup(tempDir());
    setup.base({ 'README.md': lines('acme') });
    setup.openPullRequest(9);
    const run = runCompositeAction(actionDir, {
      workspace: setup.workspace,
      runnerTemp: join(setup.root, 'runner'),
      event: {},
      eventName: 'workflow_dispatch',
    });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^::error title=AI Provenance::no base to compare with: outside a pull request, set the action's base input/m);
    const withBase = runCompositeAction(actionDir, {
      workspace: setup.workspace,
      runnerTemp: join(setup.root, 'runner2'),
      event: {},
      eventName: 'push',
      inputs: { base: 'origin/main' },
    });
    assert.equal(withBase.code, 0, withBase.stdout + withBase.stderr.slice(-2000));
  });

  it("on a push to main after a squash merge, carries the pull request's notes onto the squash commit and pushes them", async () => {
    const setup = new PullRequestSetup(tempDir());
    setup.base({ 'README.md': lines('acme') });
    setup.developer.git('checkout', '-q', '-b', 'feature');
    await setup.developer.writeAi('src/auth/login.ts', LOGIN, { tool: 'copilot' });
    setup.developer.git('add', '-A');
    setup.developer.git('commit', '-q', '-m', 'Add login');
    setup.openPullRequest(3);
    // The forge squash-merges it under its own identity, without hooks, with a title-only message plus (#3).
    const forge = join(setup.root, 'forge');
    const inForge = (...args: string[]) =>
      execFileSync('git', ['-C', forge, '-c', 'user.name=Forge', '-c', 'user.email=forge@example.com', ...args], { encoding: 'utf8' }).trim();
    execFileSync('git', ['clone', '-q', setup.origin, forge]);
    inForge('fetch', '-q', 'origin', 'refs/pull/3/head');
    inForge('merge', '-q', '--squash', 'FETCH_HEAD');
    inForge('commit', '-q', '-m', 'Add login (#3)');
    inForge('push', '-q', 'origin', 'main');
    const squash = inForge('rev-parse', 'HEAD');
    // The runner checks out main as pushed (actions/checkout, fetch-depth: 0).
    rmSync(setup.workspace, { recursive: true, force: true });
    execFileSync('git', ['clone', '-q', setup.origin, setup.workspace]);

    const event = { ref: 'refs/heads/main', before: setup.mainSha, after: squash };
    const run = runCompositeAction(actionDir, { workspace: setup.workspace, runnerTemp: join(setup.root, 'runner'), event, eventName: 'push' });
    assert.deepEqual(
      run.steps.map((step) => step.code),
      [0, 0, 0, 0, 0],
      run.stdout + run.stderr.slice(-2000),
    );
    assert.match(run.stdout, /carried 4 AI lines from 1 commit of .*found by pull request #3/);
    const note = JSON.parse(
      execFileSync('git', ['--git-dir', setup.origin, 'notes', '--ref', 'ai-provenance', 'show', squash], { encoding: 'utf8' }),
    ) as { totals: { aiLines: number }; carriedFrom: string[] };
    assert.equal(note.totals.aiLines, 4);
    assert.equal(note.carriedFrom.length, 1);
  });

  it('is what docs/examples/github-actions.yml uses, with inputs the action declares', () => {
    const workflow = parse(readFileSync(join(REPO_ROOT, 'docs', 'examples', 'github-actions.yml'), 'utf8')) as {
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const ours = steps.filter((step) => step.uses?.startsWith('ai-provenance/ai-provenance@'));
    assert.equal(ours.length, 2, 'the example runs the gate (pull requests) and the notes carry (pushes to main) through the action');
    const declared = Object.keys(readActionFile(REPO_ROOT).inputs ?? {});
    for (const step of ours)
      for (const name of Object.keys(step.with ?? {})) assert.ok(declared.includes(name), `input ${name} is declared in action.yml`);
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout?.with?.['fetch-depth'], 0, 'the whole history, so the base is there');
    assert.doesNotMatch(
      readFileSync(join(REPO_ROOT, 'docs', 'examples', 'github-actions.yml'), 'utf8'),
      /tools\/ai-provenance\/cli\.js|npx ai-provenance/,
      'no CLI from the tree under review',
    );
  });
});
