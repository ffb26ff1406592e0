import type { AiRiskLevel } from '../risk/riskLevel';
import type { SignOffPolicyConfig } from './signOffPolicy';

/**
 * The `policy` section, read by the CI gate (built elsewhere). This module
 * only validates the fields below and passes anything else through, so the
 * gate can grow without breaking older configs. docs/LOAD_BEARING.md
 * describes the intended meaning; the gate decides what an empty policy does.
 */
export interface PolicyConfig {
  /** Classes in which any unreviewed AI line fails the gate. */
  readonly failOn: readonly string[];
  /** Fail when any file reaches this risk level or above. */
  readonly failOnRiskLevel?: AiRiskLevel;
  /** Risk levels at which commits need a reviewed-by trailer. */
  readonly requireReviewedByTrailer: readonly AiRiskLevel[];
  /** Rules for one class, by class name. */
  readonly classes: Readonly<Record<string, ClassPolicy>>;
  /** Classes whose AI lines need a reviewer's sign-off (docs/REVIEW.md). */
  readonly requireSignOff?: readonly string[];
  /** What a sign-off must be to count. */
  readonly signOff?: SignOffPolicyConfig;
  /**
   * Commits touching files of these classes (`true`: any file) must carry
   * provenance (a note or AI-* trailers); without, the gate fails them.
   */
  readonly requireProvenance?: true | readonly string[];
  /** How a change to the policy, CODEOWNERS or the hook configuration can be accepted. */
  readonly policyChanges?: PolicyChangesConfig;
  /** Properties this version does not know, kept for the gate. */
  readonly [extension: string]: unknown;
}

export interface PolicyChangesConfig {
  /**
   * A `Reviewed-by:` trailer of the changing commit accepts the change:
   * `true` any reviewer but the commit's author, or a list of reviewer emails
   * or globs (`*@security.example.com`). Absent: no trailer does (trailers
   * are written by the author; see docs/CI.md).
   */
  readonly acceptReviewedBy?: true | readonly string[];
  readonly [extension: string]: unknown;
}

export interface ClassPolicy {
  readonly failOn?: boolean;
  readonly requireReviewedByTrailer?: boolean;
  /** Fail when more unreviewed AI lines than this are in the class. */
  readonly maxUnreviewedAiLines?: number;
  readonly [extension: string]: unknown;
}

export const POLICY_KEYS = [
  'failOn',
  'failOnRiskLevel',
  'requireReviewedByTrailer',
  'classes',
  'requireSignOff',
  'signOff',
  'requireProvenance',
  'policyChanges',
] as const;
export const CLASS_POLICY_KEYS = ['failOn', 'requireReviewedByTrailer', 'maxUnreviewedAiLines'] as const;

export const DEFAULT_POLICY: PolicyConfig = Object.freeze({
  failOn: Object.freeze([]),
  requireReviewedByTrailer: Object.freeze([]),
  classes: Object.freeze({}),
});
