import { comparePositions, type Position } from '../regions/region';
import type { TextChange } from '../regions/positions';
import { insertedEnd } from '../regions/positions';
import { splitLines } from '../text/lines';
import type { SelectionSpan } from './captureEvent';

/**
 * Facts about the shape of a change, used to tell typing and editor tools
 * from text that arrives in blocks. All of them look only at the inserted
 * text and positions, never at the rest of the document.
 */

/** A line with real content: some letter or digit and at least three visible characters. */
export function isContentLine(line: string): boolean {
  return /[\p{L}\p{N}]/u.test(line) && line.replace(/\s+/g, '').length >= 3;
}

/** Lines of inserted text that carry content (see isContentLine). */
export function contentLineCount(text: string): number {
  if (text.length < 3) return 0;
  let count = 0;
  for (const line of splitLines(text)) if (isContentLine(line)) count++;
  return count;
}

/**
 * A block of new code: at least two lines of content, which typing,
 * auto-closing pairs, IntelliSense words, formatters and renames do not
 * insert in one change.
 */
export function isBlockInsertion(change: TextChange): boolean {
  return change.text.includes('\n') && contentLineCount(change.text) >= 2;
}

/** An identifier, or the alias forms a rename writes where a name must stay (`old as new`, `old: new`). */
const RENAMED_NAME = /^[\p{L}\p{N}_$]+(?:(?: as |: )[\p{L}\p{N}_$]+)?$/u;

/**
 * A word replaced by a word on one line: what a rename (F2) and replace-all
 * do at each occurrence. Such an edit reshapes code someone else wrote; it
 * never writes new code, whatever tool applied it.
 */
export function isWordSubstitution(change: TextChange): boolean {
  const replacesText = change.start.line === change.end.line && change.end.character > change.start.character;
  return replacesText && RENAMED_NAME.test(change.text);
}

/**
 * True when the change is on a line where a cursor or selection of the
 * editor is: what typing, paste, snippets, IntelliSense, line moves and
 * copies, and refactorings of the selection do. The selections are the ones
 * from before the change; in case the editor reported the cursor move
 * first, a cursor right after the inserted text counts too.
 */
export function touchesCursor(change: TextChange, selections: readonly SelectionSpan[]): boolean {
  if (selections.length === 0) return false;
  for (const selection of selections) {
    if (change.start.line <= selection.end.line && selection.start.line <= change.end.line) return true;
  }
  const after = insertedEnd(change, splitLines(change.text));
  return selections.some((selection) => same(after, selection.end));
}

function same(a: Position, b: Position): boolean {
  return comparePositions(a, b) === 0;
}
