import type { FileSeverity } from '../loadBearing';
import { assessRisk, DEFAULT_RISK_MODEL, type RiskModelConfig } from '../risk';
import type { BlastRadiusEstimate } from './blastRadius';

/** The levels AI-Risk can take (a commit with AI lines always has some risk, so no 'none'). */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (RISK_LEVELS as readonly string[]).includes(value);
}

export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** What the risk of the AI lines a commit adds to one file depends on. */
export interface FileRiskInput {
  readonly path: string;
  readonly severity: FileSeverity;
  readonly classes: readonly string[];
  readonly aiLines: number;
  readonly reviewedLines: number;
  /** The file's widest blast radius, when an index knows it. */
  readonly blast?: BlastRadiusEstimate;
}

/**
 * The risk model (src/core/risk, docs/RISK.md) applied to all the
 * unreviewed AI lines the commit adds to a file, like the model's own file
 * risk. Its 'none' (everything reviewed) is 'low' here: reviewed AI code is
 * still AI code.
 */
export function fileRisk(file: FileRiskInput, model: RiskModelConfig = DEFAULT_RISK_MODEL): RiskLevel {
  const { level } = assessRisk({
    path: file.path,
    unreviewedAiLines: Math.max(0, file.aiLines - file.reviewedLines),
    loadBearing: { severity: file.severity, classes: file.classes.map((name) => ({ name })) },
    ...(file.blast ? { blast: { dependents: file.blast.files, loadBearingDependents: file.blast.loadBearing } } : {}),
  }, model);
  return level === 'none' ? 'low' : level;
}

/** The riskiest file's level; undefined when no file has AI lines. */
export function commitRisk(files: ReadonlyArray<{ readonly aiLines: number; readonly risk: RiskLevel }>): RiskLevel | undefined {
  let risk: RiskLevel | undefined;
  for (const file of files) {
    if (file.aiLines > 0 && (!risk || riskRank(file.risk) > riskRank(risk))) risk = file.risk;
  }
  return risk;
}
