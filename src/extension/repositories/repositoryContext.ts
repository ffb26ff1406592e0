import * as vscode from 'vscode';
import { fromRepoPath, toRepoPath } from '../../core/git/repository';
import type { RegionStore } from '../../core/store/regionStore';

/**
 * One repository (or, outside git, one workspace folder) with its region
 * store. Documents are addressed by repo-relative paths in the core.
 */
export class RepositoryContext {
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
    return this.root.split(/[\\/]/).pop() ?? this.root;
  }
}
