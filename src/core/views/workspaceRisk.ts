import type { Classification } from '../loadBearing/classifier';
import type { AiRegion } from '../regions/region';
import { plural } from '../risk/explain';
import { aggregateFileRisk, type FileRisk } from '../risk/fileRisk';
import { assessRegionRisk, type RegionRisk } from '../risk/regionRisk';
import { maxRiskLevel, RISK_LEVELS, type RiskLevel } from '../risk/riskLevel';
import type { RiskModelConfig } from '../risk/riskModel';
import { summarizeRisk, type RiskSummary } from '../risk/summarizeRisk';
import { blastFacts, type BlastLookup } from './blastLookup';

export interface FileRiskInput {
  readonly path: string;
  readonly classification: Classification;
  readonly regions: readonly AiRegion[];
  /** Asked for unreviewed regions only: a reviewed region weighs nothing whatever its reach. */
  readonly blastOf: (region: AiRegion) => BlastLookup;
}

export interface RepositoryRiskInput {
  readonly root: string;
  /** Shown before paths when several repositories are open. */
  readonly label: string;
  readonly model: RiskModelConfig;
  readonly files: Iterable<FileRiskInput>;
}

export interface AssessedRegion {
  readonly region: AiRegion;
  readonly risk: RegionRisk;
  /** 'unavailable' for reviewed regions (not asked). */
  readonly blast: BlastLookup;
}

export interface AssessedFile {
  readonly root: string;
  readonly repositoryLabel: string;
  readonly path: string;
  readonly classification: Classification;
  readonly risk: FileRisk;
  /** Highest score first, then by position. */
  readonly regions: readonly AssessedRegion[];
}

export interface WorkspaceRisk {
  readonly summary: RiskSummary;
  /** Files with regions, highest score first. */
  readonly files: readonly AssessedFile[];
  readonly regions: number;
  /** Some unreviewed region's blast radius is still being computed. */
  readonly indexing: boolean;
}

const TOP_FILES = 5;

/** The risk of every AI region of every repository, per file, and the summary for the status bar. */
export function assessWorkspace(repositories: readonly RepositoryRiskInput[]): WorkspaceRisk {
  const files: AssessedFile[] = [];
  const summaries: RiskSummary[] = [];
  let regionCount = 0;
  let indexing = false;
  for (const repository of repositories) {
    const repositoryRisks: RegionRisk[] = [];
    for (const file of repository.files) {
      if (file.regions.length === 0) continue;
      const regions = file.regions.map((region): AssessedRegion => {
        const blast = region.reviewed ? 'unavailable' : file.blastOf(region);
        if (blast === 'pending') indexing = true;
        const facts = blastFacts(blast);
        const risk = assessRegionRisk(
          { path: file.path, region, loadBearing: file.classification, ...(facts ? { blast: facts } : {}) },
          repository.model,
        );
        return { region, risk, blast };
      });
      regions.sort((a, b) => b.risk.score - a.risk.score || a.region.start.line - b.region.start.line);
      const risks = regions.map((entry) => entry.risk);
      repositoryRisks.push(...risks);
      regionCount += regions.length;
      files.push({
        root: repository.root,
        repositoryLabel: repository.label,
        path: file.path,
        classification: file.classification,
        risk: aggregateFileRisk(risks, repository.model),
        regions,
      });
    }
    summaries.push(summarizeRisk(repositoryRisks, { model: repository.model, limit: TOP_FILES }));
  }
  files.sort((a, b) => b.risk.score - a.risk.score || a.path.localeCompare(b.path) || a.root.localeCompare(b.root));
  return { summary: mergeSummaries(summaries), files, regions: regionCount, indexing };
}

/**
 * One summary for several repositories (each levelled with its own risk
 * model); the same wording as summarizeRisk.
 */
export function mergeSummaries(summaries: readonly RiskSummary[]): RiskSummary {
  if (summaries.length === 1) return summaries[0]!;
  if (summaries.length === 0) return summarizeRisk([]);
  const breakdown = Object.fromEntries(RISK_LEVELS.map((level) => [level, 0])) as Record<RiskLevel, number>;
  let level: RiskLevel = 'none';
  let files = 0;
  let unreviewedRegions = 0;
  let unreviewedAiLines = 0;
  for (const summary of summaries) {
    for (const key of RISK_LEVELS) breakdown[key] += summary.breakdown[key];
    level = maxRiskLevel(level, summary.level);
    files += summary.files;
    unreviewedRegions += summary.unreviewedRegions;
    unreviewedAiLines += summary.unreviewedAiLines;
  }
  const top = summaries.flatMap((summary) => summary.top).sort((a, b) => b.score - a.score).slice(0, TOP_FILES);
  const count = level === 'none' ? 0 : breakdown[level];
  const worst = top[0];
  const explanation = worst
    ? `${plural(count, 'file')} at ${level} risk, worst ${worst.path}; ` +
      `${plural(unreviewedAiLines, 'unreviewed AI line')} in ${plural(unreviewedRegions, 'region')} across ${plural(files, 'file')}`
    : 'No unreviewed AI lines';
  return {
    level,
    count,
    label: level === 'none' ? 'AI risk: none' : `AI risk: ${level} (${count})`,
    explanation,
    breakdown,
    files,
    unreviewedRegions,
    unreviewedAiLines,
    top,
  };
}
