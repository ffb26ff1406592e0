import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { git, gitBuffer } from '../git/exec';

/**
 * What git itself is doing to the work tree. A checkout, merge, pull,
 * stash or reset moves HEAD (or writes ORIG_HEAD, MERGE_HEAD, FETCH_HEAD,
 * the stash ref) and holds index.lock while it rewrites files: file changes
 * around such activity are git's, not an agent's. index.lock alone is not
 * activity: `git status` (which editors run after every file change) takes
 * it too, and that must not hide an agent's write.
 */
const GIT_ACTIVITY_NAMES = new Set([
  'HEAD', 'ORIG_HEAD', 'MERGE_HEAD', 'FETCH_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'AUTO_MERGE',
  'rebase-merge', 'rebase-apply', 'stash', 'packed-refs',
]);

/** How long before and after git activity a file change is taken to be git's. */
export const GIT_ACTIVITY_WINDOW_MS = 3_000;

export class GitActivity {
  private lastActivity = Number.NEGATIVE_INFINITY;
  private readonly watchers: FSWatcher[] = [];

  constructor(
    private readonly gitDir: string,
    /** The work tree this git directory belongs to. */
    readonly root: string,
  ) {}

  /** Starts watching the git directory (and refs/ for the stash); a directory that cannot be watched is skipped. */
  start(now: () => number = Date.now): this {
    // Not logs/ nor HEAD.lock: a commit writes those, and a commit leaves the work tree alone.
    for (const directory of [this.gitDir, join(this.gitDir, 'refs')]) {
      try {
        const watcher = watch(directory, { persistent: false }, (_event, name) => {
          if (name === null || GIT_ACTIVITY_NAMES.has(String(name))) this.note(now());
        });
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // A missing refs/ or logs/ directory: the others still report.
      }
    }
    return this;
  }

  note(at: number): void {
    this.lastActivity = Math.max(this.lastActivity, at);
  }

  /** True when git touched HEAD-like state between `from - window` and now, or is working right now. */
  activeSince(from: number): boolean {
    return this.lastActivity >= from - GIT_ACTIVITY_WINDOW_MS || this.busy();
  }

  /** git holds index.lock while it rewrites the work tree. */
  busy(): boolean {
    return existsSync(join(this.gitDir, 'index.lock'));
  }

  dispose(): void {
    for (const watcher of this.watchers.splice(0)) watcher.close();
  }
}

/** The per-worktree git directory of the repository at `root`. */
export async function gitDirOf(root: string): Promise<string | undefined> {
  const result = await git(['rev-parse', '--absolute-git-dir'], { cwd: root, allowFailure: true }).catch(() => undefined);
  return result && result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/** A file's text in the index (`:path`) or in a commit (`HEAD:path`); undefined when absent. */
export async function gitVersion(root: string, revision: 'index' | 'HEAD', repoPath: string): Promise<string | undefined> {
  const spec = revision === 'index' ? `:${repoPath}` : `HEAD:${repoPath}`;
  const result = await gitBuffer(['cat-file', 'blob', spec], { cwd: root, allowFailure: true }).catch(() => undefined);
  return result && result.exitCode === 0 ? result.stdout.toString('utf8') : undefined;
}

/** The paths among `repoPaths` that git ignores (build output, dependencies). */
export async function ignoredPaths(root: string, repoPaths: readonly string[]): Promise<Set<string>> {
  if (repoPaths.length === 0) return new Set();
  const result = await git(['check-ignore', '--stdin', '-z'], { cwd: root, input: repoPaths.join('\0'), allowFailure: true }).catch(() => undefined);
  return new Set((result?.stdout ?? '').split('\0').filter(Boolean));
}
