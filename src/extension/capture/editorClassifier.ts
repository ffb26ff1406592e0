import * as vscode from 'vscode';
import {
  CaptureClassifier,
  type DocumentVisibility,
  type EditSource,
  type KnownDiskText,
  type ObservedChangeEvent,
  type SelectionSpan,
} from '../../core/capture';
import { editSources } from './editSources';
import { toTextChange, type ChangeClassifier, type ClassifiedChange } from '../tracking/classifiedChange';

/**
 * The editor side of capture: turns a vscode change event into the plain
 * ObservedChangeEvent the core classifier judges. Runs on every keystroke,
 * so it only copies what the classifier reads (the text itself only on
 * demand).
 */
export class EditorCaptureClassifier implements ChangeClassifier {
  readonly core: CaptureClassifier;

  constructor(
    disk: KnownDiskText,
    detectToolEdits: () => boolean,
    /** Off: the edit source the editor reports is ignored (a setting; the heuristics judge every edit). */
    private readonly useEditSources: () => boolean = () => true,
  ) {
    this.core = new CaptureClassifier(disk, detectToolEdits);
  }

  classify(event: vscode.TextDocumentChangeEvent): readonly ClassifiedChange[] {
    return this.core.classify(observe(event, this.useEditSources()));
  }
}

/** The key the classifier and the disk watcher share for a document: its file path. */
export function documentKey(uri: vscode.Uri): string {
  return uri.fsPath;
}

function observe(event: vscode.TextDocumentChangeEvent, useEditSources: boolean): ObservedChangeEvent {
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
    ...(useEditSources ? editSourceOf(event) : {}),
    visibility,
    selections,
    dirtyAfter: document.isDirty,
    textAfter: () => document.getText(),
    at: Date.now(),
  };
}

/** `detailedReason` of the textDocumentChangeReason proposal (see editSources.ts); absent from the stable API's types. */
function editSourceOf(event: vscode.TextDocumentChangeEvent): { editSource?: EditSource } {
  const detailed = (event as { readonly detailedReason?: { readonly source?: unknown; readonly metadata?: unknown } }).detailedReason;
  if (typeof detailed?.source !== 'string') return {};
  editSources.seen();
  const metadata = typeof detailed.metadata === 'object' && detailed.metadata !== null ? (detailed.metadata as Record<string, unknown>) : undefined;
  return { editSource: { source: detailed.source, ...(metadata ? { metadata } : {}) } };
}
