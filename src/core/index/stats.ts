import type { DependencyGraph } from './graph/graph';
import { SKIP_REASONS, type LanguageId, type SkipReason } from './types';

export interface IndexStats {
  /** Source files known to the index (parsed or skipped by content). */
  readonly files: number;
  /** Files with extracted facts. */
  readonly indexed: number;
  /** Indexed files that open with a generator's banner (indexed like any other). */
  readonly generated: number;
  /** Files parsed in this build (the rest came from the cache). */
  readonly parsed: number;
  readonly cacheHits: number;
  /** File-level edges (importer -> imported). */
  readonly edges: number;
  /** Files tree-sitter parsed with syntax errors (still indexed). */
  readonly parseErrors: number;
  /** Files the parser failed on (not indexed). */
  readonly failed: number;
  readonly skipped: Readonly<Record<SkipReason, number>>;
  readonly unresolvedImports: number;
  readonly externalPackages: number;
  readonly languages: Readonly<Partial<Record<LanguageId, number>>>;
  readonly listing: 'git' | 'walk';
  /** Milliseconds per phase and in total. */
  readonly ms: Readonly<Record<'list' | 'stat' | 'parse' | 'link' | 'save' | 'total', number>>;
  readonly notes: readonly string[];
}

/** Collects timings while a build runs and summarises the graph at the end. */
export class StatsCounter {
  parsed = 0;
  cacheHits = 0;
  private last: number;
  private readonly ms = { list: 0, stat: 0, parse: 0, link: 0, save: 0, total: 0 };

  constructor(
    private readonly notes: string[],
    private readonly started = performance.now(),
  ) {
    this.last = started;
  }

  lap(phase: 'list' | 'stat' | 'parse' | 'link' | 'save'): void {
    const now = performance.now();
    this.ms[phase] = Math.round(now - this.last);
    this.last = now;
  }

  finish(graph: DependencyGraph, skipped: ReadonlyMap<string, SkipReason>, listing: 'git' | 'walk'): IndexStats {
    const skippedCounts = Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Record<SkipReason, number>;
    for (const reason of skipped.values()) skippedCounts[reason]++;
    const languages: Partial<Record<LanguageId, number>> = {};
    let indexed = 0;
    let generated = 0;
    let parseErrors = 0;
    let failed = 0;
    let unresolved = 0;
    const externals = new Set<string>();
    for (const entry of graph.files.values()) {
      if (entry.facts) {
        indexed++;
        languages[entry.language] = (languages[entry.language] ?? 0) + 1;
        if (entry.facts.hasParseErrors) parseErrors++;
        if (entry.facts.generated) generated++;
      } else if (entry.parseError) {
        failed++;
      }
      unresolved += entry.unresolved.length;
      for (const name of entry.externals) externals.add(name);
    }
    this.ms.total = Math.round(performance.now() - this.started);
    return {
      files: graph.files.size,
      indexed,
      generated,
      parsed: this.parsed,
      cacheHits: this.cacheHits,
      edges: graph.edgeCount(),
      parseErrors,
      failed,
      skipped: skippedCounts,
      unresolvedImports: unresolved,
      externalPackages: externals.size,
      languages,
      listing,
      ms: { ...this.ms },
      notes: this.notes,
    };
  }
}
