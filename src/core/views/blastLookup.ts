import type { BlastRadius } from '../index/blastRadius';
import type { AiRegion, RegionLine } from '../regions/region';
import type { BlastRadiusFacts } from '../risk/riskModel';

/**
 * What the workspace index can say about a region right now: its blast
 * radius, 'pending' while the index is being built or updated, or
 * 'unavailable' when there is no index for the file (then nothing is guessed).
 */
export type BlastLookup = BlastRadius | 'pending' | 'unavailable';

/** The lines a blast radius is asked for: the region's first and last AI-written lines. */
export interface AiLineSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * Undefined when no line of the region is still AI-written (a human rewrote
 * them all). Looks from both ends: usually one line each (every repaint asks
 * this of every region of the file, for the overview ruler).
 */
export function aiLineSpan(region: AiRegion): AiLineSpan | undefined {
  const { lines } = region;
  let first = 0;
  while (first < lines.length && !isAiLine(lines[first]!)) first++;
  if (first === lines.length) return undefined;
  let last = lines.length - 1;
  while (!isAiLine(lines[last]!)) last--;
  return { first: region.start.line + first, last: region.start.line + last };
}

function isAiLine(line: RegionLine): boolean {
  return !line.human && NON_BLANK.test(line.text);
}

const NON_BLANK = /\S/;

export function isKnown(lookup: BlastLookup | undefined): lookup is BlastRadius {
  return typeof lookup === 'object';
}

/** The risk model's view of a lookup: unknown (undefined) unless the index answered. */
export function blastFacts(lookup: BlastLookup | undefined): BlastRadiusFacts | undefined {
  return isKnown(lookup) ? { dependents: lookup.files, loadBearingDependents: lookup.loadBearing.length } : undefined;
}
