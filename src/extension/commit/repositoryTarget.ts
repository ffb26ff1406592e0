import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { findRepository } from '../../core/git';
import { repositoryName } from '../repositories/repositoryContext';

/**
 * What the commands are invoked with: the Source Control view's title menu
 * passes its SourceControl (which has a rootUri); other callers a Uri or an
 * absolute path inside the repository. From the palette: nothing.
 */
export type RepositoryArgument = vscode.Uri | string | { readonly rootUri?: vscode.Uri } | undefined;

/**
 * The root of the git repository a command is about: the argument's, else
 * the active editor's, else the only one known, else the user picks one.
 * Undefined (after saying why) when there is none. Runs git: trusted
 * workspaces only.
 */
export async function repositoryRootFor(argument: RepositoryArgument, knownRoots: () => readonly string[]): Promise<string | undefined> {
  const given = pathOf(argument);
  if (given !== undefined) {
    const repository = await findRepository(directoryOf(given));
    if (!repository) void vscode.window.showWarningMessage(`AI Provenance: ${given} is not in a git repository.`);
    return repository?.root;
  }
  const document = vscode.window.activeTextEditor?.document;
  if (document?.uri.scheme === 'file') {
    const repository = await findRepository(dirname(document.uri.fsPath));
    if (repository) return repository.root;
  }
  const roots = [...new Set(knownRoots())].sort();
  if (roots.length === 1) return roots[0];
  if (roots.length === 0) {
    void vscode.window.showInformationMessage('AI Provenance: open a file of a git repository first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    roots.map((root) => ({ label: repositoryName(root), description: root, root })),
    { placeHolder: 'Which repository?' },
  );
  return picked?.root;
}

function pathOf(argument: RepositoryArgument): string | undefined {
  if (typeof argument === 'string') return argument;
  if (argument instanceof vscode.Uri) return argument.scheme === 'file' ? argument.fsPath : undefined;
  const root = argument?.rootUri;
  return root instanceof vscode.Uri && root.scheme === 'file' ? root.fsPath : undefined;
}

/** git needs a directory to start from; a file's is its folder. */
function directoryOf(path: string): string {
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return path;
  }
}
