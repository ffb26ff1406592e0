/**
 * Sign-offs: a reviewer's attestation, after the commit, that its AI code
 * was reviewed. Insights only reads them, through this interface; the
 * reader of the attestation notes plugs in here.
 */
export interface SignOff {
  readonly by: string;
  /** ISO 8601. */
  readonly at: string;
  /** The files it covers; undefined: the whole commit. */
  readonly files?: readonly string[];
}

export interface SignOffs {
  /** True when the source exists (it may still hold no sign-off for these commits). */
  readonly available: boolean;
  /** Where they were read from, or why there are none. */
  readonly source: string;
  /** The earliest sign-off of each signed-off commit. */
  readonly byCommit: ReadonlyMap<string, SignOff>;
}

export type SignOffReader = (root: string, commits: readonly string[]) => Promise<SignOffs>;

/** Until a sign-off reader exists: an honest "no sign-offs recorded", never a guess. */
export const noSignOffReader: SignOffReader = async () => ({ available: false, source: 'no sign-offs recorded', byCommit: new Map() });

/** Does the sign-off cover this file of its commit? */
export function covers(signOff: SignOff | undefined, file: string): boolean {
  return signOff !== undefined && (signOff.files === undefined || signOff.files.includes(file));
}
