import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { git, gitBuffer } from '../git/exec';
import { OPERATION_IN_PROGRESS_MARKERS } from '../git/operations';

/**
 * What git itself is doing to the work tree. Most of what git writes is
 * recognized by content: after a checkout, reset, pull or merge commit a
 * file holds exactly its HEAD or index version. What is not git's version
 * comes from a stash being applied or an operation stopped on conflicts
 * (merge, rebase, cherry-pick, revert): those write MERGE_HEAD, AUTO_MERGE,
 * CHERRY_PICK_HEAD, REVERT_HEAD, rebase-merge/, rebase-apply/ or refs/stash,
 * and file changes around them are git's too. While git rewrites the work
 * tree it holds index.lock; `git status` takes it as well, so it only
 * delays judging and is not activity (a commit or a status must not hide
 * an agent's write).
 */
const GIT_RESTORE_NAMES = new Set<string>([...OPERATION_IN_PROGRESS_MARKERS, 'AUTO_MERGE', 'stash']);

/**
 * The markers whose removal is activity too: `git stash pop` drops the stash
 * it applied (refs/stash goes with the last one), and a rebase applies its
 * autostash as it ends. The others go when the operation is committed,
 * aborted or reset away, which writes git's own versions (recognized by
 * content). AUTO_MERGE above all: git (2.39 at least) leaves it behind after
 * every clean stash pop, merge or rebase, for the next commit, checkout or
 * `reset --hard` to delete; taken for activity, it hid an agent's write made
 * in the 3 s after such a command.
 */
const REMOVAL_IS_ACTIVITY = new Set<string>(['stash', 'rebase-merge', 'rebase-apply']);

/** git wrote a marker (a change, or a name that is there now), or removed one whose removal counts. */
function isRestoreActivity(directory: string, event: string, name: string): boolean {
  if (!GIT_RESTORE_NAMES.has(name)) return false;
  return event === 'change' || REMOVAL_IS_ACTIVITY.has(name) || existsSync(join(directory, name));
}

/** How long before and after such activity a file change is taken to be git's. */
export const GIT_ACTIVITY_WINDOW_MS = 3_000;

export class GitActivity {
  private lastRestore = Number.NEGATIVE_INFINITY;
  private readonly watchers: FSWatcher[] = [];

  constructor(
    private readonly gitDir: string,
    /** The work tree this git directory belongs to. */
    readonly root: string,
  ) {}

  /** Starts watching the git directory (and refs/ for the stash); a directory that cannot be watched is skipped. */
  start(now: () => number = Date.now): this {
    for (const directory of [this.gitDir, join(this.gitDir, 'refs')]) {
      try {
        const watcher = watch(directory, { persistent: false }, (event, name) => {
          if (name !== null && isRestoreActivity(directory, event, String(name))) this.note(now());
        });
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // A missing refs/ directory: the git directory itself still reports.
      }
    }
    return this;
  }

  note(at: number): void {
    this.lastRestore = Math.max(this.lastRestore, at);
  }

  /** True when git applied a stash or stopped on conflicts from `from - window` on. */
  restoredSince(from: number): boolean {
    return this.lastRestore >= from - GIT_ACTIVITY_WINDOW_MS;
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
