import { resolveCommit } from '../../git/revisions';
import { SignOffJudge } from '../../signoff/judge';
import { judgeRange } from '../../signoff/judgeRange';
import { readProvenanceSettings } from '../settings';
import { commitFacts } from './commitFacts';
import { evaluateCommit, evaluateRange } from './evaluate';
import { gatePolicy } from './policy';
import { notesRefExists, rangeCommits } from './rangeCommits';
import { GATE_SCHEMA, GATE_VERSION, type CommitVerdict, type GateResult } from './verdict';

export class GateInputError extends Error {}

/**
 * Checks the commits of `base..head` against the policy of the checked-out
 * `.ai-provenance.json` (the CI's copy, not the developer's), classifying
 * files and rating risk with today's configuration.
 */
export async function runGate(root: string, baseRef: string, headRef = 'HEAD'): Promise<GateResult> {
  const [base, head] = await Promise.all([resolveCommit(root, baseRef), resolveCommit(root, headRef)]);
  if (!base) throw new GateInputError(`--base ${baseRef} is not a commit here (in CI, fetch enough history: fetch-depth: 0)`);
  if (!head) throw new GateInputError(`--head ${headRef} is not a commit here`);
  const settings = await readProvenanceSettings(root);
  const { policy, problems } = gatePolicy(settings.project.policy);
  const classifier = settings.classifier;
  const commits = await rangeCommits(root, base, head);
  const judge = await SignOffJudge.open(root, base, { requireSignOff: policy.requireSignOff, ...policy.signOff }, commits.map((commit) => commit.sha));
  const judgements = await judgeRange(judge, commits);
  const options = {
    classifier,
    riskModel: settings.project.risk,
    reviewedByCountsAsReview: policy.reviewedByCountsAsReview,
    requireSignOff: policy.requireSignOff,
    reviewedByReplacesSignOff: policy.reviewedByReplacesSignOff,
  };
  const facts = commits.map((commit) => commitFacts(commit, { ...options, signOffsOf: (path) => judgements.get(commit.sha)?.get(path) }));
  const verdicts: CommitVerdict[] = commits.map((commit, index) => {
    const { files: _files, unnamedLoadBearing: _unnamed, ...summary } = facts[index];
    return { sha: commit.sha, subject: commit.subject, ...summary, findings: evaluateCommit(facts[index], policy, { base: baseRef, excluded: judge.excluded(commit), eligible: (path) => judge.eligible(path) }) };
  });
  const rangeFindings = evaluateRange(facts, policy);
  const notices = [...settings.problems, ...problems, ...judge.notices];
  if (commits.length > 0 && !commits.some((commit) => commit.note) && !(await notesRefExists(root))) {
    notices.push("refs/notes/ai-provenance is not here: run git fetch origin 'refs/notes/*:refs/notes/*' for line-level provenance");
  }
  const findings = [...verdicts.flatMap((verdict) => verdict.findings), ...rangeFindings];
  const errors = findings.filter((finding) => finding.level === 'error').length;
  return {
    schema: GATE_SCHEMA,
    version: GATE_VERSION,
    base,
    head,
    passed: errors === 0,
    policy,
    counts: {
      commits: verdicts.length,
      withProvenance: verdicts.filter((verdict) => verdict.provenance !== 'none').length,
      errors,
      warnings: findings.length - errors,
    },
    commits: verdicts,
    findings: rangeFindings,
    notices,
  };
}
