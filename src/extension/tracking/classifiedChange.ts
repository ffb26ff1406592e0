import type * as vscode from 'vscode';
import type { EditAttribution, RegionOrigin, TextChange } from '../../core/regions';

/** One change of a document change event, with who made it. */
export interface ClassifiedChange {
  readonly change: TextChange;
  /** How the change affects existing regions. */
  readonly attribution: EditAttribution;
  /** Set when the inserted text is AI-written: it becomes a region with this origin. */
  readonly ai?: RegionOrigin;
  /** Set when the change may put back removed AI text (see CaptureDecision.putsBack). */
  readonly putsBack?: 'exact' | 'reload' | 'moved';
}

/** Decides who made each change of an event; the capture paths implement it. */
export interface ChangeClassifier {
  classify(event: vscode.TextDocumentChangeEvent): readonly ClassifiedChange[];
}

export function toTextChange(change: vscode.TextDocumentContentChangeEvent): TextChange {
  return {
    start: { line: change.range.start.line, character: change.range.start.character },
    end: { line: change.range.end.line, character: change.range.end.character },
    text: change.text,
  };
}
