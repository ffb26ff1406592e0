import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { languageOf } from '../../core/index';
import { USER_SETTING } from '../../core/config';
import type { BlastLookup } from '../../core/views';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import type { Log } from '../log';
import type { RepositoryContext } from '../repositories/repositoryContext';
import { IndexClient, locateIndexHostScript } from './indexClient';
import { readIndexSettings } from './indexSettings';
import type { FileChange } from './protocol';
import { type Connect, RepositoryIndex } from './repositoryIndex';
import { REBUILD_INDEX_COMMAND } from './indexCommands';

/** Repaints wait this long so that answers from several repositories arrive as one change. */
const CHANGE_COALESCE_MS = 15;

/** Leave a core to the extension host (and the editor): parse threads take the rest, up to 4. */
export function parseThreadCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

const connectToThread: Connect = (onExit) => new IndexClient(locateIndexHostScript(), onExit);

/**
 * The blast-radius source of the views: one RepositoryIndex (an index thread)
 * per repository, created when a repository first needs one. Answers come
 * from memory; everything else is a message to a thread.
 */
export class WorkspaceIndexService implements BlastRadiusSource, vscode.Disposable {
  private readonly indexes = new Map<string, RepositoryIndex>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly createEmitter = new vscode.EventEmitter<RepositoryIndex>();
  private readonly warned = new Set<string>();
  private changeTimer: NodeJS.Timeout | undefined;
  private enabled = readIndexSettings().enabled;

  readonly onDidChange = this.changeEmitter.event;
  /** A repository got its index (watchers attach here). */
  readonly onDidCreateIndex = this.createEmitter.event;

  constructor(
    private readonly log: Log,
    private readonly connect: Connect = connectToThread,
  ) {}

  blastRadiusOf(repository: RepositoryContext, path: string, firstLine: number, lastLine: number): BlastLookup {
    // Files the index never parses need no thread to say so.
    if (!languageOf(path)) return 'unavailable';
    return this.indexOf(repository)?.lookup({ path, firstLine, lastLine }) ?? 'unavailable';
  }

  /** Only from an index that runs: the views ask for every repository, and counts alone are no reason to start one. */
  dependentCounts(repository: RepositoryContext): ReadonlyMap<string, number> | undefined {
    return this.enabled ? this.indexes.get(repository.root)?.dependentCounts() : undefined;
  }

  /** Starts the repository's index if indexing is on. */
  ensureStarted(repository: RepositoryContext): void {
    this.indexOf(repository)?.start();
  }

  /** The index of the repository containing an absolute path (the innermost one), if it has one. */
  indexContaining(path: string): RepositoryIndex | undefined {
    let best: RepositoryIndex | undefined;
    for (const index of this.indexes.values()) {
      const inside = path === index.root || path.startsWith(index.root.endsWith(sep) ? index.root : `${index.root}${sep}`);
      if (inside && (!best || index.root.length > best.root.length)) best = index;
    }
    return best;
  }

  filesChanged(changes: readonly FileChange[]): void {
    const byIndex = new Map<RepositoryIndex, FileChange[]>();
    for (const change of changes) {
      const index = this.indexContaining(change.path);
      if (!index) continue;
      let list = byIndex.get(index);
      if (!list) byIndex.set(index, (list = []));
      list.push(change);
    }
    for (const [index, list] of byIndex) index.filesChanged(list);
  }

  refresh(root: string, reason: string): void {
    this.indexes.get(root)?.refresh(reason);
  }

  /** Load-bearing configuration changed in one repository (or, without a root, the user's setting). */
  classesChanged(root?: string): void {
    for (const index of this.indexes.values()) if (root === undefined || index.root === root) index.classesChanged();
  }

  /** Every index built again from nothing (the Rebuild command); resolves when they are done. */
  async rebuildAll(repositories: readonly RepositoryContext[]): Promise<number> {
    for (const repository of repositories) this.indexOf(repository);
    const indexes = [...this.indexes.values()];
    this.warned.clear();
    await Promise.all(indexes.map((index) => index.rebuild()));
    await this.whenIdle();
    return indexes.length;
  }

  /** Settings the indexes were opened with changed: they start again (from the cache) when next needed. */
  restartAll(): void {
    const indexes = [...this.indexes.values()];
    this.indexes.clear();
    for (const index of indexes) void index.dispose();
    this.fireSoon();
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.log.info(enabled ? 'Workspace index switched on.' : 'Workspace index switched off: blast radius is not shown.');
    this.restartAll();
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  all(): RepositoryIndex[] {
    return [...this.indexes.values()];
  }

  /** Resolves once no index has work waiting, running or being fetched (tests, the rebuild command). */
  async whenIdle(): Promise<void> {
    await Promise.all(this.all().map((index) => index.whenIdle()));
    while (this.changeTimer) await new Promise((resolve) => setTimeout(resolve, CHANGE_COALESCE_MS));
  }

  dispose(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const index of this.indexes.values()) void index.dispose();
    this.indexes.clear();
    this.changeEmitter.dispose();
    this.createEmitter.dispose();
  }

  private indexOf(repository: RepositoryContext): RepositoryIndex | undefined {
    if (!this.enabled) return undefined;
    let index = this.indexes.get(repository.root);
    if (!index) {
      index = this.create(repository);
      this.indexes.set(repository.root, index);
      this.createEmitter.fire(index);
    }
    return index;
  }

  private create(repository: RepositoryContext): RepositoryIndex {
    const scope = vscode.Uri.file(repository.root);
    const settings = readIndexSettings(scope);
    const index = new RepositoryIndex(
      {
        root: repository.root,
        cacheDir: repository.store.storeDir,
        exclude: settings.exclude,
        maxFileBytes: settings.maxFileBytes,
        parseWorkers: parseThreadCount(),
        trusted: vscode.workspace.isTrusted,
        debounceMs: () => readIndexSettings(scope).debounceMs,
        loadBearingSetting: () => plainCopy(vscode.workspace.getConfiguration().get<unknown>(USER_SETTING) ?? {}),
      },
      this.connect,
      {
        changed: () => this.fireSoon(),
        building: (done) => this.showProgress(repository, done),
        unavailable: (message) => this.warnOnce(repository, message),
      },
      this.log,
    );
    return index;
  }

  private fireSoon(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changeEmitter.fire();
    }, CHANGE_COALESCE_MS);
  }

  private showProgress(repository: RepositoryContext, done: Promise<unknown>): void {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Indexing ${repository.name}` }, () =>
      done.catch(() => undefined),
    );
  }

  private warnOnce(repository: RepositoryContext, message: string): void {
    if (this.warned.has(repository.root)) return;
    this.warned.add(repository.root);
    void vscode.window
      .showWarningMessage(`AI Provenance: blast radius is unavailable in ${repository.name}. ${message}.`, 'Rebuild Index', 'Show Log')
      .then((choice) => {
        if (choice === 'Rebuild Index') void vscode.commands.executeCommand(REBUILD_INDEX_COMMAND);
        else if (choice === 'Show Log') this.log.show(true);
      });
  }
}

/** Configuration values are proxies that cannot be posted to a thread: send their JSON. */
function plainCopy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
