import type { FileFacts } from './types';
import type { FileEntry } from './graph/fileEntry';
import { ownerSymbol } from './graph/fileEntry';
import { ExportTables, originKey } from './graph/exportTable';
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

/** '*' = the file as a whole; '' = module-level code (does not propagate further). */
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

const tablesByGraph = new WeakMap<DependencyGraph, ExportTables>();

/** One set of export tables per graph, kept across walks until the graph changes. */
function exportTablesOf(graph: DependencyGraph): ExportTables {
  let tables = tablesByGraph.get(graph);
  if (!tables) tablesByGraph.set(graph, (tables = new ExportTables(graph)));
  return tables;
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
  const walk = new SymbolWalk(graph, exportTablesOf(graph), options.maxDepth ?? Number.POSITIVE_INFINITY);
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
  /**
   * Exported name -> (importer, its definition) using it. A member use `a.b`
   * of a named import is listed under `a.b` and under `a`.
   */
  readonly usersByName: Map<string, Node[]>;
  /** Users of a name on its own, not through one of its members (for re-exported namespaces). */
  readonly bareUsersByName: Map<string, Node[]>;
  /** Users of the file as a whole: namespace values, unrestricted import(), require(), side effects. */
  readonly wholeFileUsers: Node[];
  /** `export { imported as exported } from` this file (and `import`-then-`export`): imported -> (importer, exported). */
  readonly reexportsByName: Map<string, Node[]>;
  /** Files doing `export * from` this one. */
  readonly reexportAllFrom: string[];
}

function push<K>(map: Map<K, Node[]>, key: K, node: Node): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}

/**
 * A 0-1 breadth-first walk over (file, symbol) nodes: hops within a file cost
 * 0, hops to another file cost 1. A symbol is a top-level definition of the
 * file, or a name the file only passes through (a re-export), or `ns.x` for
 * member `x` of a namespace `ns` the file re-exports.
 */
class SymbolWalk {
  truncated = false;
  private readonly wholeFileEmitted = new Set<string>();

