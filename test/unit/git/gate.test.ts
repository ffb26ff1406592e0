import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GateResult } from '../../../src/core/provenance';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, commitWithProvenance, lines } from './support/provenanceRepo';

const LOGIN = lines('export function login(user) {', '  if (!user) return false;', '  return check(user);', '}');

function gate(repo: ProvenanceRepo, ...args: string[]) {
  return runCli(['gate', '--base', 'main', ...args], { cwd: repo.root });
}

function gateJson(repo: ProvenanceRepo): { code: number; result: GateResult } {
  const run = gate(repo, '--json');
  return { code: run.code, result: JSON.parse(run.stdout) as GateResult };
}

describe('gate: the CI check over a commit range (real git)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  beforeEach(() => {
    repo = ProvenanceRepo.onFeatureBranch(tempDir());
  });

  it('fails on unreviewed AI lines in an auth file, explaining commit, file and lines; JSON and exit code 1', async () => {
    await repo.writeAi('src/auth/login.ts', LOGIN);
    const sha = await commitWithProvenance(repo, 'Add login');
    const text = gate(repo);
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^AI Provenance gate FAILED: 1 error, 0 warnings in 1 commit/);
    assert.match(text.stdout, new RegExp(`${sha.slice(0, 10)} Add login`));
    assert.match(text.stdout, /error: src\/auth\/login\.ts L1-4: 4 unreviewed AI lines in a load-bearing file \(auth\)/);

    const { code, result } = gateJson(repo);
    assert.equal(code, 1);
    assert.equal(result.schema, 'ai-provenance/gate');
    assert.equal(result.version, 1);
    assert.equal(result.passed, false);
    assert.deepEqual(result.counts, { commits: 1, withProvenance: 1, errors: 1, warnings: 0 });
    assert.deepEqual(result.policy.failOn, ['auth', 'crypto-secrets', 'data-migrations', 'infra', 'payments']);
    const [commit] = result.commits;
    assert.equal(commit.sha, sha);
    assert.equal(commit.provenance, 'note');
    assert.deepEqual([commit.aiLines, commit.addedLines, commit.reviewedLines], [4, 4, 0]);
    assert.deepEqual(
      commit.findings.map((finding) => [finding.level, finding.rule, finding.path, finding.lines, finding.classes]),
      [['error', 'unreviewed-ai-lines', 'src/auth/login.ts', [[1, 4]], ['auth']]],
    );
  });

  it('passes with a warning for unreviewed AI lines outside the failing classes', async () => {
    await repo.writeAi('src/util/format.ts', lines('export const pad = (s) => s.padStart(2);'));
    await commitWithProvenance(repo, 'Add util');
    const { code, result } = gateJson(repo);
    assert.equal(code, 0);
    assert.equal(result.passed, true);
    assert.deepEqual(
      result.commits[0].findings.map((finding) => [finding.level, finding.path]),
      [['warning', 'src/util/format.ts']],
    );
  });

  it('passes when the lines were reviewed before the commit, or the commit has a Reviewed-by trailer', async () => {
    await repo.writeAi('src/auth/login.ts', LOGIN);
    await repo.markReviewed('src/auth/login.ts');
    await commitWithProvenance(repo, 'Add login');
    assert.equal(gate(repo).code, 0);

    await repo.writeAi('src/payments/charge.ts', lines('export const charge = () => stripe.charge();'));
    await commitWithProvenance(repo, 'Add charge\n\nReviewed-by: Carol <c@example.com>');
    const { code, result } = gateJson(repo);
    assert.equal(code, 0, JSON.stringify(result.commits, null, 2));
    assert.deepEqual(
      result.commits.map((commit) => commit.findings.length),
      [0, 0],
    );
  });

  it('prints GitHub annotations with --format github', async () => {
    await repo.writeAi('src/auth/login.ts', LOGIN);
    await commitWithProvenance(repo, 'Add login');
    const run = gate(repo, '--format', 'github');
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /^::error file=src\/auth\/login\.ts,line=1,endLine=4,title=AI Provenance \([0-9a-f]{10}\)::src\/auth\/login\.ts L1-4: 4 unreviewed AI lines/m,
    );
  });

  it('falls back to the trailers when the notes were not fetched, and says how to fetch them', async () => {
    await repo.writeAi('src/auth/login.ts', LOGIN);
    await commitWithProvenance(repo, 'Add login');
    repo.git('update-ref', '-d', 'refs/notes/ai-provenance');
    const { code, result } = gateJson(repo);
    assert.equal(code, 1);
    assert.equal(result.commits[0].provenance, 'trailers');
    assert.equal(result.commits[0].findings[0].path, 'src/auth/login.ts');
    assert.equal(result.commits[0].findings[0].lines, undefined, 'no line detail without a note');
    assert.ok(result.notices.some((notice) => notice.includes('ai-provenance notes sync origin --no-push')));
  });

  it('follows the policy in .ai-provenance.json of the base', async () => {
    // The policy the pull request is judged by is the base's: committed on main, not in the checked-out tree.
    const policy = (value: object) => {
      repo.git('checkout', '-q', 'main');
      writeFileSync(join(repo.root, '.ai-provenance.json'), JSON.stringify({ policy: value }));
      repo.commitAll('policy');
      repo.git('checkout', '-q', 'feature');
    };
    await repo.writeAi('src/auth/login.ts', LOGIN);
    await commitWithProvenance(repo, 'Add login');
    await repo.writeAi('src/payments/charge.ts', lines(...Array.from({ length: 20 }, (_, i) => `step${i}();`)));
    await commitWithProvenance(repo, 'Add charge');

    policy({ failOn: [] });
    let { code, result } = gateJson(repo);
    assert.equal(code, 0, 'failOn: [] turns the default failures into warnings');
    assert.deepEqual(result.policy.failOn, []);
    assert.equal(result.counts.warnings, 2);

    policy({ failOn: [], requireReviewedByTrailer: ['high', 'critical'], classes: { payments: { maxUnreviewedAiLines: 5 } } });
    ({ code, result } = gateJson(repo));
    assert.equal(code, 1);
    const [login, charge] = result.commits;
    assert.deepEqual([login.risk, charge.risk], ['medium', 'high']);
    assert.deepEqual(
      charge.findings.map((finding) => finding.rule),
      ['unreviewed-ai-lines', 'reviewed-by-required'],
    );
    assert.deepEqual(
      result.findings.map((finding) => [finding.rule, finding.classes]),
      [['max-unreviewed-ai-lines', ['payments']]],
    );

    policy({ classes: { auth: { failOn: false } }, failOnRiskLevel: 'high' });
    ({ result } = gateJson(repo));
    assert.deepEqual(result.policy.failOn, ['crypto-secrets', 'data-migrations', 'infra', 'payments']);
    assert.deepEqual(
      result.commits[0].findings.map((finding) => finding.level),
      ['warning'],
      'auth no longer fails',
    );
    assert.deepEqual(
      result.commits[1].findings.map((finding) => finding.rule),
      ['unreviewed-ai-lines', 'risk-level'],
    );
  });

  it('needs --base and reports an unknown ref in one line', () => {
    assert.equal(runCli(['gate'], { cwd: repo.root }).code, 2);
    const run = runCli(['gate', '--base', 'nope'], { cwd: repo.root });
    assert.equal(run.code, 1);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.match(run.stderr, /--base nope is not a commit here/);
  });
});

