import { cloneRegion, createRegion } from '../regions/create';
import type { FileRegions } from '../regions/fileRegions';
import { aiLineCount, comparePositions, type AiRegion, type Position } from '../regions/region';
import { insertedEnd, shiftPastChange, type TextChange } from '../regions/positions';
import type { EditAttribution } from '../regions/tracking';
import { splitLines } from '../text/lines';
import type { CaptureDecision } from './captureEvent';
import { isContentLine } from './editShape';
import type { RemovedAuthorship } from './removedAuthorship';

/** What applying decisions needs of the region store. */
export interface DecisionTarget {
  applyEdits(path: string, changes: readonly TextChange[], attribution: EditAttribution): boolean;
  add(path: string, region: AiRegion): void;
  unmark(path: string, start: Position, end: Position): boolean;
  hasRegions(path: string): boolean;
  piecesBetween(path: string, start: Position, end: Position): AiRegion[];
  regions(path: string): readonly AiRegion[];
  removeRegion(path: string, id: string): boolean;
}

/**
 * A put-back short of this many visible characters is not taken for moved AI text (a word pasted is anyone's),
 * nor for AI text a reload brought back (git's lines share `}` and `return` with anything removed before).
 */
export const MIN_MOVED_VISIBLE = 12;

interface PutBack {
  start: Position;
  end: Position;
  readonly text: string;
  readonly minVisible: number;
  /** Undo, redo and reloads put text back in the document it left; a person's move may cross files. */
  readonly sameDocument: boolean;
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
export function applyDecisions(
  target: DecisionTarget,
  path: string,
  decisions: readonly CaptureDecision[],
  removed: RemovedAuthorship,
  /** Told which regions (as they were before) a reload from disk took AI lines from: git's doing, mostly (see GitRoundTrips). */
  removedByReload?: (regions: AiRegion[]) => void,
): boolean {
  let changed = false;
  const reloaded = decisions.some((decision) => decision.putsBack === 'reload');
  // Regions change in place: a reload (rare) keeps copies of them as they were.
  const before = reloaded && target.hasRegions(path) ? target.regions(path).map(cloneRegion) : [];
  const putBacks: PutBack[] = [];
  for (const decision of decisions) {
    const { change } = decision;
    const replacesText = comparePositions(change.start, change.end) !== 0;
    const pieces = replacesText && target.hasRegions(path) ? target.piecesBetween(path, change.start, change.end) : [];
    if (target.applyEdits(path, [change], decision.attribution)) changed = true;
    if (pieces.length > 0) removed.remember(pieces, path);
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
        minVisible: decision.putsBack === 'exact' ? 1 : MIN_MOVED_VISIBLE,
        sameDocument: decision.putsBack !== 'moved',
      });
    }
  }
  // After the whole event: a move may report its insertion before the deletion that remembers the text.
  for (const putBack of removed.isEmpty ? [] : putBacks) {
    for (const region of removed.find(putBack.text, putBack.start, {
      minVisible: putBack.minVisible,
      ...(putBack.sameDocument ? { from: path } : {}),
    })) {
      // Only a person's lines came back (redo of their rewrite): the text is theirs, not part of the region around it.
      if (region.lines.every((line) => line.human || line.text.trim() === '')) target.unmark(path, region.start, region.end);
      else target.add(path, region);
      changed = true;
    }
  }
  if (reloaded && dropHollowRegions(target, path)) changed = true;
  if (before.length > 0 && removedByReload) {
    const now = new Map(target.regions(path).map((region) => [region.id, region]));
    const lost = before.filter((region) => {
      const kept = now.get(region.id);
      return !kept || aiLineCount(kept) < aiLineCount(region);
    });
    if (lost.length > 0) removedByReload(lost);
  }
  return changed;
}

/**
 * After a reload rewrote lines around them, regions whose only AI lines
 * left are braces and the like (`}`, `);`) say nothing about who wrote
 * what: the diff matched them with git's or a program's identical lines.
 */
function dropHollowRegions(target: DecisionTarget, path: string): boolean {
  let dropped = false;
  for (const region of [...target.regions(path)]) {
    const reshaped = region.lines.some((line) => line.human);
    if (reshaped && !region.lines.some((line) => !line.human && isContentLine(line.text)) && target.removeRegion(path, region.id)) dropped = true;
  }
  return dropped;
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
    regions: () => regions.all,
    removeRegion: (_path, id) => regions.removeById(id),
  };
}
