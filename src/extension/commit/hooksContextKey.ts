import * as vscode from 'vscode';
import type { CommitHooks } from './commitHooks';
import { writesTrailers } from './hooksHealth';

/** Context key: URIs (as strings) of the repository roots whose commits our hooks write. */
export const ROOTS_WITH_HOOKS_KEY = 'aiProvenance.commit.rootsWithHooks';

/**
 * Keeps ROOTS_WITH_HOOKS_KEY up to date from every hooks status read, so the
 * Source Control title menu offers "Install" or "Remove" per repository
 * (`scmProviderRootUri in aiProvenance.commit.rootsWithHooks`).
 */
export function trackRootsWithHooks(hooks: CommitHooks): vscode.Disposable {
  const roots = new Set<string>();
  return hooks.onDidReadStatus(({ root, status }) => {
    const key = vscode.Uri.file(root).toString();
    const had = roots.has(key);
    if (writesTrailers(status)) roots.add(key);
    else roots.delete(key);
    if (had !== roots.has(key)) void vscode.commands.executeCommand('setContext', ROOTS_WITH_HOOKS_KEY, [...roots]);
  });
}