describe('report: a Markdown summary for a pull request (real git)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();

  it('shows the AI share per file of what the range adds, load-bearing hits, and no blast radius without an index', async () => {
    const repo = ProvenanceRepo.onFeatureBranch(tempDir());
    await repo.writeAi('src/auth/login.ts', LOGIN);
    repo.write('src/plain.ts', lines('const human = 1;', 'const written = 2;'));
    repo.git('add', '-A');
    await commitWithProvenance(repo, 'Add login');
    // A later commit rewrites one AI line by hand: it is no longer counted as AI.
    repo.write('src/auth/login.ts', LOGIN.replace('  return check(user);', '  return verify(user);'));
    repo.git('add', '-A');
    await commitWithProvenance(repo, 'Use verify');

    const run = runCli(['report', '--base', 'main'], { cwd: repo.root });
    assert.equal(run.code, 0, run.stderr);
    const markdown = run.stdout;
    assert.match(markdown, /^## AI Provenance$/m);
    assert.match(markdown, /\*\*3 of 6 added lines \(50%\) were written by AI\*\* in 2 commits; 0 of them reviewed\. Risk: \*\*/);
    assert.match(markdown, /^\| `src\/auth\/login\.ts` \| 3 \| 4 \| 75% \| 0\/3 \| auth \(critical\) \|$/m);
    assert.match(markdown, /^- \*\*auth\*\* `src\/auth\/login\.ts`: 3 AI lines, 0 reviewed; unreviewed: L1-2, L4$/m);
    assert.match(markdown, /_No workspace index available: blast radius omitted\._/);
  });
});
