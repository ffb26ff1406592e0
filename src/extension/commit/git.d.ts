// The parts of the built-in git extension's API (`vscode.git`, API version 1)
// that AI Provenance uses, written from the API's documented shape
// (microsoft/vscode, extensions/git/src/api/git.d.ts). Only what is used is
// declared, so that a change elsewhere in that API cannot break the build.
import type { Event, Uri } from 'vscode';

/** What `vscode.extensions.getExtension('vscode.git').exports` is. */
export interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: Event<boolean>;
  /** Throws while the extension is disabled (`git.enabled: false`). */
  getAPI(version: 1): GitApi;
}

export interface GitApi {
  /** A new wrapper object on every read: compare repositories by `rootUri`, not by identity. */
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: Event<GitRepository>;
  readonly onDidCloseRepository: Event<GitRepository>;
}

/** The Source Control view's commit message box of one repository. */
export interface GitInputBox {
  value: string;
}

export interface GitChange {
  readonly uri: Uri;
}

export interface GitRepositoryState {
  /** Conflicted files of a merge, rebase or cherry-pick in progress. */
  readonly mergeChanges: readonly GitChange[];
  /** Staged files. */
  readonly indexChanges: readonly GitChange[];
  /** Set while a rebase stops on a commit. */
  readonly rebaseCommit: { readonly hash: string } | undefined;
  /** Fires after every `git status` the extension runs (the index or HEAD may have changed). */
  readonly onDidChange: Event<void>;
}

export interface GitRepository {
  readonly rootUri: Uri;
  readonly inputBox: GitInputBox;
  readonly state: GitRepositoryState;
  /** Commits the staged changes as the Source Control view does (hooks run). */
  commit(message: string): Promise<void>;
}
