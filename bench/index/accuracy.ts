import { readFileSync } from 'node:fs';

/**
 * Our file-level edges against dependency-cruiser's on the TypeScript part:
 * recall and precision, and the disagreements grouped by kind so each kind
 * can be judged (whose resolution is right?).
 */

export interface EdgeComparison {
  readonly theirs: number;
  readonly ours: number;
  readonly common: number;
  readonly recall: number;
  readonly precision: number;
  /** Kind of disagreement -> count and a few examples. */
  readonly onlyTheirs: Record<string, { count: number; examples: string[] }>;
  readonly onlyOurs: Record<string, { count: number; examples: string[] }>;
}

interface CruiserModule {
  source: string;
  dependencies: { resolved: string; module: string; coreModule: boolean; couldNotResolve: boolean; dependencyTypes: string[] }[];
}

export function compareWithDependencyCruiser(cruiserJsonFile: string, ourEdgesFile: string, scope: (path: string) => boolean): EdgeComparison {
  const cruiser = JSON.parse(readFileSync(cruiserJsonFile, 'utf8')) as { modules: CruiserModule[] };
  const theirs = new Map<string, string>();
  for (const module of cruiser.modules) {
    if (!scope(module.source)) continue;
    for (const dependency of module.dependencies) {
      if (dependency.coreModule || dependency.couldNotResolve || dependency.resolved.includes('node_modules/')) continue;
      theirs.set(`${module.source} -> ${dependency.resolved}`, dependency.dependencyTypes.join(','));
    }
  }
  const ourEdges = JSON.parse(readFileSync(ourEdgesFile, 'utf8')) as { from: string; to: string }[];
  const ours = new Set(ourEdges.filter((edge) => scope(edge.from)).map((edge) => `${edge.from} -> ${edge.to}`));
  let common = 0;
  for (const edge of ours) if (theirs.has(edge)) common++;
  const onlyTheirs: EdgeComparison['onlyTheirs'] = {};
  const onlyOurs: EdgeComparison['onlyOurs'] = {};
  const note = (bucket: EdgeComparison['onlyTheirs'], kind: string, edge: string) => {
    const entry = (bucket[kind] ??= { count: 0, examples: [] });
    entry.count++;
    if (entry.examples.length < 3) entry.examples.push(edge);
  };
  for (const [edge, types] of theirs) if (!ours.has(edge)) note(onlyTheirs, types || 'unknown', edge);
  for (const edge of ours) {
    if (theirs.has(edge)) continue;
    const to = edge.split(' -> ')[1] ?? '';
    note(onlyOurs, to.endsWith('index.ts') ? 'to a barrel (index.ts)' : 'other', edge);
  }
  return {
    theirs: theirs.size,
    ours: ours.size,
    common,
    recall: theirs.size === 0 ? 1 : common / theirs.size,
    precision: ours.size === 0 ? 1 : common / ours.size,
    onlyTheirs,
    onlyOurs,
  };
}
