import type { FileSeverity } from '../loadBearing/severity';
import type { BlastRadiusFacts } from './riskModel';
import type { RiskLevel } from './riskLevel';
import { plural } from '../text/plural';

/**
 * One-line explanations, e.g.
 *   high: 15 unreviewed AI lines in payments/charge.ts (payments: critical); 31 dependents, 3 load-bearing
 *   low: 5 unreviewed AI lines in src/util.ts (not load-bearing); blast radius unknown (no index)
 */
export interface ExplanationFacts {
  readonly level: RiskLevel;
  readonly path: string;
  readonly unreviewedAiLines: number;
  /** Regions the lines are spread over, mentioned when more than one. */
  readonly regions?: number;
  readonly severity: FileSeverity;
  readonly classes: readonly string[];
  readonly blast: BlastRadiusFacts | undefined;
}

export function explainRisk(facts: ExplanationFacts): string {
  const lines = plural(facts.unreviewedAiLines, 'unreviewed AI line');
  const spread = facts.regions !== undefined && facts.regions > 1 ? ` in ${facts.regions} regions` : '';
  return `${facts.level}: ${lines}${spread} in ${facts.path} ${describeLoadBearing(facts)}; ${describeBlast(facts.blast)}`;
}

export function describeLoadBearing(facts: Pick<ExplanationFacts, 'severity' | 'classes'>): string {
  if (facts.severity === 'none' || facts.classes.length === 0) return '(not load-bearing)';
  return `(${facts.classes.join(', ')}: ${facts.severity})`;
}

export function describeBlast(blast: BlastRadiusFacts | undefined): string {
  if (!blast) return 'blast radius unknown (no index)';
  if (blast.dependents === 0) return 'no dependents';
  const loadBearing = blast.loadBearingDependents !== undefined ? `, ${blast.loadBearingDependents} load-bearing` : '';
  return `${plural(blast.dependents, 'dependent')}${loadBearing}`;
}
