import * as vscode from 'vscode';
import { openLines } from '../../core/review';
import { classesText } from '../../core/views';
import { affectsViews, viewSettings } from '../views/viewSettings';
import type { ReviewService } from './reviewService';

/**
 * "Sign off AI code" above the branch's open AI hunks in load-bearing files,
 * where the warning is (as "Mark reviewed" is above one's own regions).
 */
export class ReviewCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(private readonly review: ReviewService) {
    const changed = () => this.changeEmitter.fire();
    this.disposables = [
      this.changeEmitter,
      review.onDidChange(changed),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsViews(event)) changed();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!viewSettings.enabled || !viewSettings.codeLens || !viewSettings.annotations.loadBearingWarning) return [];
    const file = this.review.fileReview(document.uri)?.file;
    if (!file || file.classification.classes.length === 0) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const hunk of file.hunks) {
      const open = openLines(hunk);
      if (open.length === 0 || open[0]! > document.lineCount) continue;
      lenses.push(
        new vscode.CodeLens(document.lineAt(open[0]! - 1).range, {
          title: '$(check) Sign off AI code',
          tooltip: `Sign off this AI-written code in a load-bearing file (${classesText(file.classification)}), committed by ${hunk.commit.author}`,
          command: 'aiProvenance.signOffAiCode',
          arguments: [{ uri: document.uri, lines: [hunk.start, hunk.end] }],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