  constructor(
    private readonly graph: DependencyGraph,
    private readonly exportTables: ExportTables,
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
      // Module-level code does not propagate.
      if (visit.symbol === '') continue;
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
  private *next(path: string, symbol: string): Iterable<Node> {
    const entry = this.graph.get(path);
    const facts = entry?.facts;
    const importers = this.importerIndex(path);
    // Users of the whole file depend on every symbol: emit them once, at the first (shallowest) visit.
    if (!this.wholeFileEmitted.has(path)) {
      this.wholeFileEmitted.add(path);
      yield* importers.wholeFileUsers;
      yield* this.usersOfUnknownNames(path, importers);
    }
    if (symbol === WHOLE_FILE) {
      // The whole file changed: each of its definitions, and each name it passes through.
      yield* this.fileSymbols(path);
      return;
    }
    const dot = symbol.indexOf('.');
    if (dot > 0) {
      yield* this.namespaceMemberUsers(path, symbol.slice(0, dot), symbol.slice(dot + 1), importers);
      return;
    }
    // Definitions of the same file that use it.
    if (facts) for (const user of this.localUsers(path, facts).get(symbol) ?? []) yield [path, user];
    if (facts?.language === 'go') {
      // Go: a package's names are used as `pkg.Name`; there are no re-exports.
      yield* importers.usersByName.get(symbol) ?? [];
      return;
    }
    const local = this.isLocalDefinition(path, symbol);
    const origin = local ? originKey(path, symbol) : this.exportTables.originOf(path, symbol);
    if (origin === undefined) return;
    // A definition is seen under each name the file exports it as; a name the file
    // passes on only under that name (another name with the same origin may come by another route).
    const names = local ? [...this.exportTables.of(path).names].filter(([, nameOrigin]) => nameOrigin === origin).map(([name]) => name) : [symbol];
    for (const name of names) {
      yield* importers.usersByName.get(name) ?? [];
      yield* importers.reexportsByName.get(name) ?? [];
      for (const [from, exported] of importers.reexportsByName.get('*') ?? []) yield [from, `${exported}.${name}`];
      for (const from of importers.reexportAllFrom) {
        if (this.exportTables.originOf(from, name) === origin) yield [from, name];
      }
    }
  }

  private isLocalDefinition(path: string, symbol: string): boolean {
    return this.localNames(path).has(symbol);
  }

  /** The file's own top-level definitions (methods count as their class). */
  private localNames(path: string): Set<string> {
    return this.graph.derive(path, 'localNames', () => {
      const names = new Set<string>();
      for (const definition of this.graph.get(path)?.facts?.definitions ?? [])
        if (definition.kind !== 'method') names.add(ownerSymbol(definition.name));
      return names;
    });
  }

  /** Member `member` of the namespace `namespace` that `path` exports (`export * as namespace from`). */
  private *namespaceMemberUsers(path: string, namespace: string, member: string, importers: ImporterIndex): Iterable<Node> {
    const symbol = `${namespace}.${member}`;
    yield* importers.usersByName.get(symbol) ?? [];
    yield* importers.bareUsersByName.get(namespace) ?? [];
    for (const [from, exported] of importers.reexportsByName.get(namespace) ?? []) yield [from, `${exported}.${member}`];
    const origin = this.exportTables.originOf(path, namespace);
    for (const from of importers.reexportAllFrom) {
      if (origin !== undefined && this.exportTables.originOf(from, namespace) === origin) yield [from, symbol];
    }
  }

  private *fileSymbols(path: string): Iterable<Node> {
    const facts = this.graph.get(path)?.facts;
    for (const local of this.localNames(path)) yield [path, local];
    if (facts?.language === 'go') return;
    for (const [name, origin] of this.exportTables.of(path).names) {
      if (!origin.startsWith(`${path}\0`)) yield [path, name];
    }
  }

  /**
   * Importers of names a module with open exports (CommonJS, `export =`) does
   * not visibly export: one of them may be the changed one, so they count as
   * whole-file users. In a module whose exports are all visible, an imported
   * name it does not export links to nothing.
   */
  private *usersOfUnknownNames(path: string, importers: ImporterIndex): Iterable<Node> {
    const facts = this.graph.get(path)?.facts;
    if (facts?.language === 'go') return;
    const table = this.exportTables.of(path);
    if (!table.open) return;
    for (const [name, users] of importers.usersByName) {
      if (name.includes('.') || table.names.has(name)) continue;
      yield* users;
    }
  }

  /**
   * Who uses what of a file, from all its importer edges at once, built once
   * per walk: a barrel with hundreds of importers is then looked up by name
   * per visited symbol instead of scanned again for each.
   */
  private importerIndex(path: string): ImporterIndex {
    return this.graph.derive(path, 'importers', () => this.buildImporterIndex(path));
  }

  private buildImporterIndex(path: string): ImporterIndex {
    const index: ImporterIndex = {
      usersByName: new Map(),
      bareUsersByName: new Map(),
      wholeFileUsers: [],
      reexportsByName: new Map(),
      reexportAllFrom: [],
    };
    for (const edge of this.graph.importersOf(path)) {
      const from = edge.from;
      for (const user of edge.namespaceUsers ?? []) index.wholeFileUsers.push([from, user]);
      for (const [name, users] of edge.symbolUsers ?? []) {
        const dot = name.indexOf('.');
        for (const user of users) {
          const node: Node = [from, user];
          push(index.usersByName, name, node);
          if (dot > 0) push(index.usersByName, name.slice(0, dot), node);
          else push(index.bareUsersByName, name, node);
        }
      }
      for (const reexport of edge.reexports ?? []) push(index.reexportsByName, reexport.imported, [from, reexport.exported]);
      if (edge.reexportAll) index.reexportAllFrom.push(from);
    }
    return index;
  }

  /** Per file, top-level name -> definitions of the same file using it; built once per walk. */
  private localUsers(path: string, facts: FileFacts): Map<string, string[]> {
    return this.graph.derive(path, 'localUsers', () => localUseIndex(facts));
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
