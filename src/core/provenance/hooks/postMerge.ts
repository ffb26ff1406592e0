import { takeInFetchedNotes } from '../fetchedNotes';

/**
 * post-merge (`git pull`, `git merge`): merges the notes the fetch brought
 * into refs/remote-notes/ into the local notes, so every tool reading
 * refs/notes/ai-provenance sees a teammate's notes right after a pull.
 * (A pull that finds nothing to merge runs no hook; readers merge then.)
 */
export async function runPostMerge(root: string): Promise<string[]> {
  return takeInFetchedNotes(root);
}
