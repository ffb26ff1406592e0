import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { type BlastRadius, type BlastRadiusOptions, type RegionTarget, computeBlastRadius, definitionsInRange } from './blastRadius';
import { createHash } from 'node:crypto';
import { type CachedFile, type CachedResolutions, loadCache, saveCache } from './cache';
import { type LoadBearingClassifier, defaultLoadBearingClassifier } from './fileRoles';
import type { FileEntry } from './graph/fileEntry';
import { DependencyGraph } from './graph/graph';
import type { LinkContext } from './graph/link';
import { languageOf } from './languages';
import type { ParseRequest, ParseResult } from './parseFile';
import { compactFacts } from './compactFacts';
import { RepositoryFiles } from './repositoryFiles';
import { RESOLUTION_CONFIG_NAMES, RESOLUTION_VERSION, Resolver } from './resolve/resolver';
import { type IndexStats, StatsCounter } from './stats';
import type { SkipReason } from './types';
import { likelyLanguages } from './walk/languageHint';
import { type FileListing, listRepositoryFiles, trackedFileCountHint } from './walk/listFiles';
import { type PathSkipRules, pathSkipRules } from './walk/skipRules';
import { ParsePool, helpingPool } from './workerPool';

export interface WorkspaceIndexOptions {
  /** Absolute path of the repository (or folder) to index. */
  readonly root: string;
  /** Where to persist the parse cache (e.g. `<git-common-dir>/ai-provenance/`); none = no persistence. */
  readonly cacheDir?: string;
  /** Extra globs to leave out, repo-relative (`**\/fixtures/**`, `docs`). */
  readonly exclude?: readonly string[];
  /** Files larger than this are not parsed (default 1 MiB). */
  readonly maxFileBytes?: number;
  /** Load-bearing classes of a path; defaults to a small built-in list of path globs. */
  readonly loadBearing?: LoadBearingClassifier;
  /**
   * Parse worker threads; 0 parses on the calling thread. Default: one per core
   * but one, with the calling thread parsing too (it only waits otherwise).
   */
  readonly workers?: number;
  /** How build() lists files (see FileListing): default `git`, which walks where git has no answer; `walk` runs no git. */
  readonly listing?: FileListing;
  /**
   * Name-level detail (default true): member uses `ns.x` and the names a nested
   * import()/require() takes. Off only to measure what it costs (npm run bench);
   * the blast radius is then coarser.
   */
  readonly nameLevel?: boolean;
}

export interface UpdateResult {
  readonly parsed: number;
  readonly removed: number;
  readonly relinked: number;
  readonly configChanged: boolean;
  readonly ms: number;
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * The workspace index: parses every source file once (in worker threads,
 * cached across sessions), resolves imports like the languages' toolchains,
 * and answers "what depends on this code" at symbol and file level.
 */
export class WorkspaceIndex {
  private readonly graph = new DependencyGraph();
  private readonly rules: PathSkipRules;
  private readonly pool: ParsePool;
  private readonly classify: LoadBearingClassifier;
  private readonly maxFileBytes: number;
  private files: RepositoryFiles;
  private resolver: Resolver;
  private readonly skipped = new Map<string, SkipReason>();
  private cached = new Map<string, CachedFile>();
  /** The cache is read by the first build (or update), while git lists the files. */
  private cacheLoaded = false;
  private lastStats: IndexStats | undefined;
  private readonly notes: string[] = [];
  private saveTimer: NodeJS.Timeout | undefined;
  /** Whether the cache on disk lags behind `cached`; a warm build with no changes writes nothing. */
  private cacheDirty = false;
  private cacheExists = false;
  /** How the last build listed the files (until then, how it would). */
  private listedBy: FileListing;
  /** Every distinct string of the facts held, kept once (see compactFacts). */
  private readonly strings = new Map<string, string>();
  /** Resolutions loaded from the cache, used by the first build if the file list and configuration still match. */
  private loadedResolutions: CachedResolutions | undefined;
  /** The file list and configuration the current resolver's memo is valid for. */
  private resolutionStamp: string | undefined;

