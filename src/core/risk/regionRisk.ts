import { aiLineCount, type AiRegion } from '../regions/region';
import type { FileSeverity } from '../loadBearing/severity';
import { plural } from '../text/plural';
import { explainRisk } from './explain';
import { blastFactor, DEFAULT_RISK_MODEL, levelForScore, type BlastRadiusFacts, type RiskModelConfig } from './riskModel';
import type { RiskLevel } from './riskLevel';

/** A file's load-bearing classification as the risk model needs it (a `Classification` fits). */
export interface LoadBearingFacts {
  readonly severity: FileSeverity;
  readonly classes: ReadonlyArray<{ readonly name: string }>;
}

/** Everything the model looks at for one region. */
export interface RiskFacts {
  /** Repo-relative path of the region's file. */
  readonly path: string;
  readonly regionId?: string;
  /** AI-authored, non-blank lines no human rewrote, 0 once the region is reviewed. */
  readonly unreviewedAiLines: number;
  /** Who reviewed the region, for the explanation. */
  readonly reviewedBy?: string;
  readonly loadBearing: LoadBearingFacts;
  /** Undefined when there is no workspace index: the model then does not guess. */
  readonly blast?: BlastRadiusFacts;
}

export interface RegionRisk {
  readonly path: string;
  readonly regionId?: string;
  readonly level: RiskLevel;
  readonly score: number;
  readonly unreviewedAiLines: number;
  readonly severity: FileSeverity;
  readonly classes: readonly string[];
  readonly blast?: BlastRadiusFacts;
  readonly explanation: string;
}

/** Lines a reviewer still has to look at: none once the region is reviewed. */
export function unreviewedAiLines(region: AiRegion): number {
  return region.reviewed ? 0 : aiLineCount(region);
}

export function assessRegionRisk(
  input: { readonly path: string; readonly region: AiRegion; readonly loadBearing: LoadBearingFacts; readonly blast?: BlastRadiusFacts },
  model: RiskModelConfig = DEFAULT_RISK_MODEL,
): RegionRisk {
  const { region } = input;
  return assessRisk(
    {
      path: input.path,
      regionId: region.id,
      unreviewedAiLines: unreviewedAiLines(region),
      ...(region.reviewed ? { reviewedBy: region.reviewed.by } : {}),
      loadBearing: input.loadBearing,
      ...(input.blast ? { blast: input.blast } : {}),
    },
    model,
  );
}

/** The model itself: see riskModel.ts and docs/RISK.md. */
export function assessRisk(facts: RiskFacts, model: RiskModelConfig = DEFAULT_RISK_MODEL): RegionRisk {
  const lines = Math.max(0, facts.unreviewedAiLines);
  const severity = facts.loadBearing.severity;
  const score = lines * model.severityWeights[severity] * blastFactor(facts.blast, model);
  const level = levelForScore(score, model);
  const classes = facts.loadBearing.classes.map((match) => match.name);
  const explanation =
    level === 'none'
      ? explainNoRisk(facts)
      : explainRisk({ level, path: facts.path, unreviewedAiLines: lines, severity, classes, blast: facts.blast });
  return {
    path: facts.path,
    ...(facts.regionId !== undefined ? { regionId: facts.regionId } : {}),
    level,
    score,
    unreviewedAiLines: lines,
    severity,
    classes,
    ...(facts.blast ? { blast: facts.blast } : {}),
    explanation,
  };
}

function explainNoRisk(facts: RiskFacts): string {
  if (facts.reviewedBy !== undefined) return `none: AI region in ${facts.path} reviewed by ${facts.reviewedBy}`;
  if (facts.unreviewedAiLines > 0) {
    return `none: ${plural(facts.unreviewedAiLines, 'unreviewed AI line')} in ${facts.path} weigh nothing under the configured risk weights`;
  }
  return `none: no unreviewed AI lines in ${facts.path}`;
}
