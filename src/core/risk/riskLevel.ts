/** Risk levels, lowest first. 'none': no unreviewed AI-authored lines. */
export const RISK_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;

export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * The levels of AI code that is there: every level but 'none'. Commits with AI
 * lines, AI-Risk trailers, notes and policies name these ('none' would match
 * everything).
 */
export type AiRiskLevel = Exclude<RiskLevel, 'none'>;
export const AI_RISK_LEVELS: readonly AiRiskLevel[] = RISK_LEVELS.filter((level): level is AiRiskLevel => level !== 'none');

export function isAiRiskLevel(value: unknown): value is AiRiskLevel {
  return typeof value === 'string' && (AI_RISK_LEVELS as readonly string[]).includes(value);
}

export function riskLevelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

export function maxRiskLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return riskLevelRank(b) > riskLevelRank(a) ? b : a;
}
