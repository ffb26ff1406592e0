import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadClassifier, parseUserLoadBearingSettings } from '../../core/config';
import { CACHE_FILE, type IndexStats, pathSkipRules, WorkspaceIndex } from '../../core/index';
import type { LoadBearingClassifier } from '../../core/loadBearing';
import { triageChanges, type TriageContext } from './changeTriage';
import { GitignoreCheck } from './gitignoreCheck';
import type { ChangeOutcome, FileChange, IndexOpenOptions, RegionAnswer, RegionQuery } from './protocol';

/**
 * One repository's WorkspaceIndex with what the editor needs around it: the
 * load-bearing classifier (with the index's own fan-in counts, so dependents
 * that are hubs count as load-bearing), triage of file events, and a version
 * that changes whenever answers may. Runs in the index thread; no `vscode`.
 * Callers never overlap operations (the worker entry runs them in turn).
 */
export class IndexSession {
  private version = 0;
  private fanIn = new Map<string, number>();

  private constructor(
    private readonly index: WorkspaceIndex,
    private readonly classifier: { current: LoadBearingClassifier },
    private readonly triage: TriageContext,
  ) {}

  static async open(options: IndexOpenOptions): Promise<{ session: IndexSession; problems: readonly string[] }> {
    if (options.discardCache && options.cacheDir) rmSync(join(options.cacheDir, CACHE_FILE), { force: true });
    const loaded = await loadClassifierWithSetting(options.root, options.loadBearingSetting);
    // The index keeps the function; the classifier behind it is replaced when its configuration changes.
    const classifier = { current: loaded.classifier };
    const index = await WorkspaceIndex.open({
      root: options.root,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
      exclude: options.exclude,
      maxFileBytes: options.maxFileBytes,
      workers: options.parseWorkers,
      // Untrusted, the index runs no git: a repository's git configuration can make git run programs.
      listing: options.trusted ? 'git' : 'walk',
      loadBearing: (path) => classifier.current.classNames(path),
    });
    const rules = pathSkipRules(options.exclude);
    const triage: TriageContext = { root: index.root, rules, gitignore: new GitignoreCheck(index.root), isIndexed: (path) => index.has(path) };
    return { session: new IndexSession(index, classifier, triage), problems: loaded.problems };
  }

  get currentVersion(): number {
    return this.version;
  }

  /** Lists the repository again; only files whose size or mtime changed are parsed. */
  async build(): Promise<IndexStats> {
    this.triage.gitignore.forget();
    const stats = await this.index.build();
    this.changed();
    return stats;
  }

  async update(changes: readonly FileChange[]): Promise<ChangeOutcome> {
    const triage = triageChanges(changes, this.triage);
    if (triage.refresh !== undefined) {
      const stats = await this.build();
      return { kind: 'refresh', reason: triage.refresh, stats, ignored: triage.ignored };
    }
    if (triage.update.length === 0) return { kind: 'none', ignored: triage.ignored };
    const result = await this.index.updateFiles(triage.update);
    this.changed();
    return { kind: 'update', ignored: triage.ignored, ...result };
  }

  async reloadClassifier(loadBearingSetting: unknown): Promise<readonly string[]> {
    const loaded = await loadClassifierWithSetting(this.index.root, loadBearingSetting);
    loaded.classifier.setDependentCounts(this.fanIn);
    this.classifier.current = loaded.classifier;
    this.version++;
    return loaded.problems;
  }

  blastRadius(queries: readonly RegionQuery[]): RegionAnswer[] {
    return queries.map((query) =>
      this.index.has(query.path) ? this.index.blastRadius({ path: query.path, startLine: query.firstLine, endLine: query.lastLine }) : 'unavailable',
    );
  }

  /** Files importing each file directly: the fan-in that makes a file load-bearing by structure. */
  dependentCounts(): Array<[string, number]> {
    return [...this.fanIn];
  }

  stats(): IndexStats {
    return this.index.stats();
  }

  /** Stops the parse threads and writes a pending cache update. */
  dispose(): void {
    this.index.dispose();
  }

  private changed(): void {
    this.version++;
    const fanIn = new Map<string, number>();
    for (const { to } of this.index.fileEdges()) fanIn.set(to, (fanIn.get(to) ?? 0) + 1);
    this.fanIn = fanIn;
    this.classifier.current.setDependentCounts(fanIn);
  }
}

/** The thread gets the raw `aiProvenance.loadBearing` value; its problems are reported with the files'. */
async function loadClassifierWithSetting(
  root: string,
  setting: unknown,
): Promise<{ classifier: LoadBearingClassifier; problems: readonly string[] }> {
  const user = setting === undefined ? undefined : parseUserLoadBearingSettings(setting);
  const loaded = await loadClassifier(root, user?.settings);
  return { classifier: loaded.classifier, problems: [...(user?.problems ?? []), ...loaded.problems] };
}
