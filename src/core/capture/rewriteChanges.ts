import { diffArrays } from 'diff';
import type { TextChange } from '../regions/positions';
import { splitLines } from '../text/lines';

/** One stretch of whole lines that a rewrite replaced, as a change of the old text. */
export interface LineRewrite {
  readonly change: TextChange;
  /** The new lines it put in (possibly none). */
  readonly newLines: readonly string[];
}

/**
 * Expresses the rewrite of a text from `before` to `after` as line-level
 * changes, bottom to top, so that each one is valid against the text the
 * previous ones left (they never overlap and only lower lines move).
 * Lines that stay the same are not touched, so regions on them stay put.
 */
export function lineRewrites(before: string, after: string): LineRewrite[] {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const rewrites: LineRewrite[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let pending: { oldStart: number; oldCount: number; newStart: number; newCount: number } | undefined;
  const close = () => {
    if (!pending) return;
    const inserted = newLines.slice(pending.newStart, pending.newStart + pending.newCount);
    rewrites.push({ change: wholeLineChange(oldLines, pending.oldStart, pending.oldCount, inserted), newLines: inserted });
    pending = undefined;
  };
  for (const part of diffArrays(oldLines, newLines)) {
    if (!part.added && !part.removed) {
      close();
      oldIndex += part.count;
      newIndex += part.count;
      continue;
    }
    pending ??= { oldStart: oldIndex, oldCount: 0, newStart: newIndex, newCount: 0 };
    if (part.removed) {
      pending.oldCount += part.count;
      oldIndex += part.count;
    } else {
      pending.newCount += part.count;
      newIndex += part.count;
    }
  }
  close();
  return rewrites.reverse();
}

/** The change replacing old lines [start, start + count) by `inserted`, line breaks included. */
function wholeLineChange(oldLines: readonly string[], start: number, count: number, inserted: readonly string[]): TextChange {
  const end = start + count;
  if (end < oldLines.length) {
    return { start: { line: start, character: 0 }, end: { line: end, character: 0 }, text: inserted.map((line) => `${line}\n`).join('') };
  }
  // The stretch reaches the last line, which has no line break after it.
  const last = oldLines.length - 1;
  const lastEnd = { line: last, character: oldLines[last].length };
  if (start === 0) return { start: { line: 0, character: 0 }, end: lastEnd, text: inserted.join('\n') };
  const before = { line: start - 1, character: oldLines[start - 1].length };
  return { start: before, end: count === 0 ? before : lastEnd, text: inserted.map((line) => `\n${line}`).join('') };
}

/** Applies changes (each against the text the previous left) to a text. */
export function applyTextChanges(text: string, changes: readonly TextChange[]): string | undefined {
  let result = text;
  for (const change of changes) {
    const lineStarts = lineStartOffsets(result);
    const offsetOf = (line: number, character: number): number | undefined => {
      const start = lineStarts[line];
      if (start === undefined) return undefined;
      const end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : result.length;
      return character <= end - start ? start + character : undefined;
    };
    const from = offsetOf(change.start.line, change.start.character);
    const to = offsetOf(change.end.line, change.end.character);
    // A position the text does not have: the changes were made to another text.
    if (from === undefined || to === undefined) return undefined;
    result = result.slice(0, from) + change.text + result.slice(to);
  }
  return result;
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}
