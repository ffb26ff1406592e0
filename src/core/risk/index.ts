/** Public API of the risk model (pure: no vscode). See docs/RISK.md. */
export { isAiRiskLevel, riskLevelRank, type AiRiskLevel, type RiskLevel } from './riskLevel';
export { DEFAULT_RISK_MODEL, type BlastRadiusFacts, type BlastWeights, type RiskModelConfig, type RiskThresholds } from './riskModel';
export { assessRegionRisk, assessRisk, type LoadBearingFacts, type RegionRisk, type RiskFacts } from './regionRisk';
export type { FileRisk } from './fileRisk';
export type { RiskSummary, SummarizeOptions } from './summarizeRisk';
