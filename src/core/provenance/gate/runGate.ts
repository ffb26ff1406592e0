import { commitSource } from '../../config/configSource';
import { resolveCommit } from '../../git/revisions';
import { SignOffJudge } from '../../signoff/judge';
import { judgeRange } from '../../signoff/judgeRange';
import { readProvenanceSettings } from '../settings';
import { changedFiles, mergeUnattestedFinding, mergesWithOwnChanges, unattestedFinding, type LocalHooks } from './attestation';
import { commitFacts } from './commitFacts';
import { evaluateCommit, evaluateRange } from './evaluate';
import { gatePolicy, type GatePolicy } from './policy';
import { policyChangedFindings } from './policyChanged';
import { policyChanges } from './policyFiles';
import { reviewedByTrailers, type ReviewSource } from './policyReview';
import { signOffReviews } from './signOffReviews';
import { notesRefExists, rangeCommits } from './rangeCommits';
import { GATE_SCHEMA, GATE_VERSION, type CommitVerdict, type GateResult } from './verdict';

export class GateInputError extends Error {}

export interface GateOptions {
  readonly head?: string;
  /**
   * Where the policy, the classes and CODEOWNERS come from: `base` (default),
   * read through git, so a pull request cannot relax the policy it is judged
   * by; `head` lets the range judge itself (an explicit opt-out).
   */
  readonly configFrom?: 'base' | 'head';
  /** This clone's hook records, for the likely cause of unattested commits (a local run; none in CI). */
  readonly localHooks?: LocalHooks;
  /** More sources of reviews that accept a policy change (sign-offs), built from the effective policy. */
  readonly reviewSources?: (policy: GatePolicy) => readonly ReviewSource[];
}

/**
 * Checks the commits of `base..head` against the policy, classifying files
 * and rating risk with the configuration of `base` (or `head`), read
 * through git: never the work tree, never the change under review.
 */
export async function runGate(root: string, baseRef: string, options: GateOptions = {}): Promise<GateResult> {
  const headRef = options.head ?? 'HEAD';
  const configFrom = options.configFrom ?? 'base';
  const [base, head] = await Promise.all([resolveCommit(root, baseRef), resolveCommit(root, headRef)]);
  if (!base) throw new GateInputError(`--base ${baseRef} is not a commit here (in CI, fetch enough history: fetch-depth: 0)`);
  if (!head) throw new GateInputError(`--head ${headRef} is not a commit here`);
  const configCommit = configFrom === 'base' ? base : head;
  const source = await commitSource(root, configCommit, `${configFrom === 'base' ? baseRef : headRef} (${configCommit.slice(0, 10)})`);
  const settings = await readProvenanceSettings(root, source);
  const { policy, problems } = gatePolicy(settings.project.policy);
  const classifier = settings.classifier;
  const [commits, notesFetched, changes, merges] = await Promise.all([
    rangeCommits(root, base, head),
    notesRefExists(root),
    policyChanges(root, base, head),
    mergesWithOwnChanges(root, base, head),
  ]);
  const judge = await SignOffJudge.open(
    root,
    configCommit,
    { requireSignOff: policy.requireSignOff, ...policy.signOff },
    commits.map((commit) => commit.sha),
  );
  const judgements = await judgeRange(judge, commits);
  const factOptions = {
    classifier,
    riskModel: settings.project.risk,
    reviewedByCountsAsReview: policy.reviewedByCountsAsReview,
    requireSignOff: policy.requireSignOff,
    reviewedByReplacesSignOff: policy.reviewedByReplacesSignOff,
  };
  const facts = commits.map((commit) => commitFacts(commit, { ...factOptions, signOffsOf: (path) => judgements.get(commit.sha)?.get(path) }));
  const unattested = commits.filter((_, index) => facts[index].provenance === 'none').map((commit) => commit.sha);
  const files = await changedFiles(root, unattested);
  const reviewSources = [reviewedByTrailers(policy), signOffReviews(judge), ...(options.reviewSources?.(policy) ?? [])];
  const changed = await policyChangedFindings(changes, commits, reviewSources);
  const attestation = { classifier, policy, notesFetched, ...(options.localHooks ? { local: options.localHooks } : {}) };

  const verdicts: CommitVerdict[] = commits.map((commit, index) => {
    const { files: _files, unnamedLoadBearing: _unnamed, ...summary } = facts[index];
    const missing = facts[index].provenance === 'none' ? unattestedFinding(commit, files.get(commit.sha) ?? [], attestation) : undefined;
    const judged = evaluateCommit(facts[index], policy, {
      base: baseRef,
      excluded: judge.excluded(commit),
      eligible: (path) => judge.eligible(path),
    });
    const findings = [...(changed.byCommit.get(commit.sha) ?? []), ...(missing ? [missing] : []), ...judged];
    return { sha: commit.sha, subject: commit.subject, ...summary, findings };
  });
  const mergeFindings = [...merges].flatMap(([sha, own]) => mergeUnattestedFinding(sha, own, attestation) ?? []);
  const rangeFindings = [...changed.range, ...mergeFindings, ...evaluateRange(facts, policy)];
  const notices = [`policy, classes and CODEOWNERS read from ${source.label}`, ...settings.problems, ...problems, ...judge.notices];
  if (commits.length > 0 && !notesFetched) {
    notices.push('refs/notes/ai-provenance is not here: run ai-provenance notes sync origin --no-push for line-level provenance and attestation');
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
    configFrom,
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
