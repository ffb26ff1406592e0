import type { FileSeverity } from '../loadBearing/severity';
import type { RiskLevel } from './riskLevel';

/**
 * The risk model's knobs (`.ai-provenance.json` `risk`). See docs/RISK.md:
 *
 *   score = unreviewed AI lines x severity weight x blast factor
 *   blast factor = min(maxFactor, 1 + perDependentDoubling x log2(1 + dependents)
 *                                    + perLoadBearingDependent x load-bearing dependents)
 *                  (1 when the blast radius is unknown)
 *   level = the highest threshold the score reaches; 'low' for any score > 0
 */
export interface RiskModelConfig {
  readonly thresholds: RiskThresholds;
  readonly severityWeights: Readonly<Record<FileSeverity, number>>;
  readonly blast: BlastWeights;
}

/** Minimum scores of the levels above 'low'; strictly increasing. */
export interface RiskThresholds {
  readonly medium: number;
  readonly high: number;
  readonly critical: number;
}

export interface BlastWeights {
  /** Added to the factor each time the number of dependents doubles. */
  readonly perDependentDoubling: number;
  /** Added to the factor per load-bearing dependent. */
  readonly perLoadBearingDependent: number;
  /** The factor's ceiling: a hub file should not drown every other signal. */
  readonly maxFactor: number;
}

export const DEFAULT_RISK_MODEL: RiskModelConfig = Object.freeze({
  thresholds: Object.freeze({ medium: 30, high: 150, critical: 600 }),
  // Code that is not load-bearing weighs half a line per line: a 60-line
  // unreviewed utility is worth a look (medium), a 3-line one is not.
  severityWeights: Object.freeze({ none: 0.5, low: 2, medium: 4, high: 6, critical: 10 }),
  blast: Object.freeze({ perDependentDoubling: 0.2, perLoadBearingDependent: 0.25, maxFactor: 3 }),
});

/** What the workspace index knows about who depends on a file. */
export interface BlastRadiusFacts {
  /** Files that depend on it. */
  readonly dependents: number;
  /** How many of those are load-bearing; leave out when unknown. */
  readonly loadBearingDependents?: number;
}

/** 1 when unknown: without an index we do not guess. */
export function blastFactor(blast: BlastRadiusFacts | undefined, model: RiskModelConfig = DEFAULT_RISK_MODEL): number {
  if (!blast) return 1;
  const { perDependentDoubling, perLoadBearingDependent, maxFactor } = model.blast;
  const factor =
    1 + perDependentDoubling * Math.log2(1 + Math.max(0, blast.dependents)) + perLoadBearingDependent * Math.max(0, blast.loadBearingDependents ?? 0);
  return Math.min(maxFactor, factor);
}

export function levelForScore(score: number, model: RiskModelConfig = DEFAULT_RISK_MODEL): RiskLevel {
  const { medium, high, critical } = model.thresholds;
  if (!(score > 0)) return 'none';
  if (score >= critical) return 'critical';
  if (score >= high) return 'high';
  if (score >= medium) return 'medium';
  return 'low';
}
