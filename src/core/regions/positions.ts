import { comparePositions, type Position } from './region';

/** A replacement of the text between `start` and `end` by `text`. */
export interface TextChange {
  readonly start: Position;
  readonly end: Position;
  readonly text: string;
}

export function position(line: number, character: number): Position {
  return { line, character };
}

export function minPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) <= 0 ? a : b;
}

export function maxPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}

/** Where the inserted text of `change` ends, in the document after it. */
export function insertedEnd(change: TextChange, insertedLines: readonly string[]): Position {
  const last = insertedLines.length - 1;
  return last === 0
    ? position(change.start.line, change.start.character + insertedLines[0].length)
    : position(change.start.line + last, insertedLines[last].length);
}

/**
 * Maps a position at or after the end of the replaced text to where the same
 * character sits after the change.
 */
export function shiftPastChange(point: Position, change: TextChange, insertedLines: readonly string[]): Position {
  const end = insertedEnd(change, insertedLines);
  if (point.line === change.end.line) {
    return position(end.line, end.character + (point.character - change.end.character));
  }
  return position(point.line - change.end.line + end.line, point.character);
}
