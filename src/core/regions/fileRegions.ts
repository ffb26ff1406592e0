import { splitLines } from '../text/lines';
import { cloneRegion, sliceRegion } from './create';
import { comparePositions, type AiRegion, type Position, type Review } from './region';
import { position, type TextChange } from './positions';
import { applyChangeToRegion, type EditAttribution } from './tracking';

const DOCUMENT_START = position(0, 0);
const DOCUMENT_END = position(Number.MAX_SAFE_INTEGER, 0);

/**
 * The AI regions of one document: sorted by start and never overlapping, so
 * that every character has at most one origin.
 */
export class FileRegions {
  private regions: AiRegion[];

  constructor(regions: readonly AiRegion[] = []) {
    this.regions = regions.map(cloneRegion).sort((a, b) => comparePositions(a.start, b.start));
  }

  get all(): readonly AiRegion[] {
    return this.regions;
  }

  get size(): number {
    return this.regions.length;
  }

  /**
   * Applies the changes of one document change event, in the order the
   * editor reports them (each one against the text left by the previous).
   * Returns whether any region moved or changed.
   */
  applyChanges(changes: readonly TextChange[], attribution: EditAttribution): boolean {
    let changed = false;
    for (const change of changes) {
      if (this.applyChange(change, attribution)) changed = true;
    }
    return changed;
  }

  private applyChange(change: TextChange, attribution: EditAttribution): boolean {
    if (this.regions.length === 0) return false;
    const insertedLines = splitLines(change.text);
    const lineDelta = insertedLines.length - 1 - (change.end.line - change.start.line);
    let changed = false;
    const survivors: AiRegion[] = [];
    let index = this.firstEndingAfter(change.start);
    for (let i = 0; i < index; i++) survivors.push(this.regions[i]);
    for (; index < this.regions.length; index++) {
      const region = this.regions[index];
      // Regions on later lines only move when the line count changes.
      if (lineDelta === 0 && region.start.line > change.end.line) {
        for (; index < this.regions.length; index++) survivors.push(this.regions[index]);
        break;
      }
      const outcome = applyChangeToRegion(region, change, insertedLines, attribution);
      if (outcome !== 'unchanged') changed = true;
      if (outcome !== 'deleted') survivors.push(region);
    }
    this.regions = survivors;
    return changed;
  }

  /** Index of the first region whose end is after `point` (binary search). */
  private firstEndingAfter(point: Position): number {
    let low = 0;
    let high = this.regions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (comparePositions(this.regions[middle].end, point) > 0) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** The parts of regions between `start` and `end`, as regions of their own (what an edit there removes). */
  piecesBetween(start: Position, end: Position): AiRegion[] {
    const pieces: AiRegion[] = [];
    for (let index = this.firstEndingAfter(start); index < this.regions.length && comparePositions(this.regions[index].start, end) < 0; index++) {
      const piece = sliceRegion(this.regions[index], start, end);
      if (piece) pieces.push(piece);
    }
    return pieces;
  }

  /** Adds a region; the parts of existing regions it covers give way to it. */
  add(region: AiRegion): void {
    this.carve(region.start, region.end);
    const at = this.regions.findIndex((existing) => comparePositions(existing.start, region.start) > 0);
    if (at === -1) this.regions.push(region);
    else this.regions.splice(at, 0, region);
  }

  /** Removes whatever lies between `start` and `end`; returns whether anything did. */
  unmark(start: Position, end: Position): boolean {
    return this.carve(start, end);
  }

  /** Marks the parts between `start` and `end` reviewed (all when omitted). */
  markReviewed(review: Review, start: Position = DOCUMENT_START, end: Position = DOCUMENT_END): number {
    let marked = 0;
    this.transformOverlapping(start, end, (inside) => {
      if (!inside.reviewed) marked++;
      return { ...inside, reviewed: review };
    });
    return marked;
  }

  /** Clears the review mark of the parts between `start` and `end`. */
  markUnreviewed(start: Position = DOCUMENT_START, end: Position = DOCUMENT_END): number {
    let cleared = 0;
    this.transformOverlapping(start, end, (inside) => {
      if (!inside.reviewed) return inside;
      cleared++;
      const { reviewed: _dropped, ...rest } = inside;
      return rest;
    });
    return cleared;
  }

  removeById(id: string): boolean {
    const before = this.regions.length;
    this.regions = this.regions.filter((region) => region.id !== id);
    return this.regions.length !== before;
  }

  markReviewedById(id: string, review: Review): boolean {
    const region = this.regions.find((candidate) => candidate.id === id);
    if (!region || region.reviewed) return false;
    region.reviewed = review;
    return true;
  }

  clear(): boolean {
    const had = this.regions.length > 0;
    this.regions = [];
    return had;
  }

  replaceAll(regions: readonly AiRegion[]): void {
    this.regions = [...regions].sort((a, b) => comparePositions(a.start, b.start));
  }

  /** The region containing `point`, if any (its end counts as inside). */
  regionAt(point: Position): AiRegion | undefined {
    return this.regions.find((region) => comparePositions(region.start, point) <= 0 && comparePositions(point, region.end) <= 0);
  }

  /** Regions that touch any of the 0-based lines `firstLine`..`lastLine`. */
  regionsOnLines(firstLine: number, lastLine: number): AiRegion[] {
    return this.regions.filter((region) => region.start.line <= lastLine && region.end.line >= firstLine);
  }

  private carve(start: Position, end: Position): boolean {
    let changed = false;
    const result: AiRegion[] = [];
    for (const region of this.regions) {
      if (!overlaps(region, start, end)) {
        result.push(region);
        continue;
      }
      changed = true;
      const before = sliceRegion(region, region.start, start);
      const after = sliceRegion(region, end, region.end);
      if (before) result.push(before);
      if (after) result.push(after);
    }
    this.regions = result;
    return changed;
  }

  /** Splits regions at `start` and `end` and rewrites the pieces between. */
  private transformOverlapping(start: Position, end: Position, transform: (inside: AiRegion) => AiRegion): void {
    const result: AiRegion[] = [];
    for (const region of this.regions) {
      if (!overlaps(region, start, end)) {
        result.push(region);
        continue;
      }
      const pieces = [sliceRegion(region, region.start, start), sliceRegion(region, start, end), sliceRegion(region, end, region.end)];
      pieces.forEach((piece, index) => {
        if (piece) result.push(index === 1 ? transform(piece) : piece);
      });
    }
    this.regions = result;
  }
}

function overlaps(region: AiRegion, start: Position, end: Position): boolean {
  return comparePositions(region.start, end) < 0 && comparePositions(start, region.end) < 0;
}
