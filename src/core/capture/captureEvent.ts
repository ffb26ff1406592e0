import type { RegionOrigin } from '../regions/create';
import type { TextChange } from '../regions/positions';
import type { Position } from '../regions/region';
import type { EditAttribution } from '../regions/tracking';
import type { EditSource } from './editSource';

/** A selection or cursor of an editor: `anchor` == `active` for a cursor. */
export interface SelectionSpan {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Where the changed document is shown when the change arrives:
 * `active` (the focused text editor), `visible` (another visible editor) or
 * `hidden` (open in memory only, e.g. changed by a WorkspaceEdit).
 */
export type DocumentVisibility = 'active' | 'visible' | 'hidden';

/**
 * One document change event, stripped of the editor API so that the
 * classifier runs (and is benchmarked) in plain Node.
 */
export interface ObservedChangeEvent {
  /** Identifies the document (its URI). */
  readonly documentKey: string;
  /** The changes, in the editor's order: each against the text the previous left. */
  readonly changes: readonly TextChange[];
  readonly reason?: 'undo' | 'redo';
  /** What the editor says made the change, when it says it (see EditSource). */
  readonly editSource?: EditSource;
  readonly visibility: DocumentVisibility;
  /**
   * The selections of the editor showing the document, as they were before
   * the change: the editor reports a change before the cursor move it causes.
   */
  readonly selections: readonly SelectionSpan[];
  /**
   * False when the document is not dirty after the change: the editor
   * reloaded it from disk (or reverted it). Edits always make it dirty.
   */
  readonly dirtyAfter: boolean;
  /** The document's whole text after the change; only read on rare paths. */
  readonly textAfter: () => string;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** What to do with one change: the shape DocumentTracker applies (ClassifiedChange). */
export interface CaptureDecision {
  readonly change: TextChange;
  readonly attribution: EditAttribution;
  /** Set when the inserted text is AI-written. */
  readonly ai?: RegionOrigin;
  /**
   * Set when the change may put back text an earlier edit removed, whose
   * authorship comes back with it (see RemovedAuthorship): `exact` for
   * undo and redo, `reload` for a reload from disk (git, another program),
   * which restore text as it was; `moved` for a person's paste, drop or
   * move of a block.
   */
  readonly putsBack?: 'exact' | 'reload' | 'moved';
}