  private constructor(private readonly options: WorkspaceIndexOptions) {
    this.rules = pathSkipRules(options.exclude ?? []);
    this.pool = options.workers === undefined ? helpingPool() : new ParsePool(options.workers);
    this.classify = options.loadBearing ?? defaultLoadBearingClassifier();
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.listedBy = options.listing ?? 'git';
    this.files = new RepositoryFiles(options.root);
    this.resolver = new Resolver(this.files);
  }

  private loadCacheOnce(): void {
    if (this.cacheLoaded) return;
    this.cacheLoaded = true;
    const cache = loadCache(this.options.cacheDir, this.options.root, this.options.nameLevel !== false);
    this.cached = cache.files;
    for (const file of cache.files.values()) if (file.facts) compactFacts(file.facts, this.strings);
    this.cacheExists = cache.files.size > 0;
    this.loadedResolutions = cache.resolutions;
    if (cache.note) this.notes.push(cache.note);
  }

  /** Opens the index of `root`; call build() to scan (the first build loads the cache). */
  static async open(options: WorkspaceIndexOptions): Promise<WorkspaceIndex> {
    return new WorkspaceIndex({ ...options, root: resolve(options.root) });
  }

  get root(): string {
    return this.options.root;
  }

  /** Lists, parses what changed since the cache, links everything, saves the cache. */
  async build(): Promise<IndexStats> {
    const started = performance.now();
    // git lists the files while the cache loads (the first build's two slowest steps before parsing).
    const listed = listRepositoryFiles(this.root, this.rules.skipsDirectory, this.options.listing);
    this.loadCacheOnce();
    // A cold build: the parse threads start, and load the grammar the root points to, while git lists (about 250 ms before a worker's first file).
    if (this.cached.size === 0 && this.options.listing !== 'walk')
      this.pool.prestart(trackedFileCountHint(this.root) ?? 0, likelyLanguages(this.root));
    const listing = await listed;
    // The first phase, `list`, includes loading the cache.
    const counter = new StatsCounter(this.notes.splice(0), started);
    this.listedBy = listing.source;
    counter.lap('list');
    const present: string[] = [];
    const requests: ParseRequest[] = [];
    const fresh = new Map<string, FileEntry>();
    this.skipped.clear();
    for (const path of listing.files) {
      const reason = this.rules.reasonFor(path);
      if (reason === 'vendored' || reason === 'excluded') {
        if (languageOf(path)) this.skip(path, reason);
        continue;
      }
      present.push(path);
      const language = languageOf(path);
      if (!language) continue;
      if (reason) {
        this.skip(path, reason);
        continue;
      }
      const entry = this.statEntry(path);
      if (!entry) continue;
      fresh.set(path, entry);
      const hit = this.reuseCached(entry);
      if (!hit) requests.push(this.requestFor(entry));
    }
    counter.lap('stat');
    this.files = new RepositoryFiles(this.root, present);
    this.resolutionStamp = resolutionStamp(this.root, this.files);
    const reusable = this.loadedResolutions?.stamp === this.resolutionStamp ? this.loadedResolutions.entries : undefined;
    if (!reusable) this.cacheDirty = true;
    this.loadedResolutions = undefined;
    this.resolver = new Resolver(this.files, reusable);
    counter.cacheHits = fresh.size - requests.length;
    for (const path of [...this.graph.files.keys()]) if (!fresh.has(path)) this.graph.remove(path);
    for (const entry of fresh.values()) this.graph.set(entry);
    // Linking overlaps parsing: the main thread links cache hits, then each parsed
    // batch as it arrives, while the workers parse. Go files link last, against
    // their package siblings' definitions.
    const context = this.linkContext();
    const linkNow = (paths: readonly string[]) =>
      this.graph.relink(
        paths.filter((path) => !path.endsWith('.go')),
        context,
      );
    const parsing = this.pool.parse(requests, (batch) => {
      for (const result of batch) this.applyResult(fresh.get(result.path)!, result);
      linkNow(batch.map((result) => result.path));
    });
    const requested = new Set(requests.map((request) => request.path));
    linkNow([...fresh.keys()].filter((path) => !requested.has(path)));
    const results = await parsing;
    counter.lap('parse');
    this.graph.relink(
      [...fresh.keys()].filter((path) => path.endsWith('.go')),
      context,
    );
    for (const entry of fresh.values()) if (entry.skipped) this.skipped.set(entry.path, entry.skipped);
    counter.lap('link');
    counter.parsed = results.filter((r) => r.status === 'parsed').length;
    this.saveNow();
    counter.lap('save');
    this.lastStats = counter.finish(this.graph, this.skipped, listing.source);
    return this.lastStats;
  }

