import { diffArrays } from 'diff';
import { comparableLine, isBlank, splitLines } from '../text/lines';
import { cloneRegion } from './create';
import type { AiRegion, RegionLine } from './region';
import { position } from './positions';
import { trimBlankEdges } from './tracking';

/**
 * Re-anchoring: a file changed while nobody was watching it (closed editor,
 * another tool, a branch switch). Each region remembers the text of its
 * lines, so it is looked up again in the new text: lines found again keep
 * their authorship, lines that no longer match are dropped, and a region
 * with nothing left is dropped.
 */
export interface ReanchorOutcome {
  readonly regions: AiRegion[];
  /** Regions whose position or lines changed. */
  readonly moved: number;
  /** Regions that could not be found at all. */
  readonly dropped: number;
}

/** How far around its expected place a region is searched, in lines. */
const SEARCH_SLACK = 50;
/** Matched lines further apart than this (beyond the original gap) split a match into clusters. */
const CLUSTER_GAP = 5;

export function reanchorRegions(regions: readonly AiRegion[], text: string): ReanchorOutcome {
  const documentLines = splitLines(text);
  const index = new DocumentLineIndex(documentLines);
  const result: AiRegion[] = [];
  let moved = 0;
  let dropped = 0;
  for (const region of regions) {
    if (stillInPlace(region, documentLines)) {
      result.push(region);
      continue;
    }
    const found = findAgain(region, documentLines, index);
    if (found) {
      result.push(found);
      moved++;
    } else {
      dropped++;
    }
  }
  return { regions: removeOverlaps(result), moved, dropped };
}

/** True when the document still has the region's exact text where it was. */
export function stillInPlace(region: AiRegion, documentLines: readonly string[]): boolean {
  return region.end.line < documentLines.length && holdsRegionText(region, documentLines, region.start.line);
}

/**
 * True when `lines[first + k]` holds the region's k-th line's text at the
 * region's columns, for every line of the region (the caller checks that
 * `lines` reaches that far).
 */
export function holdsRegionText(region: AiRegion, lines: readonly string[], first: number): boolean {
  const { start, end } = region;
  for (let index = 0; index < region.lines.length; index++) {
    const line = lines[first + index];
    const from = index === 0 ? start.character : 0;
    const to = index === region.lines.length - 1 ? end.character : line.length;
    if (to > line.length || line.slice(from, to) !== region.lines[index].text) return false;
  }
  return true;
}

/** How an old region line may match a whole document line. */
type LineFit = 'whole' | 'suffix' | 'prefix' | 'inside';

interface OldLine {
  readonly comparable: string;
  readonly fit: LineFit;
}

function fits(old: OldLine, documentComparable: string): boolean {
  if (old.comparable === '') return documentComparable === '';
  switch (old.fit) {
    case 'whole':
      return documentComparable === old.comparable;
    case 'suffix':
      return documentComparable.endsWith(old.comparable);
    case 'prefix':
      return documentComparable.startsWith(old.comparable);
    case 'inside':
      return documentComparable.includes(old.comparable);
  }
}

function oldLinesOf(region: AiRegion): OldLine[] {
  const last = region.lines.length - 1;
  return region.lines.map((line, index) => {
    const partialStart = index === 0 && region.start.character > 0;
    const partialEnd = index === last; // the end column is where the region ends, not always the line end
    const fit: LineFit = partialStart && partialEnd ? 'inside' : partialStart ? 'suffix' : partialEnd ? 'prefix' : 'whole';
    return { comparable: comparableLine(line.text), fit };
  });
}

class DocumentLineIndex {
  readonly comparable: string[];
  private positions: Map<string, number[]> | undefined;

  constructor(lines: readonly string[]) {
    this.comparable = lines.map(comparableLine);
  }

  linesEqualTo(comparable: string): readonly number[] {
    if (!this.positions) {
      this.positions = new Map();
      this.comparable.forEach((line, index) => {
        if (line === '') return;
        const list = this.positions!.get(line);
        if (list) list.push(index);
        else this.positions!.set(line, [index]);
      });
    }
    return this.positions.get(comparable) ?? [];
  }
}

/**
 * Where the region's first line most likely is now: every old line votes
 * for the shifts that would put it on an equal document line; the shift with
 * most votes wins, the one nearest the old place on ties.
 */
function likelyFirstLine(oldLines: readonly OldLine[], oldStart: number, index: DocumentLineIndex): number {
  const votes = new Map<number, number>();
  oldLines.forEach((line, offset) => {
    if (line.fit !== 'whole' || line.comparable === '') return;
    const candidates = index.linesEqualTo(line.comparable);
    // A line that occurs everywhere (a lone brace) says little; cap its say.
    if (candidates.length > 64) return;
    for (const candidate of candidates) {
      const first = candidate - offset;
      votes.set(first, (votes.get(first) ?? 0) + 1);
    }
  });
  if (votes.size === 0) {
    // Only partial lines: look for the nearest line containing the first one.
    const probe = oldLines[0];
    let best = -1;
    index.comparable.forEach((line, candidate) => {
      if (fits(probe, line) && (best < 0 || Math.abs(candidate - oldStart) < Math.abs(best - oldStart))) best = candidate;
    });
    return best < 0 ? oldStart : best;
  }
  let bestFirst = oldStart;
  let bestVotes = -1;
  for (const [first, count] of votes) {
    if (count > bestVotes || (count === bestVotes && Math.abs(first - oldStart) < Math.abs(bestFirst - oldStart))) {
      bestFirst = first;
      bestVotes = count;
    }
  }
  return bestFirst;
}

