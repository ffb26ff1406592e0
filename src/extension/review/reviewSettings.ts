import * as vscode from 'vscode';

/** The `aiProvenance.review.*` settings; read fresh each time (cheap). */
export const reviewSettings = {
  /** Show the AI code of the commits not on the base branch yet. */
  enabled(scope?: vscode.Uri): boolean {
    return config(scope).get<boolean>('review.enabled', true);
  },
  /** The base branch; '' detects it (the upstream's default branch). */
  base(scope?: vscode.Uri): string {
    return config(scope).get<string>('review.base', '').trim();
  },
  /** Show AI authorship of whole files, the base's history included (like blame annotations). */
  wholeFileAuthorship(scope?: vscode.Uri): boolean {
    return config(scope).get<boolean>('review.wholeFileAuthorship', false);
  },
};

export function affectsReview(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('aiProvenance.review');
}

function config(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('aiProvenance', scope);
}
