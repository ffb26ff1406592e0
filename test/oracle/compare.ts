/** Precision, recall and depth agreement of the index's dependents against the oracle's, for one target. */

export interface DependentsComparison {
  readonly ours: number;
  readonly truth: number;
  readonly common: number;
  /** Share of our dependents the oracle confirms (1 when we report none). */
  readonly precision: number;
  /** Share of the oracle's dependents we report (1 when there are none). */
  readonly recall: number;
  /** Share of the common dependents reported at the oracle's depth (1 when none are common). */
  readonly depthAgreement: number;
  readonly onlyOurs: readonly string[];
  readonly onlyTruth: readonly string[];
  /** `path ours/truth` for common dependents at another depth. */
  readonly depthMismatches: readonly string[];
}

export function compareDependents(ours: ReadonlyMap<string, number>, truth: ReadonlyMap<string, number>): DependentsComparison {
  const onlyOurs: string[] = [];
  const depthMismatches: string[] = [];
  let common = 0;
  let sameDepth = 0;
  for (const [path, depth] of ours) {
    const expected = truth.get(path);
    if (expected === undefined) {
      onlyOurs.push(path);
      continue;
    }
    common++;
    if (expected === depth) sameDepth++;
    else depthMismatches.push(`${path} ${depth}/${expected}`);
  }
  const onlyTruth = [...truth.keys()].filter((path) => !ours.has(path));
  return {
    ours: ours.size,
    truth: truth.size,
    common,
    precision: ours.size === 0 ? 1 : common / ours.size,
    recall: truth.size === 0 ? 1 : common / truth.size,
    depthAgreement: common === 0 ? 1 : sameDepth / common,
    onlyOurs: onlyOurs.sort(),
    onlyTruth: onlyTruth.sort(),
    depthMismatches: depthMismatches.sort(),
  };
}
