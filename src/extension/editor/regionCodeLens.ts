import * as vscode from 'vscode';
import { aiLineSpan, classesText } from '../../core/views';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { RegionInsights } from '../views/regionInsights';
import { affectsViews, viewSettings } from '../views/viewSettings';

/**
 * "Mark reviewed" above each unreviewed AI region of a load-bearing file:
 * where the warning is, the way to clear it is one click away. Other AI
 * regions keep the action in their hover, so ordinary code gets no extra lines.
 */
export class RegionCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(
    registry: RepositoryRegistry,
    private readonly insights: RegionInsights,
  ) {
    const changed = () => this.changeEmitter.fire();
    this.disposables = [
      this.changeEmitter,
      registry.onDidChangeRegions(changed),
      insights.onDidChangeFacts(changed),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsViews(event)) changed();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!viewSettings.enabled || !viewSettings.codeLens || !viewSettings.annotations.loadBearingWarning) return [];
    const insight = this.insights.fileInsight(document.uri);
    if (!insight || insight.classification.classes.length === 0) return [];
    const classes = classesText(insight.classification);
    const lenses: vscode.CodeLens[] = [];
    for (const region of insight.regions) {
      const span = aiLineSpan(region);
      if (region.reviewed || !span || span.first >= document.lineCount) continue;
      lenses.push(
        new vscode.CodeLens(document.lineAt(span.first).range, {
          title: '$(check) Mark reviewed',
          tooltip: `Mark this AI-generated code in a load-bearing file (${classes}) as reviewed`,
          command: 'aiProvenance.markReviewed',
          arguments: [{ uri: document.uri, regionId: region.id }],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
