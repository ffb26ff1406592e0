import type { FileFacts } from './types';
import type { Edge } from './graph/edge';
import type { FileEntry } from './graph/fileEntry';
import { ownerSymbol } from './graph/fileEntry';
import type { DependencyGraph } from './graph/graph';
import { type LoadBearingClassifier, isTestFile } from './fileRoles';

/**
 * The blast radius of a change: starting from the definitions a line range
 * touches, walk the reverse symbol graph (who uses this definition, who
 * re-exports it, which definitions of the same file use it) and report every
 * file reached with its distance and the chain that reached it.
 */

export interface RegionTarget {
  /** Repo-relative path. */
  readonly path: string;
  /** 0-based inclusive line range; omit for the whole file. */
  readonly startLine?: number;
  readonly endLine?: number;
}

export interface BlastRadiusOptions {
  /** Maximum number of file hops (default: unlimited). */
  readonly maxDepth?: number;
}

export interface Dependent {
  readonly path: string;
  /** File hops from the target (1 = imports it directly). */
  readonly depth: number;
  /** The chain of `file#symbol` nodes leading here, starting at the changed symbol. */
  readonly via: readonly string[];
  /** Its definitions affected ('' entries are module-level code, shown as the file). */
  readonly symbols: readonly string[];
  readonly loadBearing: readonly string[];
  readonly test: boolean;
}

export interface BlastRadius {
  readonly target: { readonly path: string; readonly startLine?: number; readonly endLine?: number };
  /** Definitions the range touches ('Class.method' for members); empty when the whole file counts. */
  readonly symbols: readonly string[];
  /** 'symbol' when the walk started from definitions, 'file' when it fell back to the whole file. */
  readonly level: 'symbol' | 'file';
  readonly dependents: readonly Dependent[];
  readonly files: number;
  readonly targetLoadBearing: readonly string[];
  readonly loadBearing: readonly { readonly path: string; readonly classes: readonly string[] }[];
  readonly entryPoints: { readonly production: readonly string[]; readonly tests: readonly string[] };
  /** True when maxDepth cut the walk short. */
  readonly truncated: boolean;
}

/** '*' = every export of the file; '' = module-level code (does not propagate further). */
const WHOLE_FILE = '*';

interface Visit {
  readonly path: string;
  readonly symbol: string;
  readonly depth: number;
  readonly parent: Visit | undefined;
}

/** Definitions (including members) whose line range intersects [startLine, endLine]. */
export function definitionsInRange(entry: FileEntry, startLine: number, endLine: number): string[] {
  const touched = (entry.facts?.definitions ?? []).filter((d) => d.startLine <= endLine && d.endLine >= startLine);
  // A member hit reports the member, not also its class.
  const members = new Set(touched.filter((d) => d.name.includes('.')).map((d) => ownerSymbol(d.name)));
  return touched.filter((d) => !members.has(d.name)).map((d) => d.name);
}

export function computeBlastRadius(
  graph: DependencyGraph,
  target: RegionTarget,
  classify: LoadBearingClassifier,
  options: BlastRadiusOptions = {},
): BlastRadius {
  const entry = graph.get(target.path);
  if (!entry) throw new Error(`not in the index: ${target.path}`);
  const ranged = target.startLine !== undefined;
  const symbols = ranged ? definitionsInRange(entry, target.startLine!, target.endLine ?? target.startLine!) : [];
  const level = symbols.length > 0 ? 'symbol' : 'file';
  const starts = level === 'symbol' ? [...new Set(symbols.map(ownerSymbol))] : [WHOLE_FILE];
  const walk = new SymbolWalk(graph, options.maxDepth ?? Number.POSITIVE_INFINITY);
  const visits = walk.run(target.path, starts);

  const byFile = new Map<string, Visit[]>();
  for (const visit of visits) {
    if (visit.path === target.path) continue;
    let list = byFile.get(visit.path);
    if (!list) byFile.set(visit.path, (list = []));
    list.push(visit);
  }
  const dependents: Dependent[] = [];
  for (const [path, fileVisits] of byFile) {
    const nearest = fileVisits.reduce((best, visit) => (visit.depth < best.depth ? visit : best));
    dependents.push({
      path,
      depth: nearest.depth,
      via: chain(nearest.parent),
      symbols: [...new Set(fileVisits.map((v) => v.symbol))].filter((s) => s !== '' && s !== WHOLE_FILE),
      loadBearing: classify(path),
      test: isTestFile(path),
    });
  }
  dependents.sort((a, b) => a.depth - b.depth || a.path.localeCompare(b.path));

  // Entry points: reached files nothing imports (tests, mains, package roots); the target itself if it has no dependents.
  const reached = dependents.length > 0 ? dependents.map((d) => d.path) : [target.path];
  const entryPoints = reached.filter((path) => graph.importerCount(path) === 0).sort();
  return {
    target: { path: target.path, ...(ranged ? { startLine: target.startLine, endLine: target.endLine ?? target.startLine } : {}) },
    symbols,
    level,
    dependents,
    files: dependents.length,
    targetLoadBearing: classify(target.path),
    loadBearing: dependents.filter((d) => d.loadBearing.length > 0).map((d) => ({ path: d.path, classes: d.loadBearing })),
    entryPoints: {
      production: entryPoints.filter((path) => !isTestFile(path)),
      tests: entryPoints.filter((path) => isTestFile(path)),
    },
    truncated: walk.truncated,
  };
}

