/** Public API of the risk model (pure: no vscode). See docs/RISK.md. */
export { RISK_LEVELS, isRiskLevel, maxRiskLevel, riskLevelRank, type RiskLevel } from './riskLevel';
export {
  DEFAULT_RISK_MODEL,
  blastFactor,
  levelForScore,
  type BlastRadiusFacts,
  type BlastWeights,
  type RiskModelConfig,
  type RiskThresholds,
} from './riskModel';
export {
  assessRegionRisk,
  assessRisk,
  unreviewedAiLines,
  type LoadBearingFacts,
  type RegionRisk,
  type RiskFacts,
} from './regionRisk';
export { aggregateFileRisk, aggregateFileRisks, type FileRisk } from './fileRisk';
export { summarizeRisk, type RiskSummary, type SummarizeOptions } from './summarizeRisk';
export { describeBlast, explainRisk } from './explain';