  /**
   * Re-reads the given files (absolute or repo-relative): changed files are
   * re-parsed, new ones added, missing ones removed. A changed tsconfig,
   * package.json, go.mod, ... re-resolves the imports it can affect.
   */
  async updateFiles(paths: readonly string[]): Promise<UpdateResult> {
    const started = performance.now();
    this.loadCacheOnce();
    const relinks = new Set<string>();
    const requests: ParseRequest[] = [];
    const entries = new Map<string, FileEntry>();
    const removed: string[] = [];
    let configChanged = false;
    let added = false;
    for (const raw of paths) {
      const path = this.repoRelative(raw);
      if (path === undefined) continue;
      if (RESOLUTION_CONFIG_NAMES.has(path.slice(path.lastIndexOf('/') + 1))) configChanged = true;
      const exists = this.isFile(path);
      if (!exists) {
        removed.push(path);
        // A deleted folder takes its files with it.
        const prefix = `${path}/`;
        for (const known of this.graph.files.keys()) if (known.startsWith(prefix)) removed.push(known);
        continue;
      }
      const reason = this.rules.reasonFor(path);
      if (reason === 'vendored' || reason === 'excluded') continue;
      if (this.files.add(path)) added = true;
      const language = languageOf(path);
      if (!language) continue;
      if (reason) {
        this.skip(path, reason);
        continue;
      }
      const entry = this.statEntry(path);
      if (!entry) continue;
      entries.set(path, entry);
      requests.push(this.requestFor(entry, this.graph.get(path)?.hash));
    }
    const results = await this.pool.parse(requests);
    for (const result of results) {
      const entry = entries.get(result.path)!;
      if (result.status === 'unchanged') {
        const previous = this.graph.get(entry.path);
        entry.facts = previous?.facts;
        entry.skipped = previous?.skipped;
      }
      this.applyResult(entry, result);
      this.graph.set(entry);
      this.setSkipped(entry.path, entry.skipped);
      relinks.add(entry.path);
    }
    for (const path of removed) {
      for (const edge of this.graph.importersOf(path)) relinks.add(edge.from);
      this.graph.remove(path);
      if (this.cached.delete(path)) this.cacheDirty = true;
      this.skipped.delete(path);
      if (this.files.delete(path)) added = true;
    }
    if (configChanged || added || removed.length > 0) {
      this.resolutionStamp = resolutionStamp(this.root, this.files);
      this.cacheDirty = true;
    }
    if (configChanged) {
      this.resolver = new Resolver(this.files);
      for (const path of this.graph.files.keys()) relinks.add(path);
    } else if (added || removed.length > 0) {
      // Resolution results are memoised against the old file set.
      this.resolver = new Resolver(this.files);
      this.addResolutionCandidates(relinks, [...entries.keys(), ...removed]);
    }
    for (const path of [...relinks]) if (path.endsWith('.go')) for (const sibling of this.files.filesIn(dirOf(path))) relinks.add(sibling);
    for (const path of removed) relinks.delete(path);
    this.graph.relink(relinks, this.linkContext());
    this.scheduleSave();
    this.lastStats = undefined;
    return { parsed: results.length, removed: removed.length, relinked: relinks.size, configChanged, ms: performance.now() - started };
  }

  async removeFiles(paths: readonly string[]): Promise<UpdateResult> {
    // A removal is an update of a file that no longer exists; if it still does, it is re-read.
    return this.updateFiles(paths);
  }

  stats(): IndexStats {
    this.lastStats ??= new StatsCounter([]).finish(this.graph, this.skipped, this.listedBy);
    return this.lastStats;
  }

