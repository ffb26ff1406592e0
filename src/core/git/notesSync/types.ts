/** A note that differs between the local notes ref and what a remote has. */
export interface NoteConflict {
  /** The annotated object (a commit id). */
  readonly object: string;
  /** The local note's text; undefined when only the remote has a note for the object. */
  readonly local?: string;
  readonly remote: string;
}

export interface NotesMergeResult {
  /**
   * The note each conflicting object gets. undefined: no note from the
   * remote (a remote-only note that is rejected); a local note is then kept
   * as it was, whatever the merge says: local notes are never lost.
   */
  readonly texts: ReadonlyMap<string, string | undefined>;
  /** One line each: what was rejected or repaired, and why. */
  readonly problems: readonly string[];
}

/** Merges the notes of one ref that differ between here and a remote (batched: one call per sync). */
export type NotesMerge = (root: string, conflicts: readonly NoteConflict[]) => Promise<NotesMergeResult>;

/**
 * A notes ref that travels with the code: pushed by the pre-push hook and
 * `ai-provenance notes sync`, fetched into refs/remote-notes/<remote>/...
 * and merged with `merge`. Registered in src/core/provenance/syncedNotes.ts.
 */
export interface SyncedNotesRef {
  /** Full ref name under refs/notes/. */
  readonly ref: string;
  readonly merge: NotesMerge;
}

/** A merge for text notes without structure: the union of their lines, local lines first (git's cat_sort_uniq, order kept). */
export const unionOfLines: NotesMerge = async (_root, conflicts) => {
  const texts = new Map<string, string>();
  for (const { object, local, remote } of conflicts) {
    const lines = [...(local ?? '').split('\n'), ...remote.split('\n')].filter((line) => line.trim() !== '');
    const remoteLines = new Set(remote.split('\n'));
    // The remote's own text when it has every local line: the same blob, so the ref can fast-forward.
    if (lines.every((line) => remoteLines.has(line))) texts.set(object, remote);
    else texts.set(object, `${[...new Set(lines)].join('\n')}\n`);
  }
  return { texts, problems: [] };
};