function label(visit: Visit): string {
  return visit.symbol === '' || visit.symbol === WHOLE_FILE ? visit.path : `${visit.path}#${visit.symbol}`;
}

function chain(visit: Visit | undefined): string[] {
  const labels: string[] = [];
  for (let current = visit; current; current = current.parent) labels.push(label(current));
  return labels.reverse();
}

type Node = [path: string, symbol: string];

interface ImporterIndex {
  /** Exported name -> (importer, its definition) using or re-exporting it. */
  readonly usersByName: Map<string, Node[]>;
  /** Users of the file as a whole: namespace imports, require(), import(), side effects, unknown names. */
  readonly wholeFileUsers: Node[];
  /** Every user, for a whole-file change. */
  readonly allUsers: Node[];
  /** Files doing `export * from` this one. */
  readonly reexportAllFrom: string[];
}

/** A 0-1 breadth-first walk: hops within a file cost 0, hops to another file cost 1. */
class SymbolWalk {
  truncated = false;
  private readonly exportTables = new Map<string, Set<string> | undefined>();
  private readonly wholeFileEmitted = new Set<string>();

  constructor(
    private readonly graph: DependencyGraph,
    private readonly maxDepth: number,
  ) {}

  run(path: string, symbols: readonly string[]): Visit[] {
    const seen = new Set<string>();
    const visits: Visit[] = [];
    const deque: Visit[] = [];
    let head = 0;
    for (const symbol of symbols) deque.push({ path, symbol, depth: 0, parent: undefined });
    // Same-depth work is handled before deeper work by processing in order and prepending 0-cost hops.
    const front: Visit[] = [];
    while (front.length > 0 || head < deque.length) {
      const visit = front.length > 0 ? front.pop()! : deque[head++]!;
      const key = `${visit.path}\0${visit.symbol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      visits.push(visit);
      // Module-level code does not propagate; a file already changed as a whole subsumes its symbols.
      if (visit.symbol === '') continue;
      if (visit.symbol !== WHOLE_FILE && seen.has(`${visit.path}\0${WHOLE_FILE}`)) continue;
      for (const [nextPath, nextSymbol] of this.next(visit.path, visit.symbol)) {
        if (seen.has(`${nextPath}\0${nextSymbol}`)) continue;
        const sameFile = nextPath === visit.path;
        const depth = sameFile ? visit.depth : visit.depth + 1;
        if (depth > this.maxDepth) {
          this.truncated = true;
          continue;
        }
        const next: Visit = { path: nextPath, symbol: nextSymbol, depth, parent: visit };
        if (sameFile) front.push(next);
        else deque.push(next);
      }
    }
    return visits;
  }

  /** Nodes that depend on `symbol` of `path`. */
  private *next(path: string, symbol: string): Iterable<[string, string]> {
    const entry = this.graph.get(path);
    const facts = entry?.facts;
    const whole = symbol === WHOLE_FILE;
    // Definitions of the same file that use it.
    if (facts && !whole) for (const user of this.localUsers(path, facts).get(symbol) ?? []) yield [path, user];
    const importers = this.importerIndex(path, entry);
    // Users of the whole file depend on every symbol: emit them once, at the first (shallowest) visit.
    if (!this.wholeFileEmitted.has(path)) {
      this.wholeFileEmitted.add(path);
      yield* importers.wholeFileUsers;
    }
    if (whole) {
      yield* importers.allUsers;
      for (const from of importers.reexportAllFrom) yield [from, WHOLE_FILE];
      return;
    }
    for (const name of this.exportedNames(entry, symbol)) {
      yield* importers.usersByName.get(name) ?? [];
      if (name !== 'default') for (const from of importers.reexportAllFrom) yield [from, name];
    }
  }

  /**
   * Who uses what of a file, from all its importer edges at once, built once
   * per walk: a barrel with hundreds of importers is then looked up by name
   * per visited symbol instead of scanned again for each.
   */
  private importerIndex(path: string, target: FileEntry | undefined): ImporterIndex {
    return this.graph.derive(path, 'importers', () => this.buildImporterIndex(path, target));
  }

  private buildImporterIndex(path: string, target: FileEntry | undefined): ImporterIndex {
    const index: ImporterIndex = { usersByName: new Map(), wholeFileUsers: [], allUsers: [], reexportAllFrom: [] };
    const byName = (name: string) => {
      let list = index.usersByName.get(name);
      if (!list) index.usersByName.set(name, (list = []));
      return list;
    };
    for (const edge of this.graph.importersOf(path)) {
      const from = edge.from;
      for (const user of edge.namespaceUsers ?? []) index.wholeFileUsers.push([from, user]);
      for (const [name, users] of edge.symbolUsers ?? []) {
        // A name the target does not visibly export may be the changed one: treat its users as whole-file users.
        const list = this.isUnknownExport(target, name, edge) ? index.wholeFileUsers : byName(name);
        for (const user of users) {
          list.push([from, user]);
          index.allUsers.push([from, user]);
        }
      }
      for (const reexport of edge.reexports ?? []) {
        const list = reexport.imported === '*' ? index.wholeFileUsers : byName(reexport.imported);
        list.push([from, reexport.exported]);
        index.allUsers.push([from, reexport.exported]);
      }
      if (edge.reexportAll) index.reexportAllFrom.push(from);
    }
    return index;
  }

  /** Per file, top-level name -> definitions of the same file using it; built once per walk. */
  private localUsers(path: string, facts: FileFacts): Map<string, string[]> {
    return this.graph.derive(path, 'localUsers', () => localUseIndex(facts));
  }


  /** Names under which importers see `symbol` of a file: its exports, aliases, and itself for pass-through names. */
  private exportedNames(entry: FileEntry | undefined, symbol: string): Set<string> {
    const names = new Set<string>([symbol]);
    const facts = entry?.facts;
    if (!facts) return names;
    for (const definition of facts.definitions) {
      if (ownerSymbol(definition.name) === symbol) for (const name of definition.exportedAs) names.add(name);
    }
    for (const alias of facts.exportAliases) if (alias.local === symbol) names.add(alias.exported);
    return names;
  }

  /**
   * An imported name the target does not visibly export (CommonJS patterns we
   * do not model, parse failures): assume it may be the changed one rather
   * than miss a dependent. Go uses are per package, so a miss there is normal.
   */
  private isUnknownExport(target: FileEntry | undefined, name: string, edge: Edge): boolean {
    if (!target?.facts || target.facts.language === 'go' || edge.kinds.includes('package')) return !target?.facts;
    let table = this.exportTables.get(target.path);
    if (!this.exportTables.has(target.path)) {
      table = exportTable(target);
      this.exportTables.set(target.path, table);
    }
    return table !== undefined && !table.has(name);
  }
}

/** Top-level name -> definitions of the same file using it. */
function localUseIndex(facts: FileFacts): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const definition of facts.definitions) {
    const owner = ownerSymbol(definition.name);
    for (const used of definition.uses ?? []) {
      const list = users.get(used);
      if (!list) users.set(used, [owner]);
      else if (!list.includes(owner)) list.push(owner);
    }
  }
  return users;
}

/** Every name a file visibly exports; undefined when `export *` makes the set open-ended. */
function exportTable(entry: FileEntry): Set<string> | undefined {
  const facts = entry.facts!;
  const names = new Set<string>();
  for (const definition of facts.definitions) for (const name of definition.exportedAs) names.add(name);
  for (const alias of facts.exportAliases) names.add(alias.exported);
  for (const edge of entry.edges.values()) {
    if (edge.reexportAll) return undefined;
    for (const reexport of edge.reexports ?? []) names.add(reexport.exported);
  }
  return names;
}
