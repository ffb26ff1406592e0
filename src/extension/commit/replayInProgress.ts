import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RepositoryContext } from '../repositories/repositoryContext';

/** What git keeps in the git directory while it merges, replays or reverts commits. */
const IN_PROGRESS_MARKERS = ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'rebase-merge', 'rebase-apply'];

/**
 * During a merge, rebase, cherry-pick or revert the commit box holds git's
 * own message (with the replayed commit's trailers) and the hooks leave it
 * untouched: so does the preview.
 */
export class ReplayInProgress {
  constructor(private readonly repository: RepositoryContext) {}

  async check(): Promise<boolean> {
    const dir = await this.repository.gitDir();
    return dir !== undefined && IN_PROGRESS_MARKERS.some((marker) => existsSync(join(dir, marker)));
  }
}
