import * as vscode from 'vscode';
import { GitRoundTrips, gitDirOf } from '../../core/capture';
import { fromRepoPath, toRepoPath } from '../../core/git';
import type { RegionStore } from '../../core/store';

/**
 * One repository (or, outside git, one workspace folder) with its region
 * store. Documents are addressed by repo-relative paths in the core.
 */
export class RepositoryContext {
  private knownGitDir: Promise<string | undefined> | undefined;
  private trips: GitRoundTrips | undefined;

  constructor(
    readonly root: string,
    readonly store: RegionStore,
    /** False when regions are kept in the extension's storage (no git, or an untrusted workspace). */
    readonly inGit: boolean,
  ) {}

  pathOf(uri: vscode.Uri): string | undefined {
    return uri.scheme === 'file' ? toRepoPath(this.root, uri.fsPath) : undefined;
  }

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.file(fromRepoPath(this.root, path));
  }

  get name(): string {
    return repositoryName(this.root);
  }

  /** Marks through git's round trips for this repository (the editor's reloads and the disk watcher share it). */
  get roundTrips(): GitRoundTrips {
    this.trips ??= new GitRoundTrips(this.root, this.store.storeDir, this.store);
    return this.trips;
  }

  /**
   * Writes the store now, for changes a commit may read at once: explicit
   * commands and captures (a commit 50 ms after *Mark reviewed* must see it).
   * Only typing-path moves wait for the debounce. A failed write is not
   * thrown: the store keeps it pending and retries, and the registry reports it.
   */
  async saveNow(): Promise<void> {
    await this.store.sync().catch(() => undefined);
  }

  /**
   * The per-worktree git directory (HEAD, sequencer state), asked of git
   * once; undefined outside git. A failed answer is asked again next time.
   */
  async gitDir(): Promise<string | undefined> {
    if (!this.inGit) return undefined;
    this.knownGitDir ??= gitDirOf(this.root);
    const dir = await this.knownGitDir;
    if (dir === undefined) this.knownGitDir = undefined;
    return dir;
  }
}

/** A repository's name as people say it: its folder's. */
export function repositoryName(root: string): string {
  return root.split(/[\\/]/).pop() || root;
}
