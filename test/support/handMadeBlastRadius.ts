import type { BlastRadius, Dependent } from '../../src/core/index/blastRadius';

/**
 * A blast radius made by hand from its dependents (views tests and benches
 * that need one without an index): the counts and the load-bearing list
 * follow from the dependents, as the index derives them.
 */
export function handMadeBlastRadius(target: BlastRadius['target'], symbols: readonly string[], dependents: readonly Dependent[]): BlastRadius {
  return {
    target,
    symbols,
    level: 'symbol',
    dependents,
    files: dependents.length,
    targetLoadBearing: [],
    loadBearing: dependents.filter((d) => d.loadBearing.length > 0).map((d) => ({ path: d.path, classes: d.loadBearing })),
    entryPoints: { production: [], tests: [] },
    truncated: false,
  };
}
