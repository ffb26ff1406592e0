import type { Edge } from './edge';
import type { FileEntry } from './fileEntry';
import { type LinkContext, linkFile } from './link';

/**
 * The file entries with their outgoing edges and the reverse index (who
 * imports a file). Re-linking a file swaps its edges in the reverse index,
 * which is all an incremental update needs.
 */
export class DependencyGraph {
  readonly files = new Map<string, FileEntry>();
  private readonly importers = new Map<string, Map<string, Edge>>();
  /** Per-file indexes derived from its facts and incoming edges (for queries); dropped when either changes. */
  private readonly derived = new Map<string, Map<string, unknown>>();
  /** Bumped on every change of an entry or its edges, for caches that depend on more than one file. */
  generation = 0;

  /** A value derived from `path`'s facts and importers, computed once until the file or an importer is relinked. */
  derive<T>(path: string, kind: string, compute: () => T): T {
    let values = this.derived.get(path);
    if (!values) this.derived.set(path, (values = new Map()));
    if (values.has(kind)) return values.get(kind) as T;
    const value = compute();
    values.set(kind, value);
    return value;
  }

  get(path: string): FileEntry | undefined {
    return this.files.get(path);
  }

  /** Adds or replaces an entry; its edges are linked by `relink`. */
  set(entry: FileEntry): void {
    this.generation++;
    const previous = this.files.get(entry.path);
    if (previous) this.unindexEdges(previous);
    this.files.set(entry.path, entry);
  }

  remove(path: string): void {
    const previous = this.files.get(path);
    if (!previous) return;
    this.generation++;
    this.unindexEdges(previous);
    this.files.delete(path);
  }

  relink(paths: Iterable<string>, context: LinkContext): void {
    this.generation++;
    for (const path of paths) {
      const entry = this.files.get(path);
      if (!entry) continue;
      this.unindexEdges(entry);
      linkFile(entry, context);
      for (const edge of entry.edges.values()) {
        this.derived.delete(edge.to);
        let incoming = this.importers.get(edge.to);
        if (!incoming) this.importers.set(edge.to, (incoming = new Map()));
        incoming.set(edge.from, edge);
      }
    }
  }

  /** Edges into `path`: one per importing file. */
  importersOf(path: string): Iterable<Edge> {
    return this.importers.get(path)?.values() ?? [];
  }

  importerCount(path: string): number {
    return this.importers.get(path)?.size ?? 0;
  }

  edgeCount(): number {
    let count = 0;
    for (const entry of this.files.values()) count += entry.edges.size;
    return count;
  }

  private unindexEdges(entry: FileEntry): void {
    this.derived.delete(entry.path);
    for (const edge of entry.edges.values()) {
      this.derived.delete(edge.to);
      const incoming = this.importers.get(edge.to);
      if (incoming?.get(edge.from) === edge) incoming.delete(edge.from);
    }
  }
}
