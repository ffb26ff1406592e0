import { plural } from '../text/plural';
import { aggregateFileRisks, type FileRisk } from './fileRisk';
import type { RegionRisk } from './regionRisk';
import { DEFAULT_RISK_MODEL, type RiskModelConfig } from './riskModel';
import { RISK_LEVELS, maxRiskLevel, type RiskLevel } from './riskLevel';

/**
 * The workspace at a glance, for the status bar: "AI risk: high (2)".
 *
 * Counted in FILES, not regions: the level is the highest file level and the
 * count is how many files are at it. Files, because a file's level adds up
 * its regions (see fileRisk.ts): ten small unreviewed completions in one
 * payments file are one thing to review, and may be "high" while each
 * region alone is "low" - a region count would hide exactly that.
 */
export interface RiskSummary {
  readonly level: RiskLevel;
  /** Files at `level`; 0 when the level is 'none'. */
  readonly count: number;
  /** Status-bar text: "AI risk: high (2)", or "AI risk: none". */
  readonly label: string;
  /** Tooltip text. */
  readonly explanation: string;
  /** Files per level. */
  readonly breakdown: Readonly<Record<RiskLevel, number>>;
  /** Files with unreviewed AI lines. */
  readonly files: number;
  readonly unreviewedRegions: number;
  readonly unreviewedAiLines: number;
  /** The riskiest files, highest score first; only files with unreviewed lines. */
  readonly top: readonly FileRisk[];
}

export interface SummarizeOptions {
  /** How many files `top` lists (default 5). */
  readonly limit?: number;
  readonly model?: RiskModelConfig;
}

export function summarizeRisk(regions: readonly RegionRisk[], options: SummarizeOptions = {}): RiskSummary {
  return summarizeFiles(aggregateFileRisks(regions, options.model ?? DEFAULT_RISK_MODEL), options.limit);
}

/**
 * The summary of files already levelled (by aggregateFileRisks, each with
 * its repository's model), riskiest first.
 */
export function summarizeFiles(files: readonly FileRisk[], limit = 5): RiskSummary {
  const breakdown = Object.fromEntries(RISK_LEVELS.map((level) => [level, 0])) as Record<RiskLevel, number>;
  let level: RiskLevel = 'none';
  for (const file of files) {
    breakdown[file.level]++;
    level = maxRiskLevel(level, file.level);
  }
  const risky = files.filter((file) => file.level !== 'none');
  const unreviewedAiLines = risky.reduce((sum, file) => sum + file.unreviewedAiLines, 0);
  const unreviewedRegions = risky.reduce((sum, file) => sum + file.unreviewedRegions, 0);
  const count = level === 'none' ? 0 : breakdown[level];
  const worst = risky[0];
  const explanation = worst
    ? `${plural(count, 'file')} at ${level} risk, worst ${worst.path}; ` +
      `${plural(unreviewedAiLines, 'unreviewed AI line')} in ${plural(unreviewedRegions, 'region')} across ${plural(risky.length, 'file')}`
    : 'No unreviewed AI lines';
  return {
    level,
    count,
    label: level === 'none' ? 'AI risk: none' : `AI risk: ${level} (${count})`,
    explanation,
    breakdown,
    files: risky.length,
    unreviewedRegions,
    unreviewedAiLines,
    top: risky.slice(0, limit),
  };
}
