import * as vscode from 'vscode';
import { EMPTY_REVIEW_PLAN, hunkKey, planReviewDecorations, type ReviewDecorationPlan, type ShownHunk } from '../../core/review';
import { aiLineSpan, type BlastLookup } from '../../core/views';
import { afterLine, createAnnotationTypes, disposingAll } from '../editor/decorationTypes';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { affectsViews, viewSettings } from '../views/viewSettings';
import type { ReviewService } from './reviewService';

export interface ReviewDecorationSnapshot {
  readonly plan: ReviewDecorationPlan;
  readonly paintedAt: number;
}

const REPAINT_DELAY_MS = 30;
const NOT_LOAD_BEARING = Object.freeze({ classes: Object.freeze([]), severity: 'none' as const });

/**
 * Paints committed AI code (the branch's, and the base's in whole-file mode)
 * in visible editors: quieter than one's own regions (a dashed gutter bar,
 * no background), with the same load-bearing warning on open lines.
 */
export class ReviewDecorations implements vscode.Disposable {
  private readonly types: ReturnType<typeof createTypes>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly snapshots = new Map<string, ReviewDecorationSnapshot>();
  private readonly blastMemo = new Map<string, BlastLookup>();
  private pending: NodeJS.Timeout | undefined;

  constructor(
    registry: RepositoryRegistry,
    private readonly review: ReviewService,
    private readonly blastRadius: BlastRadiusSource,
    extensionUri: vscode.Uri,
  ) {
    this.types = createTypes(extensionUri);
    this.disposables.push(
      this.types,
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshSoon()),
      review.onDidChange(() => this.refreshSoon()),
      registry.onDidChangeRegions(() => this.refreshSoon()),
      blastRadius.onDidChange(() => {
        this.blastMemo.clear();
        this.refreshSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsViews(event)) this.refreshSoon();
      }),
    );
    this.refreshSoon();
  }

  snapshot(uri: vscode.Uri): ReviewDecorationSnapshot | undefined {
    return this.snapshots.get(uri.toString());
  }

  /** The blast radius of a committed hunk, memoized until the index changes. */
  blastOf(repository: RepositoryContext, path: string, shown: ShownHunk): BlastLookup {
    const key = `${repository.root}\0${path}\0${hunkKey(shown)}\0${shown.hunk.start}`;
    let lookup = this.blastMemo.get(key);
    if (lookup === undefined || lookup === 'pending') {
      lookup = this.blastRadius.blastRadiusOf(repository, path, shown.hunk.start - 1, shown.hunk.end - 1);
      this.blastMemo.set(key, lookup);
    }
    return lookup;
  }

  async settled(): Promise<void> {
    while (this.pending) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  refreshSoon(): void {
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.refresh();
    }, REPAINT_DELAY_MS);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private refresh(): void {
    const visible = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      visible.add(editor.document.uri.toString());
      this.paint(editor, this.planFor(editor));
    }
    for (const key of this.snapshots.keys()) if (!visible.has(key)) this.snapshots.delete(key);
  }

  private planFor(editor: vscode.TextEditor): ReviewDecorationPlan {
    const { document } = editor;
    if (document.uri.scheme !== 'file') return EMPTY_REVIEW_PLAN;
    const fileReview = this.review.fileReview(document.uri);
    if (!fileReview || fileReview.hunks.length === 0) return EMPTY_REVIEW_PLAN;
    const { repository } = fileReview.review;
    const ownLines = new Set<number>();
    for (const region of repository.store.regions(fileReview.path)) {
      const span = aiLineSpan(region);
      if (span) for (let line = span.first; line <= span.last; line++) ownLines.add(line);
    }
    return planReviewDecorations({
      hunks: fileReview.hunks,
      // Base hunks (whole-file mode) get no warning: only the branch's own have a classification here.
      classification: fileReview.file?.classification ?? NOT_LOAD_BEARING,
      blastOf: (shown) => this.blastOf(repository, fileReview.path, shown),
      settings: viewSettings.annotations,
      ownLines,
      lineCount: document.lineCount,
    });
  }

  private paint(editor: vscode.TextEditor, plan: ReviewDecorationPlan): void {
    const { document } = editor;
    const line = (index: number) => new vscode.Range(index, 0, index, 0);
    const inDocument = (index: number) => index < document.lineCount;
    editor.setDecorations(this.types.committedGutter, plan.committedLines.filter(inDocument).map(line));
    editor.setDecorations(this.types.loadBearingGutter, plan.loadBearingLines.filter(inDocument).map(line));
    editor.setDecorations(this.types.quietGutter, plan.quietLines.filter(inDocument).map(line));
    const annotations = plan.annotations.filter((annotation) => inDocument(annotation.line));
    editor.setDecorations(
      this.types.warningAnnotation,
      annotations.filter((a) => a.kind === 'warning').map((a) => afterLine(document, a)),
    );
    editor.setDecorations(
      this.types.noteAnnotation,
      annotations.filter((a) => a.kind === 'note').map((a) => afterLine(document, a)),
    );
    if (plan === EMPTY_REVIEW_PLAN) this.snapshots.delete(document.uri.toString());
    else this.snapshots.set(document.uri.toString(), { plan, paintedAt: Date.now() });
  }
}

/** Created once and reused by every editor; the warning looks exactly like the one on one's own regions. */
function createTypes(extensionUri: vscode.Uri) {
  const media = (file: string) => vscode.Uri.joinPath(extensionUri, 'media', file);
  const color = (id: string) => new vscode.ThemeColor(`aiProvenance.${id}`);
  const create = (options: vscode.DecorationRenderOptions) => vscode.window.createTextEditorDecorationType(options);
  const types = {
    committedGutter: create({
      gutterIconPath: media('gutter-committed.svg'),
      gutterIconSize: 'contain',
      overviewRulerColor: color('committedOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      isWholeLine: true,
    }),
    quietGutter: create({ gutterIconPath: media('gutter-committed-quiet.svg'), gutterIconSize: 'contain', isWholeLine: true }),
    loadBearingGutter: create({
      light: { gutterIconPath: media('gutter-load-bearing-light.svg') },
      dark: { gutterIconPath: media('gutter-load-bearing-dark.svg') },
      gutterIconSize: 'contain',
      overviewRulerColor: color('loadBearingOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      isWholeLine: true,
    }),
    ...createAnnotationTypes(),
  };
  return disposingAll(types);
}