function findAgain(region: AiRegion, documentLines: readonly string[], index: DocumentLineIndex): AiRegion | undefined {
  const oldLines = oldLinesOf(region);
  const expectedFirst = likelyFirstLine(oldLines, region.start.line, index);
  const windowStart = Math.max(0, expectedFirst - SEARCH_SLACK);
  const windowEnd = Math.min(documentLines.length, expectedFirst + oldLines.length + SEARCH_SLACK);
  const windowLines = index.comparable.slice(windowStart, windowEnd);

  const matches: Array<[number, number]> = [];
  let oldIndex = 0;
  let newIndex = 0;
  const changes = diffArrays<OldLine | string>(oldLines, windowLines, {
    comparator: (left, right) => fits(left as OldLine, right as string),
  });
  for (const change of changes) {
    if (!change.added && !change.removed) {
      for (let i = 0; i < change.count; i++) matches.push([oldIndex + i, windowStart + newIndex + i]);
    }
    if (!change.added) oldIndex += change.count;
    if (!change.removed) newIndex += change.count;
  }
  const meaningful = matches.filter(([old]) => oldLines[old].comparable !== '');
  const cluster = largestCluster(meaningful);
  if (cluster.length === 0) return undefined;
  // Closing braces and the like are everywhere: a region with real code in
  // it must find some of that code again, not just its punctuation.
  const substantive = (old: number) => /[\p{L}\p{N}]/u.test(oldLines[old].comparable);
  if (oldLines.some((_, old) => substantive(old)) && !cluster.some(([old]) => substantive(old))) return undefined;
  return rebuild(region, cluster, matches, documentLines);
}

/** Keeps the densest run of matches so one stray line far away is not pulled in. */
function largestCluster(matches: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number]> {
  let best: Array<readonly [number, number]> = [];
  let current: Array<readonly [number, number]> = [];
  for (const match of matches) {
    const previous = current[current.length - 1];
    if (previous && match[1] - previous[1] > match[0] - previous[0] + CLUSTER_GAP) {
      if (current.length > best.length) best = current;
      current = [];
    }
    current.push(match);
  }
  return current.length > best.length ? current : best;
}

function rebuild(
  region: AiRegion,
  cluster: ReadonlyArray<readonly [number, number]>,
  allMatches: ReadonlyArray<readonly [number, number]>,
  documentLines: readonly string[],
): AiRegion | undefined {
  const firstLine = cluster[0][1];
  const lastLine = cluster[cluster.length - 1][1];
  const oldByNew = new Map<number, number>();
  for (const [old, line] of allMatches) if (line >= firstLine && line <= lastLine) oldByNew.set(line, old);

  const oldFirst = oldByNew.get(firstLine);
  const oldLast = oldByNew.get(lastLine);
  const startCharacter = oldFirst === 0 && region.start.character > 0 ? Math.max(0, documentLines[firstLine].lastIndexOf(region.lines[0].text)) : 0;
  const lastOld = region.lines.length - 1;
  const lastText = documentLines[lastLine];
  const endCharacter =
    oldLast === lastOld && region.end.character < lastText.length && lastText.includes(region.lines[lastOld].text)
      ? lastText.indexOf(region.lines[lastOld].text, firstLine === lastLine ? startCharacter : 0) + region.lines[lastOld].text.length
      : lastText.length;

  const lines: RegionLine[] = [];
  for (let line = firstLine; line <= lastLine; line++) {
    const from = line === firstLine ? startCharacter : 0;
    const to = line === lastLine ? endCharacter : documentLines[line].length;
    const old = oldByNew.get(line);
    // A line that no longer matches was rewritten by someone, not by the AI.
    lines.push({ text: documentLines[line].slice(from, to), human: old === undefined ? true : region.lines[old].human });
  }
  const found = cloneRegion(region);
  found.start = position(firstLine, startCharacter);
  found.end = position(lastLine, endCharacter);
  found.lines = lines;
  trimBlankEdges(found);
  return found.lines.some((line) => !isBlank(line.text)) ? found : undefined;
}

/** Two regions found on the same lines: the earlier-created one keeps them. */
function removeOverlaps(regions: AiRegion[]): AiRegion[] {
  const sorted = [...regions].sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  const result: AiRegion[] = [];
  for (const region of sorted) {
    const previous = result[result.length - 1];
    const overlapping =
      previous &&
      (previous.end.line > region.start.line || (previous.end.line === region.start.line && previous.end.character > region.start.character));
    if (!overlapping) result.push(region);
    else if (region.createdAt < previous.createdAt) result[result.length - 1] = region;
  }
  return result;
}
