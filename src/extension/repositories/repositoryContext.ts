import * as vscode from 'vscode';
import { gitDirOf } from '../../core/capture';
import { fromRepoPath, toRepoPath } from '../../core/git';
import type { RegionStore } from '../../core/store';

/**
 * One repository (or, outside git, one workspace folder) with its region
 * store. Documents are addressed by repo-relative paths in the core.
 */
export class RepositoryContext {
  private knownGitDir: Promise<string | undefined> | undefined;

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
