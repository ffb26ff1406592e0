import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, GateResult } from '../../../src/core/provenance';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, commitWithProvenance, lines } from './support/provenanceRepo';

const LOGIN = lines('export function login(user) {', '  if (!user) return false;', '  return check(user);', '}');

function gate(repo: ProvenanceRepo, ...args: string[]): { code: number; result: GateResult; stderr: string } {
  const run = runCli(['gate', '--base', 'main', '--json', ...args], { cwd: repo.root });
  assert.ok(run.stdout.startsWith('{'), `gate printed JSON: ${run.stderr}`);
  return { code: run.code, result: JSON.parse(run.stdout) as GateResult, stderr: run.stderr };
}

function allFindings(result: GateResult): Finding[] {
  return [...result.commits.flatMap((commit) => commit.findings), ...result.findings];
}

function ofKind(result: GateResult, kind: string): Finding[] {
  return allFindings(result).filter((finding) => finding.kind === kind);
}

/** Commits on main (the base), as the team did before the pull request, then returns to the feature branch. */
function onMain(repo: ProvenanceRepo, files: Record<string, string>, message = 'on main'): void {
  repo.git('checkout', '-q', 'main');
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  repo.git('add', '-A');
  repo.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', message);
  repo.git('checkout', '-q', 'feature');
}

/** Writes HEAD's note, as the hooks would have. */
function attest(repo: ProvenanceRepo): void {
  const run = runCli(['notes', 'write', 'HEAD'], { cwd: repo.root });
  assert.equal(run.code, 0, run.stderr);
}

function policyFile(policy: object, extra: object = {}): string {
  return JSON.stringify({ ...extra, policy });
}

