import * as vscode from 'vscode';
import type { AiRegion } from '../../core/regions/region';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { affectsSettings, settings } from '../settings';

/**
 * Paints AI regions in visible editors: a faint background over the AI text
 * and a bar in the gutter on lines an AI wrote. Lines a human rewrote, and
 * reviewed regions (unless configured), are left plain.
 */
export class RegionDecorations implements vscode.Disposable {
  private readonly textDecoration: vscode.TextEditorDecorationType;
  private readonly gutterDecoration: vscode.TextEditorDecorationType;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly registry: RepositoryRegistry, extensionUri: vscode.Uri) {
    // Created once and reused: decoration types are costly to create.
    this.textDecoration = vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('aiProvenance.regionBackground'),
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.gutterDecoration = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'gutter-ai.svg'),
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('aiProvenance.regionOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      isWholeLine: true,
    });
    this.disposables.push(
      this.textDecoration,
      this.gutterDecoration,
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshSoon()),
      registry.onDidChangeRegions(() => this.refreshSoon()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsSettings(event, 'enabled', 'decorations')) this.refreshSoon();
      }),
    );
    this.refreshSoon();
  }

  /** Coalesces bursts (typing, a sync) into one repaint. */
  refreshSoon(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.refresh();
    }, 30);
  }

  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private paint(editor: vscode.TextEditor): void {
    const repository = this.registry.lookup(editor.document.uri);
    const path = repository?.pathOf(editor.document.uri);
    const visible = settings.enabled && settings.decorationsEnabled;
    const regions = visible && repository && path !== undefined ? repository.store.regions(path) : [];
    const shown = settings.showReviewed ? regions : regions.filter((region) => !region.reviewed);
    editor.setDecorations(this.textDecoration, shown.flatMap(aiTextRanges));
    editor.setDecorations(this.gutterDecoration, shown.flatMap(aiLineRanges));
  }
}

/** The region's text minus lines a human rewrote, as ranges. */
export function aiTextRanges(region: AiRegion): vscode.Range[] {
  const ranges: vscode.Range[] = [];
  region.lines.forEach((line, index) => {
    if (line.human || line.text.trim() === '') return;
    const documentLine = region.start.line + index;
    const startCharacter = index === 0 ? region.start.character : 0;
    ranges.push(new vscode.Range(documentLine, startCharacter, documentLine, startCharacter + line.text.length));
  });
  return ranges;
}

export function aiLineRanges(region: AiRegion): vscode.Range[] {
  return aiTextRanges(region).map((range) => new vscode.Range(range.start.line, 0, range.start.line, 0));
}
