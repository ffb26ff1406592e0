import type { Position } from '../regions/region';
import { aiLineCount } from '../regions/region';
import { plural } from '../text/plural';
import type { RiskLevel } from '../risk/riskLevel';
import { classesText, dependentsText } from './annotationText';
import { aiLineSpan } from './blastLookup';
import type { AssessedFile, AssessedRegion } from './workspaceRisk';

export interface RegionTreeOptions {
  /** The view's filter: files that are load-bearing (by name, owner or structure) only. */
  readonly loadBearingOnly: boolean;
  readonly showReviewed: boolean;
  /** Paths are prefixed with the repository's name when several are open. */
  readonly multipleRepositories: boolean;
}

export interface RegionTreeFile {
  readonly kind: 'file';
  readonly id: string;
  readonly root: string;
  readonly path: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly level: RiskLevel;
  readonly loadBearing: boolean;
  readonly regions: readonly RegionTreeRegion[];
}

export interface RegionTreeRegion {
  readonly kind: 'region';
  readonly id: string;
  readonly root: string;
  readonly path: string;
  readonly regionId: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly level: RiskLevel;
  readonly reviewed: boolean;
  readonly start: Position;
}

/** Files by risk (highest first), each with its regions by risk; what the regions view shows. */
export function planRegionTree(files: readonly AssessedFile[], options: RegionTreeOptions): RegionTreeFile[] {
  const nodes: RegionTreeFile[] = [];
  for (const file of files) {
    const loadBearing = file.classification.classes.length > 0;
    if (options.loadBearingOnly && !loadBearing) continue;
    const regions = file.regions.filter((entry) => options.showReviewed || !entry.region.reviewed).map((entry) => regionNode(file, entry));
    if (regions.length === 0) continue;
    nodes.push(fileNode(file, regions, loadBearing, options));
  }
  return nodes;
}

function fileNode(file: AssessedFile, regions: RegionTreeRegion[], loadBearing: boolean, options: RegionTreeOptions): RegionTreeFile {
  const slash = file.path.lastIndexOf('/');
  const directory = slash < 0 ? '' : file.path.slice(0, slash);
  const where = options.multipleRepositories ? [file.repositoryLabel, directory].filter(Boolean).join('/') : directory;
  const classes = loadBearing ? classesText(file.classification) : '';
  return {
    kind: 'file',
    id: `${file.root}\0${file.path}`,
    root: file.root,
    path: file.path,
    label: file.path.slice(slash + 1),
    description: [where, file.risk.level === 'none' ? 'reviewed' : file.risk.level, classes].filter(Boolean).join(' · '),
    tooltip: file.risk.explanation,
    level: file.risk.level,
    loadBearing,
    regions,
  };
}

function regionNode(file: AssessedFile, entry: AssessedRegion): RegionTreeRegion {
  const { region, risk } = entry;
  const span = aiLineSpan(region);
  const first = (span?.first ?? region.start.line) + 1;
  const last = (span?.last ?? region.start.line) + 1;
  const dependents = dependentsText(entry.blast);
  const state = region.reviewed ? `reviewed by ${region.reviewed.by}` : risk.level;
  const origin = [region.source, region.tool, region.model].filter(Boolean).join(' · ');
  return {
    kind: 'region',
    id: `${file.root}\0${file.path}\0${region.id}`,
    root: file.root,
    path: file.path,
    regionId: region.id,
    label: first === last ? `Line ${first}` : `Lines ${first}–${last}`,
    description: [state, plural(aiLineCount(region), 'AI line'), dependents].filter(Boolean).join(' · '),
    tooltip: `${risk.explanation}\n${origin}`,
    level: risk.level,
    reviewed: region.reviewed !== undefined,
    start: region.start,
  };
}
