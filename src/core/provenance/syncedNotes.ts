import type { SyncedNotesRef } from '../git/notesSync/types';
import { NOTES_REF } from './note/schema';
import { mergeProvenanceNotes } from './note/syncMerge';

/**
 * The notes refs that travel with the code: the pre-push hook pushes them,
 * `git fetch` brings them into refs/remote-notes/<remote>/..., and
 * `ai-provenance notes sync` does both; each is merged with its own merge
 * function. A feature with a notes ref of its own adds one entry here, e.g.
 * `{ ref: 'refs/notes/ai-provenance-signoffs', merge: mergeSignOffs }`
 * (`unionOfLines` from git/notesSync/types suits line-per-record notes).
 * Refs whose names start with another's (ai-provenance-*) share its fetch
 * refspec.
 */
export const SYNCED_NOTES_REFS: readonly SyncedNotesRef[] = [{ ref: NOTES_REF, merge: mergeProvenanceNotes }];
