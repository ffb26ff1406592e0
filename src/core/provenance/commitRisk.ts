import type { FileSeverity } from '../loadBearing';
import { assessRisk, DEFAULT_RISK_MODEL, riskLevelRank, type AiRiskLevel, type RiskModelConfig } from '../risk';
import type { BlastRadiusEstimate } from './blastRadius';

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
export function fileRisk(file: FileRiskInput, model: RiskModelConfig = DEFAULT_RISK_MODEL): AiRiskLevel {
  const { level } = assessRisk(
    {
      path: file.path,
      unreviewedAiLines: Math.max(0, file.aiLines - file.reviewedLines),
      loadBearing: { severity: file.severity, classes: file.classes.map((name) => ({ name })) },
      ...(file.blast ? { blast: { dependents: file.blast.files, loadBearingDependents: file.blast.loadBearing } } : {}),
    },
    model,
  );
  return level === 'none' ? 'low' : level;
}

/** The riskiest file's level; undefined when no file has AI lines. */
export function commitRisk(files: ReadonlyArray<{ readonly aiLines: number; readonly risk: AiRiskLevel }>): AiRiskLevel | undefined {
  let risk: AiRiskLevel | undefined;
  for (const file of files) {
    if (file.aiLines > 0 && (!risk || riskLevelRank(file.risk) > riskLevelRank(risk))) risk = file.risk;
  }
  return risk;
}
