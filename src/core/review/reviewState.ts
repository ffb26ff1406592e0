import { git } from '../git/exec';
import { resolveCommit } from '../git/revisions';
import type { Classification } from '../loadBearing';
import { rangeCommits, type RangeCommit } from '../provenance/gate/rangeCommits';
import { commitSource } from '../config/configSource';
import { readProvenanceSettings } from '../provenance/settings';
import { assessRisk, type RiskLevel, type RiskModelConfig } from '../risk';
import { signOffRules } from '../signoff/rules';
import { SignOffJudge, type AcceptedSignOff, type RejectedSignOff } from '../signoff/judge';
import type { SignOffRules } from '../signoff/rules';
import { committedAiHunks, type CommittedAiHunk } from './committedAiLines';
import { NoteCache } from './noteCache';

/** A committed AI hunk of the branch, with what the sign-offs and the policy say about it. */
export interface ReviewHunk extends CommittedAiHunk {
  /** Lines (1-based, as blamed) an accepted sign-off covers, and by whom. */
  readonly signedOff: ReadonlyMap<number, AcceptedSignOff>;
  /** Sign-offs that would cover lines here but do not count, with why. */
  readonly rejected: readonly RejectedSignOff[];
  /** AI lines still to be signed off. */
  readonly open: number;
}

export interface ReviewFile {
  readonly path: string;
  readonly classification: Classification;
  /** The file is in a class of policy.requireSignOff. */
  readonly requiresSignOff: boolean;
  /** Who would satisfy the policy here ([] = anyone but the authors), or why nobody can. */
  readonly reviewers: readonly string[];
  readonly nobody?: string;
  readonly hunks: readonly ReviewHunk[];
  /** Risk of the file's AI lines not yet signed off ('none' when all are). */
  readonly risk: RiskLevel;
  readonly riskExplanation: string;
}

export interface ReviewState {
  readonly baseRef: string;
  readonly mergeBase: string;
  readonly head: string;
  readonly commits: readonly RangeCommit[];
  /** Files with AI lines of the range at head, riskiest first. */
  readonly files: readonly ReviewFile[];
  readonly rules: SignOffRules;
  readonly notices: readonly string[];
}

export interface ReviewStateOptions {
  /** The head of the range (default HEAD). */
  readonly head?: string;
  /**
   * Classes, risk model and sign-off rules. Default: the base commit's
   * `.ai-provenance.json` and CODEOWNERS, read through git, as the gate
   * reads them (the branch under review cannot change what it needs).
   */
  readonly config?: ReviewConfig;
  readonly notes?: NoteCache;
  /** The editor's text of a file, when it has unsaved changes (else HEAD's version is blamed). */
  readonly contentsOf?: (path: string) => string | undefined;
  /** Dependents of a file's AI code, when an index knows them. */
  readonly blastOf?: (path: string) => { dependents: number; loadBearingDependents: number } | undefined;
}

export class ReviewInputError extends Error {}

export interface ReviewConfig {
  /** Classifies repo-relative paths (a LoadBearingClassifier). */
  readonly classifier: { classify(path: string): Classification };
  readonly rules: SignOffRules;
  readonly riskModel: RiskModelConfig;
  /** Where it was read from, for people ("origin/main (4f2a91c0de)"). */
  readonly label: string;
  readonly problems: readonly string[];
}

/** The review's configuration as committed in `commit`, read through git. */
export async function configAt(root: string, commit: string, label: string): Promise<ReviewConfig> {
  const settings = await readProvenanceSettings(root, await commitSource(root, commit, label));
  return {
    classifier: settings.classifier,
    rules: signOffRules(settings.project.policy),
    riskModel: settings.project.risk,
    label,
    problems: settings.problems,
  };
}

/**
 * The AI lines that the commits of `merge-base(base, HEAD)..HEAD` wrote and
 * that are still in the files at HEAD (blame), with their origin, commit and
 * author, their load-bearing classes and risk, and their sign-off state.
 */
export async function reviewState(root: string, baseRef: string, options: ReviewStateOptions = {}): Promise<ReviewState> {
  const headRef = options.head ?? 'HEAD';
  const [base, head] = await Promise.all([resolveCommit(root, baseRef), resolveCommit(root, headRef)]);
  if (!base) throw new ReviewInputError(`the review base ${baseRef} is not a commit here (fetch it, or choose another base)`);
  if (!head) throw new ReviewInputError(`${headRef} is not a commit${headRef === 'HEAD' ? ' yet' : ' here'}`);
  const mergeBase = (await git(['merge-base', base, head], { cwd: root, allowFailure: true })).stdout.trim() || base;
  const config = options.config ?? (await configAt(root, base, `${baseRef} (${base.slice(0, 10)})`));
  const commits = await rangeCommits(root, mergeBase, head);
  const notes = options.notes ?? new NoteCache(root);
  const attributions = await notes.attributions(commits.filter((commit) => commit.note).map((commit) => commit.sha));
  const paths = new Set<string>();
  for (const byPath of attributions.values()) for (const [path, file] of byPath) if (file.aiLines.size > 0) paths.add(path);
  const judge = await SignOffJudge.open(
    root,
    base,
    config.rules,
    commits.map((commit) => commit.sha),
  );
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const files: ReviewFile[] = [];
  for (const path of [...paths].sort()) {
    const contents = options.head === undefined ? options.contentsOf?.(path) : undefined;
    const hunks = (
      await committedAiHunks(root, path, { notes, since: mergeBase, ...(contents !== undefined ? { contents } : { rev: head }) })
    ).filter((hunk) => bySha.has(hunk.commit.sha));
    if (hunks.length === 0) continue;
    const reviewHunks: ReviewHunk[] = [];
    for (const hunk of hunks) {
      const commit = bySha.get(hunk.commit.sha)!;
      const judgement = await judge.judge(commit, hunk.origPath, hunk.origLines);
      const signedOff = new Map<number, AcceptedSignOff>();
      hunk.origLines.forEach((origLine, index) => {
        const accepted = judgement.accepted.get(origLine);
        if (accepted) signedOff.set(hunk.start + index, accepted);
      });
      reviewHunks.push({ ...hunk, signedOff, rejected: judgement.rejected, open: hunk.origLines.length - signedOff.size });
    }
    const classification = config.classifier.classify(path);
    const eligible = judge.eligible(path);
    const open = reviewHunks.reduce((sum, hunk) => sum + hunk.open, 0);
    const blast = options.blastOf?.(path);
    const risk = assessRisk({ path, unreviewedAiLines: open, loadBearing: classification, ...(blast ? { blast } : {}) }, config.riskModel);
    files.push({
      path,
      classification,
      requiresSignOff: classification.classes.some((match) => config.rules.requireSignOff.includes(match.name)),
      reviewers: eligible.reviewers,
      ...(eligible.nobody ? { nobody: eligible.nobody } : {}),
      hunks: reviewHunks,
      risk: risk.level,
      riskExplanation: risk.explanation,
    });
  }
  files.sort((a, b) => riskOrder(b.risk) - riskOrder(a.risk) || a.path.localeCompare(b.path));
  const notices = [`policy, classes and CODEOWNERS read from ${config.label}`, ...config.problems, ...judge.notices];
  return { baseRef, mergeBase, head, commits, files, rules: config.rules, notices };
}

const ORDER: readonly RiskLevel[] = ['none', 'low', 'medium', 'high', 'critical'];
function riskOrder(level: RiskLevel): number {
  return ORDER.indexOf(level);
}