  /** Definitions (`name` or `Class.member`) whose lines intersect the 0-based inclusive range. */
  definitionsAt(path: string, startLine: number, endLine: number = startLine): string[] {
    const entry = this.graph.get(this.repoRelative(path) ?? path);
    return entry ? definitionsInRange(entry, startLine, endLine) : [];
  }

  /** The blast radius of a region (0-based inclusive lines) or of a whole file. */
  blastRadius(target: RegionTarget, options?: BlastRadiusOptions): BlastRadius {
    const path = this.repoRelative(target.path) ?? target.path;
    return computeBlastRadius(this.graph, { ...target, path }, this.classify, options);
  }

  /** Files that import `path` directly (file level). */
  importersOf(path: string): string[] {
    return [...this.graph.importersOf(this.repoRelative(path) ?? path)].map((edge) => edge.from).sort();
  }

  /** Files `path` imports (file level), with the externals and unresolved specifiers. */
  importsOf(path: string): { files: string[]; externals: string[]; unresolved: string[] } {
    const entry = this.graph.get(this.repoRelative(path) ?? path);
    return { files: [...(entry?.edges.keys() ?? [])].sort(), externals: entry?.externals ?? [], unresolved: entry?.unresolved ?? [] };
  }

  /** Transitive dependents of a file or of one of its definitions. */
  dependentsOf(path: string, symbol?: string, options?: BlastRadiusOptions): BlastRadius {
    const repoPath = this.repoRelative(path) ?? path;
    const entry = this.graph.get(repoPath);
    const definition = symbol ? entry?.facts?.definitions.find((d) => d.name === symbol) : undefined;
    if (symbol && !definition) throw new Error(`no definition ${symbol} in ${repoPath}`);
    const lines = definition ? { startLine: definition.startLine, endLine: definition.startLine } : {};
    return this.blastRadius({ path: repoPath, ...lines }, options);
  }

  /** All file-level edges (from, to), for comparisons and exports. */
  *fileEdges(): Iterable<{ from: string; to: string }> {
    for (const entry of this.graph.files.values()) for (const to of entry.edges.keys()) yield { from: entry.path, to };
  }

  has(path: string): boolean {
    return this.graph.get(this.repoRelative(path) ?? path) !== undefined;
  }

