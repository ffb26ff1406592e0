import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What git keeps in the git directory while an operation is in progress: a
 * merge, cherry-pick or revert stopped on conflicts, a rebase (either backend),
 * and a cherry-pick or rebase committing its copy of a commit. A commit made
 * then keeps git's own message (with the original commit's trailers), so the
 * hooks and the commit box preview leave it as it is, and file changes around
 * them are git's, not an agent's.
 */
export const OPERATION_IN_PROGRESS_MARKERS = ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'rebase-merge', 'rebase-apply'] as const;

export function operationInProgress(gitDir: string): boolean {
  return OPERATION_IN_PROGRESS_MARKERS.some((marker) => existsSync(join(gitDir, marker)));
}
