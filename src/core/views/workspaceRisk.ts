import type { Classification } from '../loadBearing/classifier';
import type { AiRegion } from '../regions/region';
import { aggregateFileRisk, type FileRisk } from '../risk/fileRisk';
import { assessRegionRisk, type RegionRisk } from '../risk/regionRisk';
import type { RiskModelConfig } from '../risk/riskModel';
import { summarizeFiles, type RiskSummary } from '../risk/summarizeRisk';
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
  let regionCount = 0;
  let indexing = false;
  for (const repository of repositories) {
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
  }
  files.sort((a, b) => b.risk.score - a.risk.score || a.path.localeCompare(b.path) || a.root.localeCompare(b.root));
  // Each file is levelled with its own repository's model: the summary counts those levels.
  return {
    summary: summarizeFiles(
      files.map((file) => file.risk),
      TOP_FILES,
    ),
    files,
    regions: regionCount,
    indexing,
  };
}
