import * as vscode from 'vscode';
import { EMPTY_PLAN, planDecorations, type Annotation, type DecorationPlan } from '../../core/views/decorationPlan';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { RegionInsights } from '../risk/regionInsights';
import { createDecorationTypes, type DecorationTypes } from './decorationTypes';
import { affectsViews, viewSettings } from './viewSettings';

/** What was last painted in an editor, for tests: lines are 0-based. */
export interface DecorationSnapshot {
  readonly plan: DecorationPlan;
  readonly paintedAt: number;
}

/** Repaints wait this long so a burst of edits (typing, a sync) paints once. */
const REPAINT_DELAY_MS = 30;

/**
 * Paints AI regions in visible editors from the plan of src/core/views:
 * background and gutter bar on AI text, a distinct gutter icon and ruler mark
 * on unreviewed AI code in load-bearing files, and the end-of-line
 * annotations (load-bearing warning, blast radius). Only visible editors are
 * painted; blast radii come memoized from RegionInsights.
 */
export class RegionDecorations implements vscode.Disposable {
  private readonly types: DecorationTypes;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly snapshots = new Map<string, DecorationSnapshot>();
  /** Documents whose repository is being looked up: painted when it is known. */
  private readonly resolving = new Set<string>();
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly insights: RegionInsights,
    extensionUri: vscode.Uri,
  ) {
    this.types = createDecorationTypes(extensionUri);
    this.disposables.push(
      this.types,
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshSoon()),
      registry.onDidChangeRegions(() => this.refreshSoon()),
      registry.onDidOpenRepository(() => this.refreshSoon()),
      insights.onDidChangeFacts(() => this.refreshSoon()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsViews(event)) this.refreshSoon();
      }),
    );
    this.refreshSoon();
  }

  /** The last plan painted for a document shown in a visible editor. */
  snapshot(uri: vscode.Uri): DecorationSnapshot | undefined {
    return this.snapshots.get(uri.toString());
  }

  /** Resolves once no repaint is waiting (tests). */
  async settled(): Promise<void> {
    while (this.pending || this.resolving.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  refreshSoon(): void {
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.refresh();
    }, REPAINT_DELAY_MS);
  }

  refresh(): void {
    const settings = viewSettings.annotations;
    const visible = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      visible.add(editor.document.uri.toString());
      this.paint(editor, this.planFor(editor, settings));
    }
    for (const key of this.snapshots.keys()) if (!visible.has(key)) this.snapshots.delete(key);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private planFor(editor: vscode.TextEditor, settings: typeof viewSettings.annotations): DecorationPlan {
    const uri = editor.document.uri;
    if (uri.scheme !== 'file') return EMPTY_PLAN;
    const insight = this.insights.fileInsight(uri);
    if (!insight) {
      this.resolveLater(uri);
      return EMPTY_PLAN;
    }
    return planDecorations({ regions: insight.regions, classification: insight.classification, blastOf: insight.blastOf, settings });
  }

  /** A document in a directory the registry has not looked at yet (opened before any of its neighbours). */
  private resolveLater(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.resolving.has(key)) return;
    this.resolving.add(key);
    void this.registry.resolve(uri).then(
      (repository) => {
        this.resolving.delete(key);
        // Untracked: the registry remembers the directory, so asking again next time costs nothing.
        if (repository) this.refreshSoon();
      },
      () => this.resolving.delete(key),
    );
  }

  private paint(editor: vscode.TextEditor, plan: DecorationPlan): void {
    const { document } = editor;
    const lineCount = document.lineCount;
    const line = (index: number) => new vscode.Range(index, 0, index, 0);
    const inDocument = (index: number) => index < lineCount;
    editor.setDecorations(this.types.aiText, plan.aiText.filter((span) => inDocument(span.line)).map((span) => new vscode.Range(span.line, span.start, span.line, span.end)));
    editor.setDecorations(this.types.aiGutter, plan.aiLines.filter(inDocument).map(line));
    editor.setDecorations(this.types.loadBearingGutter, plan.loadBearingLines.filter(inDocument).map(line));
    const annotations = plan.annotations.filter((annotation) => inDocument(annotation.line));
    editor.setDecorations(this.types.warningAnnotation, annotations.filter((a) => a.kind === 'warning').map((a) => afterLine(document, a)));
    editor.setDecorations(this.types.noteAnnotation, annotations.filter((a) => a.kind === 'note').map((a) => afterLine(document, a)));
    this.snapshots.set(document.uri.toString(), { plan, paintedAt: Date.now() });
  }
}

/** An annotation shown after the end of its line. */
function afterLine(document: vscode.TextDocument, annotation: Annotation): vscode.DecorationOptions {
  const end = document.lineAt(annotation.line).range.end;
  return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: annotation.text } } };
}
