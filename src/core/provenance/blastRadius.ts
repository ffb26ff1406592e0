import type { FileAttribution } from './lineOrigin';
import { toRanges } from './lineRanges';

/** How far a change can reach: dependent files, and how many of them are load-bearing. */
export interface BlastRadiusEstimate {
  readonly files: number;
  readonly loadBearing: number;
}

/** A line range of a file: 1-based, inclusive (converted at the index's edge). */
export interface BlastRadiusTarget {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * Answers from a workspace index. Returns undefined when the index does not
 * know the file: an unknown radius is omitted, never guessed.
 */
export type BlastRadiusProvider = (target: BlastRadiusTarget) => BlastRadiusEstimate | undefined | Promise<BlastRadiusEstimate | undefined>;

export interface LargestBlastRadius extends BlastRadiusEstimate {
  readonly target: BlastRadiusTarget;
}

/** Enough AI ranges to find the widest reach without walking the graph thousands of times. */
const MAX_QUERIES = 200;

/** Per file with AI lines, the largest radius among its AI ranges; files the index does not know are absent. */
export async function blastRadiusByFile(files: readonly FileAttribution[], provider: BlastRadiusProvider): Promise<Map<string, LargestBlastRadius>> {
  const byFile = new Map<string, LargestBlastRadius>();
  let queries = 0;
  for (const file of files) {
    for (const [startLine, endLine] of toRanges(file.aiLines.keys())) {
      if (queries++ >= MAX_QUERIES) return byFile;
      const target = { path: file.path, startLine, endLine };
      const estimate = await provider(target);
      const largest = byFile.get(file.path);
      if (estimate && (!largest || wider(estimate, largest)))
        byFile.set(file.path, { files: estimate.files, loadBearing: estimate.loadBearing, target });
    }
  }
  return byFile;
}

/** The widest of several radii. */
export function widest(radii: Iterable<LargestBlastRadius>): LargestBlastRadius | undefined {
  let result: LargestBlastRadius | undefined;
  for (const radius of radii) if (!result || wider(radius, result)) result = radius;
  return result;
}

function wider(a: BlastRadiusEstimate, b: BlastRadiusEstimate): boolean {
  return a.files > b.files || (a.files === b.files && a.loadBearing > b.loadBearing);
}
