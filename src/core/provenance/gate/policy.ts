import { DEFAULT_POLICY as UNCONFIGURED, type PolicyConfig } from '../../config';
import { signOffRules, type SignOffRules } from '../../signoff/rules';
import type { AiRiskLevel } from '../../risk';

/**
 * The gate's reading of the `policy` section (validated by the project
 * config loader, see docs/LOAD_BEARING.md and docs/CI.md):
 * - `failOn`: classes where any unreviewed AI line fails. Absent: auth,
 *   payments, crypto-secrets, infra and data-migrations. `[]`: none.
 * - `classes.<name>.failOn`: true/false adds or removes one class;
 *   `maxUnreviewedAiLines`: fail when the range adds more unreviewed AI
 *   lines than this to files of the class;
 *   `requireReviewedByTrailer`: commits with AI lines there need `Reviewed-by:`.
 * - `failOnRiskLevel`: fail when a file's AI lines reach this risk level.
 * - `requireReviewedByTrailer`: commits at these AI-Risk levels need `Reviewed-by:`.
 * - `requireProvenance`: classes (or `true`: all files) whose commits must
 *   carry a note or AI-* trailers; commits in the default fail classes (and
 *   `failOn`) without provenance are warnings regardless.
 * - `policyChanges.acceptReviewedBy`: which `Reviewed-by:` trailers accept a
 *   change to the policy files (absent: none).
 * - gate extensions: `warnOnUnreviewed` (default true: unreviewed AI lines
 *   that do not fail warn), `reviewedByCountsAsReview` (default true: a
 *   `Reviewed-by:` trailer reviews every AI line of its commit).
 */
export interface GatePolicy {
  readonly failOn: readonly string[];
  readonly failOnRiskLevel?: AiRiskLevel;
  readonly requireReviewedByTrailer: readonly AiRiskLevel[];
  /** Classes whose commits need `Reviewed-by:` when they add AI lines there. */
  readonly requireReviewedByTrailerIn: readonly string[];
  /** Class -> most unreviewed AI lines the range may add there. */
  readonly maxUnreviewedAiLines: Readonly<Record<string, number>>;
  readonly warnOnUnreviewed: boolean;
  readonly reviewedByCountsAsReview: boolean;
  /** Classes whose AI lines need an accepted sign-off (policy.requireSignOff). */
  readonly requireSignOff: readonly string[];
  /** What a sign-off must be to count (policy.signOff, defaults applied). */
  readonly signOff: Omit<SignOffRules, 'requireSignOff'>;
  /**
   * A `Reviewed-by:` trailer also stands in for a sign-off: only when the
   * policy sets reviewedByCountsAsReview explicitly (anyone can type one).
   */
  readonly reviewedByReplacesSignOff: boolean;
  /** Commits touching files of these classes (`true`: any file) need provenance, or fail. */
  readonly requireProvenance: true | readonly string[];
  /** Classes where a commit without provenance is a warning (when requireProvenance does not make it an error). */
  readonly warnUnattestedIn: readonly string[];
  /** Which reviews accept a change to the policy files (see policyReview.ts). */
  readonly policyChanges: { readonly acceptReviewedBy: true | readonly string[] | false };
}

export const DEFAULT_FAIL_ON: readonly string[] = Object.freeze(['auth', 'payments', 'crypto-secrets', 'infra', 'data-migrations']);

export function gatePolicy(config: PolicyConfig): { policy: GatePolicy; problems: string[] } {
  const problems: string[] = [];
  const { requireSignOff, ...signOff } = signOffRules(config);
  // The loader hands back its frozen default list when `failOn` is absent: only then do our defaults apply.
  const failOn = new Set(config.failOn === UNCONFIGURED.failOn ? DEFAULT_FAIL_ON : config.failOn);
  const requireIn: string[] = [];
  const max: Record<string, number> = {};
  for (const [name, rule] of Object.entries(config.classes)) {
    if (rule.failOn === true) failOn.add(name);
    if (rule.failOn === false) failOn.delete(name);
    if (rule.requireReviewedByTrailer === true) requireIn.push(name);
    if (rule.maxUnreviewedAiLines !== undefined) max[name] = rule.maxUnreviewedAiLines;
  }
  return {
    policy: {
      failOn: [...failOn].sort(),
      ...(config.failOnRiskLevel ? { failOnRiskLevel: config.failOnRiskLevel } : {}),
      requireReviewedByTrailer: [...config.requireReviewedByTrailer],
      requireReviewedByTrailerIn: requireIn.sort(),
      maxUnreviewedAiLines: max,
      warnOnUnreviewed: flag(config, 'warnOnUnreviewed', problems),
      reviewedByCountsAsReview: flag(config, 'reviewedByCountsAsReview', problems),
      requireSignOff,
      signOff,
      reviewedByReplacesSignOff: config['reviewedByCountsAsReview'] === true,
      requireProvenance: config.requireProvenance === true ? true : [...(config.requireProvenance ?? [])].sort(),
      warnUnattestedIn: [...new Set([...DEFAULT_FAIL_ON, ...failOn])].sort(),
      policyChanges: { acceptReviewedBy: config.policyChanges?.acceptReviewedBy ?? false },
    },
    problems,
  };
}

function flag(config: PolicyConfig, key: 'warnOnUnreviewed' | 'reviewedByCountsAsReview', problems: string[]): boolean {
  const value = config[key];
  if (value === undefined || typeof value === 'boolean') return value ?? true;
  problems.push(`\`.ai-provenance.json\`: policy.${key} must be true or false; using true`);
  return true;
}
