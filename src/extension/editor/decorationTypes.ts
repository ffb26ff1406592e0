import * as vscode from 'vscode';
import type { Annotation } from '../../core/views';

/** The decoration types of AI regions: created once (they are costly) and reused by every editor. */
export interface DecorationTypes extends vscode.Disposable {
  readonly aiText: vscode.TextEditorDecorationType;
  readonly aiGutter: vscode.TextEditorDecorationType;
  readonly loadBearingGutter: vscode.TextEditorDecorationType;
  readonly aiRuler: vscode.TextEditorDecorationType;
  readonly loadBearingRuler: vscode.TextEditorDecorationType;
  readonly warningAnnotation: vscode.TextEditorDecorationType;
  readonly noteAnnotation: vscode.TextEditorDecorationType;
}

export function createDecorationTypes(extensionUri: vscode.Uri): DecorationTypes {
  const media = (file: string) => vscode.Uri.joinPath(extensionUri, 'media', file);
  const color = (id: string) => new vscode.ThemeColor(`aiProvenance.${id}`);
  const create = (options: vscode.DecorationRenderOptions) => vscode.window.createTextEditorDecorationType(options);
  const types = {
    aiText: create({ backgroundColor: color('regionBackground'), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }),
    aiGutter: create({ gutterIconPath: media('gutter-ai.svg'), gutterIconSize: 'contain', isWholeLine: true }),
    // Distinct from the plain bar in shape as well as colour (colour-blind users, high contrast).
    loadBearingGutter: create({
      light: { gutterIconPath: media('gutter-load-bearing-light.svg') },
      dark: { gutterIconPath: media('gutter-load-bearing-dark.svg') },
      gutterIconSize: 'contain',
      isWholeLine: true,
    }),
    // The overview ruler covers the whole file, so its marks are types of their own (gutter icons are painted near the visible lines only).
    aiRuler: create({ overviewRulerColor: color('regionOverviewRuler'), overviewRulerLane: vscode.OverviewRulerLane.Left, isWholeLine: true }),
    loadBearingRuler: create({
      overviewRulerColor: color('loadBearingOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      isWholeLine: true,
    }),
    ...createAnnotationTypes(),
  };
  return disposingAll(types);
}

/**
 * The load-bearing warning and the blast-radius note after a line's end: they
 * look the same on one's own regions and on a branch's committed AI code
 * (review/reviewDecorations.ts).
 */
export function createAnnotationTypes(): Pick<DecorationTypes, 'warningAnnotation' | 'noteAnnotation'> {
  const color = (id: string) => new vscode.ThemeColor(`aiProvenance.${id}`);
  return {
    warningAnnotation: vscode.window.createTextEditorDecorationType({
      after: { color: color('loadBearingAnnotationForeground'), backgroundColor: color('loadBearingAnnotationBackground'), margin: '0 0 0 2em' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
    }),
    noteAnnotation: vscode.window.createTextEditorDecorationType({
      after: { color: color('blastRadiusAnnotationForeground'), margin: '0 0 0 2em', fontStyle: 'italic' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
    }),
  };
}

/** An annotation shown after the end of its line. */
export function afterLine(document: vscode.TextDocument, annotation: Annotation): vscode.DecorationOptions {
  const end = document.lineAt(annotation.line).range.end;
  return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: annotation.text } } };
}

/** The types, and a dispose() that disposes each of them. */
export function disposingAll<T extends Record<string, vscode.TextEditorDecorationType>>(types: T): T & vscode.Disposable {
  return {
    ...types,
    dispose: () => {
      for (const type of Object.values(types)) type.dispose();
    },
  };
}
