/**
 * Sign-offs: a reviewer's attestation, after the commit, that its AI code
 * was reviewed. Insights only reads them, through this interface; the
 * reader of the attestation notes plugs in here.
 */
export interface SignOff {
  readonly by: string;
  /** ISO 8601. */
  readonly at: string;
  /** The files of the commit it covers; undefined: the whole commit. */
  readonly files?: readonly string[];
}

export interface SignOffs {
  /** Where they were read from, or why there are none. */
  readonly source: string;
  /** The sign-offs of each signed-off commit. */
  readonly byCommit: ReadonlyMap<string, readonly SignOff[]>;
  /** Sign-offs that could not be read, for a notice. */
  readonly problems: readonly string[];
}

export type SignOffReader = (root: string, commits: readonly string[]) => Promise<SignOffs>;

/** The earliest sign-off that covers this file of the commit. */
export function signOffOf(signOffs: SignOffs, commit: string, file: string): SignOff | undefined {
  let earliest: SignOff | undefined;
  for (const signOff of signOffs.byCommit.get(commit) ?? []) {
    if (signOff.files !== undefined && !signOff.files.includes(file)) continue;
    if (!earliest || Date.parse(signOff.at) < Date.parse(earliest.at)) earliest = signOff;
  }
  return earliest;
}
