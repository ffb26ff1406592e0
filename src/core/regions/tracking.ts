import { alignLines } from '../text/align';
import { comparableLine, isBlank } from '../text/lines';
import { comparePositions, type AiRegion, type Position, type RegionLine } from './region';
import { insertedEnd, position, shiftPastChange, type TextChange } from './positions';

/**
 * Who made an edit that touches existing regions:
 * - `human`: lines it rewrites or adds inside a region become human lines;
 * - `neutral`: a tool that only moves or reshapes text (formatter, undo,
 *   reload, an AI insertion that is recorded as a region of its own) keeps
 *   the authorship of the lines it reshapes.
 */
export type EditAttribution = 'human' | 'neutral';

export type ChangeOutcome = 'unchanged' | 'moved' | 'edited' | 'deleted';

/**
 * Applies one text change to one region, in place.
 *
 * The region's own text is edited like a tiny document, so no view of the
 * rest of the file is needed: this keeps the per-keystroke cost independent
 * of the file size. Boundary rules: text inserted exactly at the region's
 * start or end stays outside it (typing next to AI code is not AI code);
 * text inserted or replaced inside it becomes part of it, as human lines.
 */
export function applyChangeToRegion(
  region: AiRegion,
  change: TextChange,
  insertedLines: readonly string[],
  attribution: EditAttribution,
): ChangeOutcome {
  const { start: regionStart, end: regionEnd } = region;
  const isInsertion = comparePositions(change.start, change.end) === 0;

  // Entirely after the region, or an insertion exactly at its end.
  if (comparePositions(change.start, regionEnd) >= 0) return 'unchanged';

  // Entirely before the region, or an insertion exactly at its start.
  if (comparePositions(change.end, regionStart) <= 0) {
    if (isInsertion && insertedLines.length === 1 && insertedLines[0] === '') return 'unchanged';
    region.start = shiftPastChange(regionStart, change, insertedLines);
    region.end = shiftPastChange(regionEnd, change, insertedLines);
    return 'moved';
  }

  const coversStart = comparePositions(change.start, regionStart) <= 0;
  const coversEnd = comparePositions(change.end, regionEnd) >= 0;
  if (coversStart && coversEnd) {
    return reanchorInReplacement(region, change, insertedLines, attribution) ? 'edited' : 'deleted';
  }

  const startsBefore = comparePositions(change.start, regionStart) < 0;
  const endsAfter = comparePositions(change.end, regionEnd) > 0;
  // Text replacing a part that reaches outside the region is not inside it.
  const insertsInside = !startsBefore && !endsAfter;

  const cutFrom = toLocal(region, startsBefore ? regionStart : change.start);
  const cutTo = toLocal(region, endsAfter ? regionEnd : change.end);
  const inserted = insertsInside ? insertedLines : [''];

  const oldLines = region.lines;
  const head = oldLines[cutFrom.line].text.slice(0, cutFrom.character);
  const tail = oldLines[cutTo.line].text.slice(cutTo.character);
  const newTexts = inserted.slice();
  newTexts[0] = head + newTexts[0];
  newTexts[newTexts.length - 1] += tail;

  const replacedLines = oldLines.slice(cutFrom.line, cutTo.line + 1);
  const rewritten = realignLines(replacedLines, newTexts, attribution);
  const lines = [...oldLines.slice(0, cutFrom.line), ...rewritten, ...oldLines.slice(cutTo.line + 1)];

  const newStart = startsBefore ? insertedEnd(change, insertedLines) : regionStart;
  const newEnd = endsAfter ? change.start : shiftPastChange(regionEnd, change, insertedLines);
  if (comparePositions(newStart, newEnd) >= 0 || lines.every((line) => line.text === '')) return 'deleted';

  region.start = newStart;
  region.end = newEnd;
  region.lines = lines;
  trimBlankEdges(region);
  return 'edited';
}

/**
 * Keeps a region from starting or ending on an empty line piece (left by a
 * deletion or by captured text ending in a line break), so that its first
 * and last lines always hold some of its text.
 */
export function trimBlankEdges(region: AiRegion): void {
  while (region.lines.length > 1 && region.lines[0].text === '') {
    region.lines.shift();
    region.start = position(region.start.line + 1, 0);
  }
  while (region.lines.length > 1 && region.lines[region.lines.length - 1].text === '') {
    region.lines.pop();
    const lastIndex = region.lines.length - 1;
    const offset = lastIndex === 0 ? region.start.character : 0;
    region.end = position(region.start.line + lastIndex, offset + region.lines[lastIndex].text.length);
  }
}

/** A position relative to the region's start, as an index into its lines. */
function toLocal(region: AiRegion, point: Position): Position {
  const line = point.line - region.start.line;
  return position(line, line === 0 ? point.character - region.start.character : point.character);
}

/**
 * Decides the authorship of the lines that replace `oldLines`: a line whose
 * content (ignoring whitespace) is still there keeps its authorship;
 * rewritten and added lines belong to whoever made the edit.
 */
export function realignLines(oldLines: readonly RegionLine[], newTexts: readonly string[], attribution: EditAttribution): RegionLine[] {
  const result: RegionLine[] = newTexts.map((text) => ({ text, human: attribution === 'human' }));
  const { matches, hunks } = alignLines(
    oldLines.map((line) => comparableLine(line.text)),
    newTexts.map(comparableLine),
  );
  for (const [oldIndex, newIndex] of matches) result[newIndex].human = oldLines[oldIndex].human;
  if (attribution === 'neutral') {
    // A reshaping tool keeps authorship line by line where it replaced lines,
    // and gives lines it split off the authorship of the line they came from.
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.newCount; i++) {
        const source = oldLines[hunk.oldStart + Math.min(i, hunk.oldCount - 1)] ?? oldLines[hunk.oldStart - 1];
        if (source) result[hunk.newStart + i].human = source.human;
      }
    }
  }
  return result;
}

/**
 * A change replaced the whole region (a reload, a "replace all" by a tool).
 * Finds the region's lines again inside the new text and keeps the region
 * over them; returns false when none of its non-blank lines survived.
 */
function reanchorInReplacement(region: AiRegion, change: TextChange, insertedLines: readonly string[], attribution: EditAttribution): boolean {
  if (insertedLines.length < 2 && insertedLines[0] === '') return false;
  const { matches } = alignLines(
    region.lines.map((line) => comparableLine(line.text)),
    insertedLines.map(comparableLine),
  );
  const kept = matches.filter(([oldIndex]) => !isBlank(region.lines[oldIndex].text));
  if (kept.length === 0) return false;
  const first = kept[0][1];
  const last = kept[kept.length - 1][1];
  const texts = insertedLines.slice(first, last + 1);
  const lines: RegionLine[] = texts.map((text) => ({ text, human: attribution === 'human' }));
  for (const [oldIndex, newIndex] of matches) {
    if (newIndex >= first && newIndex <= last) lines[newIndex - first].human = region.lines[oldIndex].human;
  }
  const columnOffset = (index: number) => (index === 0 ? change.start.character : 0);
  region.start = position(change.start.line + first, columnOffset(first));
  region.end = position(change.start.line + last, columnOffset(last) + insertedLines[last].length);
  region.lines = lines;
  trimBlankEdges(region);
  return true;
}
