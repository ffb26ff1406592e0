/**
 * A sign-off: a reviewer's attestation that they reviewed some AI-written
 * lines of some commits. Stored one JSON document per line in the notes of
 * SIGNOFFS_REF (attached to the head commit the reviewer saw), so that git's
 * line-based note merges keep every document readable.
 * A contract (docs/REVIEW.md): any change of meaning bumps SIGNOFF_VERSION.
 */
export const SIGNOFFS_REF = 'refs/notes/ai-provenance-signoffs';
export const SIGNOFF_SCHEMA = 'ai-provenance/sign-off';
export const SIGNOFF_VERSION = 1;
/** The `-n` namespace of `ssh-keygen -Y sign` (git uses "git"): a sign-off signature never passes for a commit's. */
export const SIGNATURE_NAMESPACE = 'ai-provenance-sign-off';

export interface Reviewer {
  readonly name: string;
  readonly email: string;
}

/** Lines of one file in one commit's version, with the SHA-256 of their text. */
export interface SignedOffRange {
  /** 1-based, inclusive, in the commit's version of the file (as in the provenance notes). */
  readonly start: number;
  readonly end: number;
  /** SHA-256 (hex) of lines start..end joined by "\n" (line breaks normalised, no trailing newline). */
  readonly sha256: string;
}

export interface SignedOffFile {
  readonly path: string;
  readonly ranges: readonly SignedOffRange[];
}

export interface SignedOffCommit {
  readonly sha: string;
  /** `git patch-id --stable` of the commit: finds it again after a rebase (the hashes must still match). */
  readonly patchId?: string;
  readonly files: readonly SignedOffFile[];
}

export interface Signature {
  /** git's gpg.format: ssh or openpgp. */
  readonly format: 'ssh' | 'openpgp';
  /** The armored signature over the document's canonical payload (signedPayload()). */
  readonly signature: string;
}

export interface SignOffDocument {
  readonly schema: typeof SIGNOFF_SCHEMA;
  readonly version: number;
  /** From git config user.name and user.email. */
  readonly reviewer: Reviewer;
  /** ISO 8601. */
  readonly signedOffAt: string;
  readonly comment?: string;
  /** The base and head commits the reviewer looked at (merge base..head). */
  readonly base: string;
  readonly head: string;
  /**
   * What was signed off: the whole range (every commit of it is listed, those
   * without AI lines with no files: the reviewer reviewed each commit whole),
   * some files, or some lines.
   */
  readonly scope: 'range' | 'files' | 'lines';
  readonly commits: readonly SignedOffCommit[];
  /** `ai-provenance <version>`. */
  readonly generator: string;
  readonly signature?: Signature;
}

/** A stored sign-off, as listed by listSignOffs(). */
export interface SignOff {
  /** SHA-256 of the signed payload: the same sign-off copied twice has one id. */
  readonly id: string;
  /** The commit whose note holds it. */
  readonly attachedTo: string;
  readonly document: SignOffDocument;
}