  /** Writes the cache now (updates also save on their own, debounced). */
  async save(): Promise<void> {
    this.saveNow();
  }

  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.saveNow();
    }
    this.pool.dispose();
  }

  private linkContext(): LinkContext {
    return { resolver: this.resolver, host: this.files, entryOf: (path) => this.graph.get(path) };
  }

  /** Files whose imports may resolve differently after files appeared or disappeared. */
  private addResolutionCandidates(relinks: Set<string>, changed: readonly string[]): void {
    // `x/a.ts` also changes what `./a` means for importers of `x/a/index.ts`.
    const directories = new Set(changed.flatMap((path) => [dirOf(path), path.replace(/\.[^/.]+$/, '')]));
    for (const entry of this.graph.files.values()) {
      if (entry.unresolved.length > 0) relinks.add(entry.path);
    }
    // A new a.ts can shadow a/index.ts or a.js: importers of that directory's files re-resolve.
    for (const directory of directories) {
      for (const file of this.files.filesIn(directory)) for (const edge of this.graph.importersOf(file)) relinks.add(edge.from);
    }
  }

  private statEntry(path: string): FileEntry | undefined {
    let stat;
    try {
      stat = statSync(`${this.root}/${path}`);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const entry: FileEntry = {
      path,
      language: languageOf(path)!,
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      hash: '',
      facts: undefined,
      skipped: stat.size > this.maxFileBytes ? 'tooLarge' : undefined,
      edges: new Map(),
      externals: [],
      unresolved: [],
      parseError: undefined,
    };
    return entry;
  }

  /** Fills the entry from the cache when mtime and size match; true on a hit. */
  private reuseCached(entry: FileEntry): boolean {
    if (entry.skipped === 'tooLarge') return true;
    const cached = this.cached.get(entry.path);
    if (!cached || cached.mtimeMs !== entry.mtimeMs || cached.size !== entry.size) return false;
    entry.hash = cached.hash;
    entry.facts = cached.facts;
    entry.skipped = cached.skipped;
    return true;
  }

  private requestFor(entry: FileEntry, knownHash = this.cached.get(entry.path)?.hash): ParseRequest {
    return {
      path: entry.path,
      absolutePath: `${this.root}/${entry.path}`,
      ...(knownHash ? { knownHash } : {}),
      ...(this.options.nameLevel === false ? { fileLevel: true } : {}),
    };
  }

  private applyResult(entry: FileEntry, result: ParseResult): void {
    switch (result.status) {
      case 'parsed':
        entry.hash = result.hash;
        entry.facts = compactFacts(result.facts, this.strings);
        entry.skipped = undefined;
        break;
      case 'unchanged': {
        entry.hash = result.hash;
        const cached = this.cached.get(entry.path);
        if (cached && !entry.facts && !entry.skipped) {
          entry.facts = cached.facts;
          entry.skipped = cached.skipped;
        }
        break;
      }
      case 'skipped':
        entry.hash = result.hash;
        entry.skipped = result.reason;
        break;
      case 'failed':
        entry.parseError = result.message;
        break;
    }
    if (result.status !== 'failed' && entry.hash) {
      this.cacheDirty = true;
      this.cached.set(entry.path, {
        mtimeMs: entry.mtimeMs,
        size: entry.size,
        hash: entry.hash,
        ...(entry.facts ? { facts: entry.facts } : {}),
        ...(entry.skipped ? { skipped: entry.skipped } : {}),
      });
    }
  }

  private skip(path: string, reason: SkipReason): void {
    this.skipped.set(path, reason);
  }

  private setSkipped(path: string, reason: SkipReason | undefined): void {
    if (reason) this.skipped.set(path, reason);
    else this.skipped.delete(path);
  }

  private isFile(path: string): boolean {
    try {
      return statSync(`${this.root}/${path}`).isFile();
    } catch {
      return false;
    }
  }

  private repoRelative(path: string): string | undefined {
    const absolute = isAbsolute(path) ? path : resolve(this.root, path);
    const result = relative(this.root, absolute).split('\\').join('/');
    return result.startsWith('..') || result === '' ? undefined : result;
  }

  private saveNow(): void {
    // Before the first build nothing changed, and the cache on disk is not in memory to compare with.
    if (!this.options.cacheDir || !this.cacheLoaded) return;
    const live = new Map<string, CachedFile>();
    for (const entry of this.graph.files.values()) {
      const cached = this.cached.get(entry.path);
      if (cached) live.set(entry.path, cached);
    }
    // Entries of files that are gone make the cache dirty too.
    if (!this.cacheDirty && live.size === this.cached.size && this.cacheExists) return;
    this.cached = live;
    this.cacheDirty = false;
    try {
      const resolutions = this.resolutionStamp ? { stamp: this.resolutionStamp, entries: this.resolver.memo() } : undefined;
      saveCache(this.options.cacheDir, this.root, live, this.options.nameLevel !== false, resolutions);
      this.cacheExists = true;
    } catch (error) {
      this.notes.push(`index cache not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private scheduleSave(): void {
    if (!this.options.cacheDir || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saveNow();
    }, 2000);
    this.saveTimer.unref();
  }
}

/**
 * What import resolution depends on besides each import itself: the resolver's
 * version, the file list and the configuration files (by size and modification time).
 */
function resolutionStamp(root: string, files: RepositoryFiles): string {
  const hash = createHash('sha1').update(`resolution ${RESOLUTION_VERSION}\n`);
  for (const path of files.sorted()) {
    hash.update(path);
    hash.update('\n');
    if (!RESOLUTION_CONFIG_NAMES.has(path.slice(path.lastIndexOf('/') + 1))) continue;
    try {
      const stat = statSync(`${root}/${path}`);
      hash.update(`${stat.size}:${stat.mtimeMs}\n`);
    } catch {
      hash.update('gone\n');
    }
  }
  return hash.digest('base64');
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
