import * as vscode from 'vscode';

const MANAGE_TRUST = 'Manage Workspace Trust';

/**
 * For the commands that run git (commit hooks, trailers, insights): a
 * repository's configuration can make git run programs (hooks, fsmonitor,
 * diff drivers), so in an untrusted workspace they explain why they do
 * nothing instead.
 */
export function trustedOrExplain(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(
      `AI Provenance cannot ${action} in an untrusted workspace: it would have to run git, and a repository's configuration can make git run programs. Trust this workspace first.`,
      MANAGE_TRUST,
    )
    .then((choice) => {
      if (choice === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
