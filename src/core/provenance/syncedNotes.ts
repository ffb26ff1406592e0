import { unionOfLines, type SyncedNotesRef } from '../git/notesSync/types';
import { SIGNOFFS_REF } from '../signoff';
import { NOTES_REF } from './note/schema';
import { mergeProvenanceNotes } from './note/syncMerge';

/**
 * The notes refs that travel with the code: the pre-push hook pushes them,
 * `git fetch` brings them into refs/remote-notes/<remote>/..., and
 * `ai-provenance notes sync` does both; each is merged with its own merge
 * function. A feature with a notes ref of its own adds one entry here with
 * a merge that never drops a local note (a NotesMerge: it gets every note
 * that differs from the remote's, batched). Refs whose names start with
 * another's (ai-provenance-*) share its fetch refspec.
 */
export const SYNCED_NOTES_REFS: readonly SyncedNotesRef[] = [
  { ref: NOTES_REF, merge: mergeProvenanceNotes },
  // One signed sign-off document per line: the union of the lines loses none (docs/REVIEW.md). Sign-offs are
  // judged by their signatures when they are read, not when they are merged.
  { ref: SIGNOFFS_REF, merge: unionOfLines },
];
