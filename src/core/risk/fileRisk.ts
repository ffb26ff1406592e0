import { maxSeverity, type FileSeverity } from '../loadBearing/severity';
import { explainRisk } from './explain';
import type { RegionRisk } from './regionRisk';
import { DEFAULT_RISK_MODEL, levelForScore, type BlastRadiusFacts, type RiskModelConfig } from './riskModel';
import type { RiskLevel } from './riskLevel';

/**
 * A file's risk: the sum of its regions' scores, levelled with the same
 * thresholds. Summing is deliberate: ten one-line completions accepted
 * without review in a payments file add up to as much unreviewed AI code as
 * one ten-line completion, so a file can rank above each of its regions.
 * Each region keeps its own blast radius (the index may compute it per
 * symbol); the file's explanation shows the widest.
 */
export interface FileRisk {
  readonly path: string;
  readonly level: RiskLevel;
  readonly score: number;
  readonly unreviewedAiLines: number;
  /** Regions with unreviewed AI lines. */
  readonly unreviewedRegions: number;
  readonly severity: FileSeverity;
  readonly classes: readonly string[];
  readonly blast?: BlastRadiusFacts;
  readonly explanation: string;
  /** Its regions, highest score first. */
  readonly regions: readonly RegionRisk[];
}

/** One entry per path, highest score first (then by path). */
export function aggregateFileRisks(regions: readonly RegionRisk[], model: RiskModelConfig = DEFAULT_RISK_MODEL): FileRisk[] {
  const byPath = new Map<string, RegionRisk[]>();
  for (const region of regions) {
    const list = byPath.get(region.path);
    if (list) list.push(region);
    else byPath.set(region.path, [region]);
  }
  return [...byPath.values()]
    .map((fileRegions) => aggregateFileRisk(fileRegions, model))
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
}

/** The regions must all belong to one file. */
export function aggregateFileRisk(regions: readonly RegionRisk[], model: RiskModelConfig = DEFAULT_RISK_MODEL): FileRisk {
  const first = regions[0];
  if (!first) throw new Error('aggregateFileRisk needs at least one region');
  const score = regions.reduce((sum, region) => sum + region.score, 0);
  const unreviewedAiLines = regions.reduce((sum, region) => sum + region.unreviewedAiLines, 0);
  const unreviewedRegions = regions.filter((region) => region.unreviewedAiLines > 0).length;
  // Regions of one file are classified alike; merge anyway rather than trust the first.
  const severity = regions.reduce<FileSeverity>((max, region) => maxSeverity(max, region.severity), 'none');
  const classes = [...new Set(regions.flatMap((region) => region.classes))];
  const blast = regions
    .map((region) => region.blast)
    .reduce<BlastRadiusFacts | undefined>((widest, next) => (next && (!widest || next.dependents > widest.dependents) ? next : widest), undefined);
  const level = levelForScore(score, model);
  const explanation =
    level === 'none'
      ? `none: no unreviewed AI lines in ${first.path}`
      : explainRisk({ level, path: first.path, unreviewedAiLines, regions: unreviewedRegions, severity, classes, blast });
  return {
    path: first.path,
    level,
    score,
    unreviewedAiLines,
    unreviewedRegions,
    severity,
    classes,
    ...(blast ? { blast } : {}),
    explanation,
    regions: [...regions].sort((a, b) => b.score - a.score),
  };
}
