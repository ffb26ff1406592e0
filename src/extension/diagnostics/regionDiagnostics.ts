import * as vscode from 'vscode';
import { fromRepoPath } from '../../core/git';
import { aiLineSpan, planDiagnostics, type RegionDiagnostic } from '../../core/views';
import type { RegionInsights } from '../views/regionInsights';
import { affectsViews, viewSettings } from '../views/viewSettings';

/** The diagnostics' `code`: what a team filters the Problems panel by. */
export const DIAGNOSTIC_CODE = 'unreviewed-ai-code';
export const DIAGNOSTIC_SOURCE = 'AI Provenance';

/**
 * Optional (`aiProvenance.diagnostics.enabled`): unreviewed AI regions in
 * load-bearing files as Problems-panel entries, for every file of the
 * workspace (open or not), so teams can surface them where they look
 * already. A quick fix marks the region reviewed.
 */
export class RegionDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('aiProvenance');
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly insights: RegionInsights) {
    this.disposables = [
      this.collection,
      insights.onDidChangeWorkspace(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsViews(event)) this.refresh();
      }),
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, this, {
        providedCodeActionKinds: RegionDiagnostics.providedCodeActionKinds,
      }),
    ];
    this.refresh();
  }

  refresh(): void {
    this.collection.clear();
    if (!viewSettings.enabled || !viewSettings.diagnostics) return;
    const withBlast = viewSettings.annotations.blastRadius;
    for (const file of this.insights.workspace().files) {
      const planned = planDiagnostics(file, withBlast);
      if (planned.length > 0) this.collection.set(vscode.Uri.file(fromRepoPath(file.root, file.path)), planned.map(toDiagnostic));
    }
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const insight = this.insights.fileInsight(document.uri);
    if (!insight) return [];
    return ours.flatMap((diagnostic) => {
      // A diagnostic starts on its region's first AI line.
      const region = insight.regions.find((candidate) => !candidate.reviewed && aiLineSpan(candidate)?.first === diagnostic.range.start.line);
      if (!region) return [];
      const action = new vscode.CodeAction('Mark AI code as reviewed', vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.command = { title: action.title, command: 'aiProvenance.markReviewed', arguments: [{ uri: document.uri, regionId: region.id }] };
      return [action];
    });
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function toDiagnostic(planned: RegionDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(planned.startLine, planned.startCharacter, planned.endLine, planned.endCharacter);
  const severity = planned.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, planned.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = DIAGNOSTIC_CODE;
  return diagnostic;
}