describe('gate: the pull request cannot judge itself (real git, adversarial)', function () {
  this.timeout(180_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  beforeEach(() => {
    repo = ProvenanceRepo.onFeatureBranch(tempDir());
  });

  it('reads the policy from the base through git: a pull request setting failOn: [] still fails, and says it changed the policy', async () => {
    await repo.writeAi('src/auth/login.ts', LOGIN);
    repo.write('.ai-provenance.json', policyFile({ failOn: [], warnOnUnreviewed: false }));
    const sha = await commitWithProvenance(repo, 'Add login, relax the gate');
    // The work tree is not read either: an uncommitted policy changes nothing.
    writeFileSync(join(repo.root, '.ai-provenance.json'), policyFile({ failOn: [], classes: { auth: { failOn: false } } }));

    const { code, result } = gate(repo);
    assert.equal(code, 1);
    assert.equal(result.configFrom, 'base');
    assert.deepEqual(result.policy.failOn, ['auth', 'crypto-secrets', 'data-migrations', 'infra', 'payments']);
    const commit = result.commits.find((candidate) => candidate.sha === sha)!;
    assert.deepEqual(
      commit.findings.map((finding) => [finding.level, finding.kind, finding.rule, finding.path]),
      [
        ['error', 'policy-changed', 'policy-changed', '.ai-provenance.json'],
        ['error', 'unreviewed', 'unreviewed-ai-lines', 'src/auth/login.ts'],
      ],
    );
    assert.match(
      commit.findings[0].message,
      /changes \.ai-provenance\.json \(the gate's policy and load-bearing classes\); .*needs a review the base policy accepts/,
    );
    assert.ok(result.notices.some((notice) => /read from main \([0-9a-f]{10}\)/.test(notice)));

    // --config-from head is the explicit opt-out: the range judges itself, and its policy change is still reported.
    const head = gate(repo, '--config-from', 'head');
    assert.equal(head.result.configFrom, 'head');
    assert.deepEqual(head.result.policy.failOn, []);
    assert.deepEqual(ofKind(head.result, 'unreviewed'), []);
    assert.equal(ofKind(head.result, 'policy-changed').length, 1);
    assert.equal(runCli(['gate', '--base', 'main', '--config-from', 'tree'], { cwd: repo.root }).code, 2);
  });

  it('takes CODEOWNERS and classes from the base: removing an owner line does not declassify a file', async () => {
    onMain(repo, {
      '.ai-provenance.json': JSON.stringify({ loadBearing: { codeowners: { owners: { '@acme/payments-team': 'payments' } } } }),
      '.github/CODEOWNERS': '/lib/ledger-core/ @acme/payments-team\n',
    });
    repo.git('rebase', '-q', 'main');
    await repo.writeAi('lib/ledger-core/apply.ts', lines('export const apply = (a, b) => a + b;'));
    repo.write('.github/CODEOWNERS', '# owners moved\n');
    const sha = await commitWithProvenance(repo, 'Apply entries');

    const { code, result } = gate(repo);
    assert.equal(code, 1);
    const findings = result.commits.find((commit) => commit.sha === sha)!.findings;
    assert.deepEqual(
      findings.map((finding) => [finding.kind, finding.path, finding.classes]),
      [
        ['policy-changed', '.github/CODEOWNERS', undefined],
        ['unreviewed', 'lib/ledger-core/apply.ts', ['payments']],
      ],
    );
    // The report classifies with the base too.
    const report = runCli(['report', '--base', 'main'], { cwd: repo.root });
    assert.match(report.stdout, /`lib\/ledger-core\/apply\.ts` .*payments/);
  });

  it('a .gitattributes in the pull request cannot hide AI lines (`-diff`, `binary`): not from the commit hooks, the gate or the report', async () => {
    // git shows a file with such an attribute as "Binary files differ", without lines; the attribute comes from the work tree.
    repo.write('.gitattributes', 'src/** -diff\n*.ts binary\n');
    await repo.writeAi('src/auth/login.ts', LOGIN);
    const ours = await commitWithProvenance(repo, 'Add login');
    assert.match(repo.message(), /^AI-Lines: 4\/6$/m, 'the trailers count the AI lines (of 6: the .gitattributes adds 2)');
    const note = JSON.parse(repo.readNoteRaw(ours)!) as { files: Record<string, { aiLines: number }> };
    assert.equal(note.files['src/auth/login.ts']?.aiLines, 4, 'the note records them');

    // A git-ai note (read against the commit's diff, which the attribute would empty).
    repo.write('src/auth/session.ts', lines('export function isExpired(at) {', '  return Date.now() > at;', '}'));
    const theirs = repo.commitAll('Session expiry');
    const gitAi = `src/auth/session.ts\n  s_1::t_1 1-3\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', git_ai_version: '1.4.5', base_commit_sha: theirs, prompts: {}, sessions: { s_1: { agent_id: { tool: 'cursor', id: 'c', model: 'm' } } } })}\n`;
    repo.git('notes', '--ref', 'refs/notes/ai', 'add', '-m', gitAi, theirs);

    const { code, result } = gate(repo);
    assert.equal(code, 1);
    const unreviewed = (sha: string) =>
      result.commits
        .find((commit) => commit.sha === sha)!
        .findings.filter((finding) => finding.kind === 'unreviewed')
        .map((finding) => [finding.path, finding.lines]);
    assert.deepEqual(unreviewed(ours), [['src/auth/login.ts', [[1, 4]]]]);
    assert.deepEqual(unreviewed(theirs), [['src/auth/session.ts', [[1, 3]]]]);
    const report = JSON.parse(runCli(['report', '--base', 'main', '--json'], { cwd: repo.root }).stdout) as {
      summary: { aiLines: number; addedLines: number };
    };
    assert.deepEqual(
      [report.summary.aiLines, report.summary.addedLines],
      [7, 9],
      'the .gitattributes line counts as added, the AI lines are all there',
    );
  });

  it('accepts a policy change only with a review the base policy accepts, never the author reviewing themselves', async () => {
    const change = async (reviewedBy: string | undefined, n: number) => {
      repo.write('CODEOWNERS', lines(`/src/ @acme/team${n}`));
      repo.git('add', '-A');
      const message = `Owners ${n}${reviewedBy ? `\n\nReviewed-by: ${reviewedBy}` : ''}`;
      repo.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', message);
      attest(repo);
      return repo.head();
    };
    const self = await change('Test User <test@example.com>', 1);
    const outsider = await change('Pal <pal@elsewhere.example>', 2);
    const security = await change('Sec <sec@security.example.com>', 3);

    // Without policy.policyChanges no trailer is accepted: trailers are the author's own words.
    let { result } = gate(repo);
    assert.deepEqual(
      ofKind(result, 'policy-changed').map((finding) => finding.level),
      ['error', 'error', 'error'],
    );

    onMain(repo, { '.ai-provenance.json': policyFile({ policyChanges: { acceptReviewedBy: ['*@security.example.com'] } }) });
    ({ result } = gate(repo));
    const levels = Object.fromEntries(
      result.commits.map((commit) => [
        commit.sha,
        commit.findings.filter((finding) => finding.kind === 'policy-changed').map((finding) => finding.level),
      ]),
    );
    assert.deepEqual([levels[self], levels[outsider], levels[security]], [['error'], ['error'], ['warning']]);
    const accepted = result.commits.find((commit) => commit.sha === security)!.findings[0];
    assert.deepEqual(accepted.acceptedReviews, [{ by: 'Sec <sec@security.example.com>', via: 'Reviewed-by trailer' }]);

    onMain(repo, { '.ai-provenance.json': policyFile({ policyChanges: { acceptReviewedBy: true } }) }, 'accept any reviewer');
    ({ result } = gate(repo));
    const anyReviewer = Object.fromEntries(
      result.commits.map((commit) => [commit.sha, commit.findings.find((finding) => finding.kind === 'policy-changed')?.level]),
    );
    assert.deepEqual(
      [anyReviewer[self], anyReviewer[outsider], anyReviewer[security]],
      ['error', 'warning', 'warning'],
      'the author never reviews their own change',
    );
  });

  it('finds changes to the hook configuration and to a workflow that runs the gate, but not unrelated or undone ones, nor what the base changed', async () => {
    onMain(repo, {
      '.github/workflows/ci.yml': 'jobs:\n  gate:\n    steps:\n      - uses: ai-provenance/ai-provenance@v1\n',
      '.github/workflows/docs.yml': 'jobs:\n  docs:\n    steps:\n      - run: make docs\n',
    });
    repo.git('rebase', '-q', 'main');
    const commit = (files: Record<string, string | null>, message: string) => {
      for (const [path, text] of Object.entries(files)) {
        if (text === null) rmSync(join(repo.root, path));
        else repo.write(path, text);
      }
      repo.git('add', '-A');
      repo.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', message);
      attest(repo);
      return repo.head();
    };
    const husky = commit({ '.husky/commit-msg': 'exit 0\n' }, 'Relax the commit-msg check');
    const workflow = commit({ '.github/workflows/ci.yml': 'jobs:\n  gate:\n    steps:\n      - run: true\n' }, 'Drop the gate');
    commit({ '.github/workflows/docs.yml': 'jobs:\n  docs:\n    steps:\n      - run: make html\n' }, 'Docs workflow');
    commit({ '.pre-commit-config.yaml': 'repos: []\n' }, 'Add pre-commit');
    commit({ '.pre-commit-config.yaml': null }, 'Remove it again');
    // main moves on and changes CODEOWNERS; the feature branch merges it in: not the pull request's change.
    onMain(repo, { CODEOWNERS: '* @acme/all\n' }, 'owners on main');
    repo.git('-c', 'core.hooksPath=/dev/null', 'merge', '-q', '--no-edit', 'main');

    const { result } = gate(repo);
    assert.deepEqual(
      ofKind(result, 'policy-changed')
        .map((finding) => finding.path)
        .sort(),
      ['.github/workflows/ci.yml', '.husky/commit-msg'],
    );
    const bySha = (sha: string) => result.commits.find((candidate) => candidate.sha === sha)!.findings.map((finding) => finding.path);
    assert.deepEqual(bySha(husky), ['.husky/commit-msg']);
    assert.deepEqual(bySha(workflow), ['.github/workflows/ci.yml']);
  });
});

describe('gate: commits without provenance (attestation, real git)', function () {
  this.timeout(180_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  beforeEach(() => {
    repo = ProvenanceRepo.onFeatureBranch(tempDir());
    repo.installHooks();
  });

  it('tells "tracked, nothing AI" from "never tracked": a bypassed commit in auth is a warning by default, an error with requireProvenance', async () => {
    repo.write('src/auth/session.ts', lines('export const ttl = 3600;'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'Session ttl (hooks ran)');
    repo.write('src/auth/login.ts', LOGIN);
    repo.git('add', '-A');
    repo.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', 'Login (hooks bypassed)');
    const bypassed = repo.head();
    repo.write('docs/notes.md', lines('notes'));
    repo.git('add', '-A');
    repo.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', 'Docs (hooks bypassed)');
    const docs = repo.head();

    let { code, result } = gate(repo);
    assert.equal(code, 0, 'a warning only, with no configuration');
    assert.deepEqual(
      result.commits.map((commit) => [commit.provenance, commit.findings.map((finding) => `${finding.level} ${finding.kind}`)]),
      [
        ['note', []],
        ['none', ['warning unattested']],
        ['none', []],
      ],
      'the attested commit (a note with aiLines: 0) has no finding; the docs-only commit concerns no class',
    );
    const finding = result.commits[1].findings[0];
    assert.equal(finding.path, 'src/auth/login.ts');
    assert.deepEqual(finding.classes, ['auth']);
    assert.match(finding.cause ?? '', /the hooks did not run for it \(bypassed/);
    assert.match(finding.message, /^made without provenance: no note and no AI-\* trailers/);

    onMain(repo, { '.ai-provenance.json': policyFile({ requireProvenance: ['auth'] }) });
    ({ code, result } = gate(repo));
    assert.equal(code, 1);
    assert.deepEqual(
      ofKind(result, 'unattested').map((entry) => entry.level),
      ['error'],
    );
    assert.match(ofKind(result, 'unattested')[0].message, /that policy\.requireProvenance \(auth\) covers/);

    onMain(repo, { '.ai-provenance.json': policyFile({ requireProvenance: true }) }, 'provenance everywhere');
    ({ code, result } = gate(repo));
    assert.equal(code, 1);
    assert.deepEqual(
      result.commits.filter((commit) => commit.findings.length > 0).map((commit) => [commit.sha, commit.findings.map((entry) => entry.level)]),
      [
        [bypassed, ['error']],
        [docs, ['error']],
      ],
    );

    // Written after the fact, the note attests the commit.
    assert.equal(runCli(['notes', 'write', bypassed], { cwd: repo.root }).code, 0);
    ({ result } = gate(repo));
    assert.equal(result.commits[1].provenance, 'note');
    assert.deepEqual(
      ofKind(result, 'unattested').map((entry) => entry.path),
      ['docs/notes.md'],
    );
  });

  it('an evil merge cannot carry AI code past it: what a merge writes itself is unattested, a clean merge is nothing', async () => {
    repo.write('src/app.ts', lines('export const app = 1;'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'App');
    onMain(repo, { 'src/main.ts': lines('export const main = 1;') });
    // The AI-written login is slipped into the merge commit, which carries no provenance of its own.
    repo.git('merge', '--no-commit', '-q', 'main');
    await repo.writeAi('src/auth/login.ts', LOGIN);
    repo.git('add', '-A');
    repo.git('commit', '-q', '--no-edit');
    const evil = repo.head();
    onMain(repo, { 'src/other.ts': lines('export const other = 1;') }, 'more on main');
    repo.git('merge', '-q', '--no-edit', 'main'); // a clean merge: writes nothing of its own

    let { code, result } = gate(repo);
    assert.equal(code, 0, 'a warning with no configuration, as for a bypassed commit');
    const merges = () => result.findings.filter((finding) => finding.kind === 'unattested');
    assert.deepEqual(
      merges().map((finding) => [finding.level, finding.path, finding.classes]),
      [['warning', 'src/auth/login.ts', ['auth']]],
    );
    assert.match(merges()[0].message, new RegExp(`^merge ${evil.slice(0, 10)} writes content of its own`));

    onMain(repo, { '.ai-provenance.json': policyFile({ requireProvenance: ['auth'] }) }, 'require provenance in auth');
    ({ code, result } = gate(repo));
    assert.equal(code, 1);
    assert.deepEqual(
      merges().map((finding) => [finding.level, finding.path]),
      [['error', 'src/auth/login.ts']],
    );
  });

  it('names the likely cause: node not found (from the hooks record), notes not fetched, a CI clone', async () => {
    onMain(repo, { '.ai-provenance.json': policyFile({ requireProvenance: ['payments'] }) });
    repo.git('rebase', '-q', 'main');
    repo.installHooks('--node', '/nonexistent/node');
    repo.write('src/util.ts', lines('export const id = (x) => x;'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'Util (node on PATH: attested)');
    repo.write('src/payments/refund.ts', lines('export const refund = () => 0;'));
    repo.git('add', '-A');
    const noNode = repo.tryGit(['commit', '-q', '-m', 'Refund'], repo.envWithoutNode());
    assert.equal(noNode.code, 0, 'our failure never blocks the commit');

    let { result } = gate(repo);
    let [finding] = ofKind(result, 'unattested');
    assert.equal(finding.level, 'error');
    assert.match(
      finding.cause ?? '',
      /^the post-commit hook could not record it \(node-not-found: node is not on PATH \(nor at \/nonexistent\/node\)\)/,
    );

    // A fresh clone, as in CI: nothing local to go by.
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--no-local', repo.root, clone]);
    execFileSync('git', ['-C', clone, 'fetch', '-q', 'origin', 'refs/notes/*:refs/notes/*', 'refs/heads/main:refs/remotes/origin/main']);
    const ci = JSON.parse(runCli(['gate', '--base', 'origin/main', '--json'], { cwd: clone }).stdout) as GateResult;
    [finding] = ofKind(ci, 'unattested');
    assert.match(finding.cause ?? '', /made without AI Provenance's hooks \(not installed, bypassed, or its note was not pushed/);

    execFileSync('git', ['-C', clone, 'update-ref', '-d', 'refs/notes/ai-provenance']);
    ({ result } = { result: JSON.parse(runCli(['gate', '--base', 'origin/main', '--json'], { cwd: clone }).stdout) as GateResult });
    [finding] = ofKind(result, 'unattested');
    assert.match(finding.cause ?? '', /refs\/notes\/ai-provenance is not here: fetch it/);
  });
});
