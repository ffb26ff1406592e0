import * as vscode from 'vscode';

/** `aiProvenance.commit.*`, read fresh each time (they are cheap). */
export const commitSettings = {
  /** Offer to install the commit hooks in repositories with AI code (once per repository). */
  get offerHookInstall(): boolean {
    return section().get<boolean>('offerHookInstall', true) !== false;
  },
  /** Show the trailers of the staged changes in the Source Control commit box. */
  get previewTrailers(): boolean {
    return section().get<boolean>('previewTrailers', true) !== false;
  },
};

export const PREVIEW_SETTING = 'aiProvenance.commit.previewTrailers';

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('aiProvenance.commit');
}
