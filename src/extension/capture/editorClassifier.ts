import * as vscode from 'vscode';
import { CaptureClassifier, type DocumentVisibility, type KnownDiskText, type ObservedChangeEvent, type SelectionSpan } from '../../core/capture';
import { toTextChange, type ChangeClassifier, type ClassifiedChange } from '../tracking/classifiedChange';

/**
 * The editor side of capture: turns a vscode change event into the plain
 * ObservedChangeEvent the core classifier judges. Runs on every keystroke,
 * so it only copies what the classifier reads (the text itself only on
 * demand).
 */
export class EditorCaptureClassifier implements ChangeClassifier {
  readonly core: CaptureClassifier;

  constructor(disk: KnownDiskText, detectToolEdits: () => boolean) {
    this.core = new CaptureClassifier(disk, detectToolEdits);
  }

  classify(event: vscode.TextDocumentChangeEvent): readonly ClassifiedChange[] {
    return this.core.classify(observe(event));
  }
}

/** The key the classifier and the disk watcher share for a document: its file path. */
export function documentKey(uri: vscode.Uri): string {
  return uri.fsPath;
}

function observe(event: vscode.TextDocumentChangeEvent): ObservedChangeEvent {
  const { document } = event;
  const active = vscode.window.activeTextEditor;
  const visibility: DocumentVisibility =
    active?.document === document ? 'active' : vscode.window.visibleTextEditors.some((editor) => editor.document === document) ? 'visible' : 'hidden';
  const selections: SelectionSpan[] =
    visibility === 'active' && active ? active.selections.map((selection) => ({ start: selection.start, end: selection.end })) : [];
  return {
    documentKey: documentKey(document.uri),
    changes: event.contentChanges.map(toTextChange),
    ...(event.reason === vscode.TextDocumentChangeReason.Undo ? { reason: 'undo' as const } : {}),
    ...(event.reason === vscode.TextDocumentChangeReason.Redo ? { reason: 'redo' as const } : {}),
    visibility,
    selections,
    dirtyAfter: document.isDirty,
    textAfter: () => document.getText(),
    at: Date.now(),
  };
}
