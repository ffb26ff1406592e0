import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../../core/git/exec';

/** What git keeps in the git directory while it merges, replays or reverts commits. */
const IN_PROGRESS_MARKERS = ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'rebase-merge', 'rebase-apply'];

/**
 * During a merge, rebase, cherry-pick or revert the commit box holds git's
 * own message (with the replayed commit's trailers) and the hooks leave it
 * untouched: so does the preview. The git directory (per worktree) is asked
 * for once.
 */
export class ReplayInProgress {
  private gitDir: Promise<string | undefined> | undefined;

  constructor(private readonly root: string) {}

  async check(): Promise<boolean> {
    this.gitDir ??= git(['rev-parse', '--absolute-git-dir'], { cwd: this.root, allowFailure: true }).then(
      (result) => (result.exitCode === 0 ? result.stdout.trim() : undefined),
      () => undefined,
    );
    const dir = await this.gitDir;
    if (dir === undefined) this.gitDir = undefined; // ask again next time
    return dir !== undefined && IN_PROGRESS_MARKERS.some((marker) => existsSync(join(dir, marker)));
  }
}
