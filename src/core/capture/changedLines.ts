import { diffArrays } from 'diff';
import { splitLines } from '../text/lines';

/** An inclusive, 0-based range of lines. */
export interface LineRange {
  readonly first: number;
  readonly last: number;
}

/**
 * The lines of `after` that are new or changed compared with `before`:
 * what a tool that rewrote the file wrote. Lines it only moved up or down
 * are not counted; blank lines never start or end a range.
 */
export function changedLineRanges(before: string, after: string): LineRange[] {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const ranges: LineRange[] = [];
  let newIndex = 0;
  for (const change of diffArrays(oldLines, newLines)) {
    if (change.removed) continue;
    if (change.added) ranges.push(...trimBlank(newLines, newIndex, newIndex + change.count - 1));
    newIndex += change.count;
  }
  return ranges;
}

function trimBlank(lines: readonly string[], first: number, last: number): LineRange[] {
  let from = first;
  let to = last;
  while (from <= to && lines[from].trim() === '') from++;
  while (to >= from && lines[to].trim() === '') to--;
  return from <= to ? [{ first: from, last: to }] : [];
}
