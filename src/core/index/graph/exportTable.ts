import type { DependencyGraph } from './graph';
import { ownerSymbol } from './fileEntry';

/**
 * What a module exports, name by name, and where each name comes from, with
 * ES module semantics for `export *`: it never carries `default`, a name the
 * module declares or re-exports by name shadows a star export, and a name two
 * stars export from different origins is ambiguous and not exported at all.
 * The blast-radius walk passes a changed name through a star barrel only when
 * the barrel's export of that name has the same origin.
 */

export interface ExportTable {
  /** Exported name -> origin key (`file\0name` of the declaration, `file\0*` for a namespace object). */
  readonly names: ReadonlyMap<string, string>;
  /**
   * True when the module may export names we cannot see (CommonJS patterns,
   * `export =`, a file we could not parse, or a star export of such a file).
   */
  readonly open: boolean;
}

export function originKey(path: string, name: string): string {
  return `${path}\0${name}`;
}

const OPEN_EMPTY: ExportTable = { names: new Map(), open: true };

/**
 * Export tables computed on demand and kept until the graph changes: a
 * module's table depends on the files it re-exports from, so a change
 * anywhere can change it.
 */
export class ExportTables {
  private readonly tables = new Map<string, ExportTable>();
  private generation = -1;

  constructor(private readonly graph: DependencyGraph) {}

  of(path: string): ExportTable {
    if (this.generation !== this.graph.generation) {
      this.tables.clear();
      this.generation = this.graph.generation;
    }
    return this.compute(path, new Set());
  }

  /** The origin of `name` as `path` exports it; undefined when it does not (visibly) export it. */
  originOf(path: string, name: string): string | undefined {
    const table = this.of(path);
    return table.names.get(name) ?? (table.open ? originKey(path, `?${name}`) : undefined);
  }

  private compute(path: string, visiting: Set<string>): ExportTable {
    const known = this.tables.get(path);
    if (known) return known;
    const entry = this.graph.get(path);
    const facts = entry?.facts;
    if (!entry || !facts) return OPEN_EMPTY;
    // An `export *` cycle: the inner visit sees no names (ES resolution ignores the loop too).
    if (visiting.has(path)) return { names: new Map(), open: false };
    visiting.add(path);
    const ecmascript = facts.language !== 'python' && facts.language !== 'go';
    const names = new Map<string, string>();
    const locals = new Set<string>();
    for (const definition of facts.definitions) {
      if (definition.kind === 'method') continue;
      const owner = ownerSymbol(definition.name);
      locals.add(owner);
      for (const exported of definition.exportedAs) names.set(exported, originKey(path, owner));
    }
    for (const alias of facts.exportAliases) {
      if (locals.has(alias.local)) names.set(alias.exported, originKey(path, alias.local));
    }
    let open = facts.openExports === true || facts.language === 'python';
    const starOrigins = new Map<string, string>();
    const ambiguous = new Set<string>();
    for (const edge of entry.edges.values()) {
      // Named re-exports, including `import { a } from 'x'; export { a }` (linked as re-exports).
      for (const reexport of edge.reexports ?? []) {
        const origin =
          reexport.imported === '*'
            ? originKey(edge.to, '*')
            : (this.compute(edge.to, visiting).names.get(reexport.imported) ?? originKey(edge.to, reexport.imported));
        names.set(reexport.exported, origin);
      }
      if (!edge.reexportAll) continue;
      const source = this.compute(edge.to, visiting);
      if (source.open) open = true;
      for (const [name, origin] of source.names) {
        if (ecmascript && name === 'default') continue;
        const previous = starOrigins.get(name);
        if (previous !== undefined && previous !== origin) ambiguous.add(name);
        else starOrigins.set(name, origin);
      }
    }
    for (const [name, origin] of starOrigins) {
      if (!names.has(name) && !ambiguous.has(name)) names.set(name, origin);
    }
    visiting.delete(path);
    const table: ExportTable = { names, open };
    this.tables.set(path, table);
    return table;
  }
}
