import * as vscode from 'vscode';
import {
  changedDecorations,
  type DecorationKind,
  type DecorationPlan,
  EMPTY_PLAN,
  type LineWindow,
  ofKind,
  paintWindow,
  planDecorations,
  sameWindow,
} from '../../core/views';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { RegionInsights } from '../views/regionInsights';
import { afterLine, createDecorationTypes, type DecorationTypes } from './decorationTypes';
import { affectsViews, viewSettings } from '../views/viewSettings';

/** What was last painted in an editor, for tests: lines are 0-based. */
export interface DecorationSnapshot {
  readonly plan: DecorationPlan;
  readonly paintedAt: number;
}

/** Repaints wait this long so a burst of edits (typing, a sync) paints once. */
const REPAINT_DELAY_MS = 30;

/** What an editor shows now, to redo only what changed. */
interface Painted {
  readonly plan: DecorationPlan;
  readonly window: LineWindow | undefined;
  /** Where each annotated line ends: an annotation sits there, and moves when the line's length changes. */
  readonly annotationEnds: readonly number[];
}

/**
 * Paints AI regions in visible editors from the plan of src/core/views:
 * background and gutter bar on AI text, a distinct gutter icon and ruler mark
 * on unreviewed AI code in load-bearing files, and the end-of-line
 * annotations (load-bearing warning, blast radius). Only visible editors are
 * painted, line by line only around their visible lines (the overview ruler
 * covers the whole file), and only the decoration types that changed are set
 * again; blast radii come memoized from RegionInsights.
 */
export class RegionDecorations implements vscode.Disposable {
  private readonly types: DecorationTypes;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly snapshots = new Map<string, DecorationSnapshot>();
  private readonly painted = new WeakMap<vscode.TextEditor, Painted>();
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
      // Scrolling past the painted margin paints the new lines at once.
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => {
        const painted = this.painted.get(textEditor);
        if (painted && !sameWindow(painted.window, windowOf(textEditor))) this.paint(textEditor, this.planFor(textEditor, viewSettings.annotations));
      }),
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
    const window = windowOf(editor);
    return planDecorations({
      regions: insight.regions,
      classification: insight.classification,
      blastOf: insight.blastOf,
      settings,
      lineCount: editor.document.lineCount,
      ...(window ? { window } : {}),
    });
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
    const painted = this.painted.get(editor);
    const annotationEnds = plan.annotations.map((annotation) => document.lineAt(annotation.line).range.end.character);
    const changed = new Set(changedDecorations(painted?.plan, plan));
    if (painted && !sameNumbers(painted.annotationEnds, annotationEnds)) changed.add('warningAnnotation').add('noteAnnotation');
    for (const kind of changed) editor.setDecorations(this.types[kind], rangesOf(kind, plan, document));
    this.painted.set(editor, { plan, window: windowOf(editor), annotationEnds });
    this.snapshots.set(document.uri.toString(), { plan, paintedAt: Date.now() });
  }
}

/** The lines painted in detail: see paintWindow. */
function windowOf(editor: vscode.TextEditor): LineWindow | undefined {
  const visible = editor.visibleRanges.map((range) => ({ first: range.start.line, last: range.end.line }));
  return paintWindow(visible, editor.document.lineCount);
}

function rangesOf(kind: DecorationKind, plan: DecorationPlan, document: vscode.TextDocument): vscode.Range[] | vscode.DecorationOptions[] {
  const line = (index: number) => new vscode.Range(index, 0, index, 0);
  const lines = (span: LineWindow) => new vscode.Range(span.first, 0, span.last, 0);
  switch (kind) {
    case 'aiText':
      return plan.aiText.map((span) => new vscode.Range(span.line, span.start, span.line, span.end));
    case 'aiGutter':
      return plan.aiLines.map(line);
    case 'loadBearingGutter':
      return plan.loadBearingLines.map(line);
    case 'aiRuler':
      return plan.aiRuler.map(lines);
    case 'loadBearingRuler':
      return plan.loadBearingRuler.map(lines);
    case 'warningAnnotation':
      return ofKind(plan.annotations, 'warning').map((annotation) => afterLine(document, annotation));
    case 'noteAnnotation':
      return ofKind(plan.annotations, 'note').map((annotation) => afterLine(document, annotation));
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
