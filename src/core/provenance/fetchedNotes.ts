import { mergeFetchedNotes } from '../git/notesSync/syncNotes';
import { SYNCED_NOTES_REFS } from './syncedNotes';

/**
 * Before reading notes: merges the notes `git fetch` brought (no network).
 * Never fails the reader: a problem comes back as one line and the local
 * notes are read as they are.
 */
export async function takeInFetchedNotes(root: string): Promise<string[]> {
  try {
    return (await mergeFetchedNotes(root, SYNCED_NOTES_REFS)).flatMap((merge) => merge.problems);
  } catch (error) {
    return [`fetched notes not merged: ${(error as Error).message.split('\n')[0]}`];
  }
}
