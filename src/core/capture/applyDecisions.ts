import { createRegion } from '../regions/create';
import type { FileRegions } from '../regions/fileRegions';
import { comparePositions, type AiRegion, type Position } from '../regions/region';
import { insertedEnd, shiftPastChange, type TextChange } from '../regions/positions';
import type { EditAttribution } from '../regions/tracking';
import { splitLines } from '../text/lines';
import type { CaptureDecision } from './captureEvent';
import type { RemovedAuthorship } from './removedAuthorship';

/** What applying decisions needs of the region store. */
export interface DecisionTarget {
  applyEdits(path: string, changes: readonly TextChange[], attribution: EditAttribution): boolean;
  add(path: string, region: AiRegion): void;
  unmark(path: string, start: Position, end: Position): boolean;
  hasRegions(path: string): boolean;
  piecesBetween(path: string, start: Position, end: Position): AiRegion[];
}

/** A put-back short of this many visible characters is not taken for moved AI text (a word pasted is anyone's). */
export const MIN_MOVED_VISIBLE = 12;

interface PutBack {
  start: Position;
  end: Position;
  readonly text: string;
  readonly minVisible: number;
}

/**
 * Applies the decisions for one change event to a file's regions, in the
 * editor's order: existing regions follow each change, AI insertions become
 * regions, AI text a change removes is remembered, and text put back (undo,
 * redo, reload, paste, drop) gets the authorship of the removed AI text it
 * matches. Put-backs are looked up once the whole event is applied, so that
 * a move whose insertion comes before its deletion is found too. Returns
 * whether anything changed.
 */
export function applyDecisions(target: DecisionTarget, path: string, decisions: readonly CaptureDecision[], removed: RemovedAuthorship): boolean {
  let changed = false;
  const putBacks: PutBack[] = [];
  for (const decision of decisions) {
    const { change } = decision;
    const replacesText = comparePositions(change.start, change.end) !== 0;
    const pieces = replacesText && target.hasRegions(path) ? target.piecesBetween(path, change.start, change.end) : [];
    if (target.applyEdits(path, [change], decision.attribution)) changed = true;
    if (pieces.length > 0) removed.remember(pieces);
    const insertedLines = splitLines(change.text);
    for (let index = putBacks.length - 1; index >= 0; index--) if (!follow(putBacks[index], change, insertedLines)) putBacks.splice(index, 1);
    if (decision.ai) {
      const region = createRegion(decision.ai, change.start, change.text);
      if (region) {
        target.add(path, region);
        changed = true;
      }
    } else if (decision.putsBack && change.text.trim() !== '') {
      putBacks.push({
        start: change.start,
        end: insertedEnd(change, insertedLines),
        text: change.text,
        minVisible: decision.putsBack === 'moved' ? MIN_MOVED_VISIBLE : 1,
      });
    }
  }
  // After the whole event: a move may report its insertion before the deletion that remembers the text.
  for (const putBack of removed.isEmpty ? [] : putBacks) {
    for (const region of removed.find(putBack.text, putBack.start, { minVisible: putBack.minVisible })) {
      // Only a person's lines came back (redo of their rewrite): the text is theirs, not part of the region around it.
      if (region.lines.every((line) => line.human || line.text.trim() === '')) target.unmark(path, region.start, region.end);
      else target.add(path, region);
      changed = true;
    }
  }
  return changed;
}

/** Moves a put-back range past a later change of the same event; false when the change overlaps it. */
function follow(putBack: PutBack, change: TextChange, insertedLines: readonly string[]): boolean {
  if (comparePositions(change.start, putBack.end) >= 0) return true;
  if (comparePositions(change.end, putBack.start) > 0) return false;
  putBack.start = shiftPastChange(putBack.start, change, insertedLines);
  putBack.end = shiftPastChange(putBack.end, change, insertedLines);
  return true;
}

/** A DecisionTarget over regions kept in memory only (an Untitled document has no store). */
export function inMemoryTarget(regions: FileRegions): DecisionTarget {
  return {
    applyEdits: (_path, changes, attribution) => regions.applyChanges(changes, attribution),
    add: (_path, region) => regions.add(region),
    unmark: (_path, start, end) => regions.unmark(start, end),
    hasRegions: () => regions.size > 0,
    piecesBetween: (_path, start, end) => regions.piecesBetween(start, end),
  };
}
