import type { AiRiskLevel } from '../../risk';
import type { LineRange } from '../lineRanges';
import type { GatePolicy } from './policy';

/** The gate's JSON output (`--json`): a contract, see docs/CI.md. */
export const GATE_SCHEMA = 'ai-provenance/gate';
export const GATE_VERSION = 1;

export type FindingRule =
  | 'unreviewed-ai-lines'
  | 'risk-level'
  | 'reviewed-by-required'
  | 'max-unreviewed-ai-lines'
  | 'needs-sign-off'
  | 'require-provenance'
  | 'policy-changed';

/**
 * What a finding is about: AI lines not reviewed enough (`unreviewed`), a
 * commit made without provenance (`unattested`), or a change to the policy,
 * CODEOWNERS or the hook configuration (`policy-changed`), or AI lines the
 * policy wants a reviewer's sign-off for (`needs-sign-off`, docs/REVIEW.md).
 */
export type FindingKind = 'unreviewed' | 'unattested' | 'policy-changed' | 'needs-sign-off';

export interface Finding {
  readonly level: 'error' | 'warning';
  readonly kind: FindingKind;
  readonly rule: FindingRule;
  /** Absent for findings about the whole commit. */
  readonly path?: string;
  /** 1-based inclusive ranges in the commit's version of the file; absent when only trailers are known. */
  readonly lines?: readonly LineRange[];
  readonly classes?: readonly string[];
  /** unattested: why the commit probably has no provenance, when known. */
  readonly cause?: string;
  /** policy-changed: the reviews that accepted the change (then the finding is a warning). */
  readonly acceptedReviews?: readonly AcceptedReview[];
  readonly message: string;
  /** needs-sign-off: who would satisfy it (CODEOWNERS owners, e-mails or globs; [] = anyone not excluded). */
  readonly reviewers?: readonly string[];
  /** needs-sign-off: who may not (the commit's author and committer, policy.signOff.notAuthor). */
  readonly excluded?: readonly string[];
}

/** A review the policy accepts, and where it comes from (`Reviewed-by` trailer; sign-offs later). */
export interface AcceptedReview {
  readonly by: string;
  readonly via: string;
}

export interface CommitVerdict {
  readonly sha: string;
  readonly subject: string;
  /** Where the facts came from: the note (line level), the trailers (summary only), or nothing (see `unattested` findings). */
  readonly provenance: 'note' | 'trailers' | 'none';
  readonly aiLines: number;
  readonly addedLines: number;
  readonly reviewedLines: number;
  /** AI lines an accepted sign-off covers (docs/REVIEW.md). */
  readonly signedOffLines: number;
  readonly risk?: AiRiskLevel;
  readonly reviewedBy: readonly string[];
  readonly findings: readonly Finding[];
}

export interface GateResult {
  readonly schema: typeof GATE_SCHEMA;
  readonly version: typeof GATE_VERSION;
  readonly base: string;
  readonly head: string;
  readonly passed: boolean;
  readonly policy: GatePolicy;
  /** Where the policy, classes and CODEOWNERS were read from: `base` (default) or `head` (--config-from head). */
  readonly configFrom: 'base' | 'head';
  readonly counts: { readonly commits: number; readonly withProvenance: number; readonly errors: number; readonly warnings: number };
  readonly commits: readonly CommitVerdict[];
  /** Findings about the whole range (per-class limits). */
  readonly findings: readonly Finding[];
  /** Things the reader should know (notes not fetched, policy problems). */
  readonly notices: readonly string[];
}
