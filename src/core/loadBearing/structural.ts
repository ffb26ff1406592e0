/**
 * Structural load-bearing files: the ones most of the workspace depends on,
 * whatever their name. A file qualifies when it is among the top
 * (1 - percentile) share of files by number of dependents (rounded up, so at least one file;
 * 0.99 = the top 1%) AND has at least `minDependents` - the minimum keeps
 * small repositories, where the top 1% may have 2 dependents, from flagging
 * anything. Files tied with the last one in the top share all qualify: there
 * is no honest way to pick among them.
 */
export interface FanInThresholdOptions {
  /** 0..1, e.g. 0.99 for the top 1%. */
  readonly percentile: number;
  readonly minDependents: number;
}

export const DEFAULT_FAN_IN_THRESHOLD: FanInThresholdOptions = Object.freeze({ percentile: 0.99, minDependents: 10 });

/** The smallest dependent count that qualifies (Infinity when nothing can). */
export function structuralThreshold(dependentCounts: ReadonlyMap<string, number>, options: FanInThresholdOptions = DEFAULT_FAN_IN_THRESHOLD): number {
  const counts = [...dependentCounts.values()].filter((count) => Number.isFinite(count)).sort((a, b) => a - b);
  if (counts.length === 0) return Infinity;
  // The epsilon keeps 0.99 * 1000 from flooring to 989 in floating point.
  const below = Math.floor(options.percentile * counts.length + 1e-9);
  const topCount = Math.max(1, counts.length - below);
  return Math.max(counts[counts.length - topCount]!, options.minDependents, 1);
}

export function structuralLoadBearing(
  dependentCounts: ReadonlyMap<string, number>,
  options: FanInThresholdOptions = DEFAULT_FAN_IN_THRESHOLD,
): Set<string> {
  const threshold = structuralThreshold(dependentCounts, options);
  const result = new Set<string>();
  for (const [path, count] of dependentCounts) if (count >= threshold) result.add(path);
  return result;
}
