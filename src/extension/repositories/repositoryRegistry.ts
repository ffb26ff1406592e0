import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { findRepository, storeDirOf } from '../../core/git';
import { moveRegions, RegionStore, STORE_FILE_NAME, type StoreChange, type WriteState } from '../../core/store';
import { describeError, type Log } from '../log';
import { RepositoryContext, repositoryName } from './repositoryContext';
import { watchStore } from './storeWatcher';

export interface RegionsChange extends StoreChange {
  readonly repository: RepositoryContext;
}

interface RepositoryLocation {
  readonly root: string;
  readonly storeDir: string;
  readonly inGit: boolean;
}

/**
 * Finds the repository of each document and owns one region store per
 * repository. In an untrusted workspace git is never run (a repository's
 * configuration can run programs), so regions are kept in the extension's
 * own storage, keyed by workspace folder; once the workspace is trusted and
 * the window reloaded, they move into the repository's store.
 */
export class RepositoryRegistry implements vscode.Disposable {
  private readonly contexts = new Map<string, RepositoryContext>();
  private readonly opening = new Map<string, Promise<RepositoryContext | undefined>>();
  /** Directory -> repository root, or null when it is in none we track. */
  private readonly rootOfDirectory = new Map<string, string | null>();
  /** Directories being looked up: asked of git once however many events arrive meanwhile. */
  private readonly locating = new Map<string, Promise<RepositoryLocation | undefined>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<RegionsChange>();
  private readonly openEmitter = new vscode.EventEmitter<RepositoryContext>();
  private readonly reportedProblems = new Set<string>();
  private readonly reportedWriteFailures = new Set<string>();

  /** Fires whenever the regions of any repository change (locally or from disk). */
  readonly onDidChangeRegions = this.changeEmitter.event;
  /** Fires when a repository's store has been opened. */
  readonly onDidOpenRepository = this.openEmitter.event;

  constructor(
    private readonly storageDir: string | undefined,
    private readonly log: Log,
    private readonly syncDelayMs: () => number,
  ) {
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.offerReloadAfterTrust()));
  }

  /** Every repository opened so far. */
  all(): RepositoryContext[] {
    return [...this.contexts.values()];
  }

  /** The repository of a document, when already known (never waits: for hot paths). */
  lookup(uri: vscode.Uri): RepositoryContext | undefined {
    if (uri.scheme !== 'file') return undefined;
    const root = this.rootOfDirectory.get(dirname(uri.fsPath));
    return root ? this.contexts.get(root) : undefined;
  }

  /** The repository of a document, finding and opening it if needed. */
  resolve(uri: vscode.Uri): Promise<RepositoryContext | undefined> {
    return uri.scheme === 'file' ? this.resolveRoot(dirname(uri.fsPath)) : Promise.resolve(undefined);
  }

  /**
   * The repository that holds a directory (a git repository's root, a
   * workspace folder, or any folder inside them), finding and opening it if needed.
   */
  async resolveRoot(directory: string): Promise<RepositoryContext | undefined> {
    const known = this.rootOfDirectory.get(directory);
    if (known === null) return undefined;
    if (known) return this.contexts.get(known) ?? this.opening.get(known);

    const location = await this.locateOnce(directory);
    this.rootOfDirectory.set(directory, location?.root ?? null);
    if (!location) return undefined;
    const existing = this.contexts.get(location.root) ?? this.opening.get(location.root);
    if (existing) return existing;
    const opening = this.open(location.root, location.storeDir, location.inGit);
    this.opening.set(location.root, opening);
    try {
      return await opening;
    } finally {
      this.opening.delete(location.root);
    }
  }

  /** Writes every store's pending changes and closes the stores (on deactivate: a closed store tells no one of changes). */
  async closeStores(): Promise<void> {
    await Promise.all(
      this.all().map((context) =>
        context.store.dispose().catch((error) => this.log.error(`Could not save regions of ${context.root}: ${describeError(error)}`)),
      ),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.changeEmitter.dispose();
    this.openEmitter.dispose();
  }

  /** A burst of events in a new directory (an agent writing many files) asks git about it once. */
  private locateOnce(directory: string): Promise<RepositoryLocation | undefined> {
    let locating = this.locating.get(directory);
    if (!locating) {
      locating = this.locate(directory).finally(() => this.locating.delete(directory));
      this.locating.set(directory, locating);
    }
    return locating;
  }

  private async locate(directory: string): Promise<RepositoryLocation | undefined> {
    if (vscode.workspace.isTrusted) {
      const repository = await findRepository(directory);
      if (repository) return { root: repository.root, storeDir: storeDirOf(repository), inGit: true };
    }
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(directory));
    if (!folder || folder.uri.scheme !== 'file' || !this.storageDir) return undefined;
    return { root: folder.uri.fsPath, storeDir: this.restrictedStoreDir(folder.uri.fsPath)!, inGit: false };
  }

  /** Stores are opened once per window: regions captured in Restricted Mode reach the repository after a reload. */
  private async offerReloadAfterTrust(): Promise<void> {
    const waiting = this.all().filter((context) => !context.inGit && context.store.files().length > 0);
    if (waiting.length === 0) return;
    const reload = 'Reload Window';
    const answer = await vscode.window.showInformationMessage(
      'AI Provenance: the AI regions captured in Restricted Mode move into the repository (where commits record them) when the window reloads.',
      reload,
    );
    if (answer === reload) await vscode.commands.executeCommand('workbench.action.reloadWindow');
  }

  /** Where regions of a workspace folder are kept in Restricted Mode. */
  private restrictedStoreDir(folder: string): string | undefined {
    if (!this.storageDir) return undefined;
    return join(this.storageDir, 'regions', createHash('sha1').update(folder).digest('hex').slice(0, 12));
  }

  /** Regions captured in Restricted Mode join the repository's store, where commits and the CLI see them. */
  private async adoptRestrictedModeRegions(root: string, store: RegionStore): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const storeDir = folder.uri.scheme === 'file' ? this.restrictedStoreDir(folder.uri.fsPath) : undefined;
      if (!storeDir || !existsSync(join(storeDir, STORE_FILE_NAME))) continue;
      try {
        const restricted = await RegionStore.open({ storeDir });
        const moved = moveRegions(restricted, folder.uri.fsPath, store, root);
        if (moved.regions === 0) continue;
        // The repository's copy first: a failure in between leaves the regions in both, never in neither.
        await store.sync();
        await restricted.dispose();
        if (restricted.files().length === 0) rmSync(storeDir, { recursive: true, force: true });
        this.log.info(`Moved ${moved.regions} AI region(s) of ${moved.files} file(s) captured in Restricted Mode into ${root}`);
      } catch (error) {
        this.log.warn(`Could not move the regions captured in Restricted Mode (${storeDir}) into ${root}: ${describeError(error)}`);
      }
    }
  }

  private async open(root: string, storeDir: string, inGit: boolean): Promise<RepositoryContext | undefined> {
    try {
      const store = await RegionStore.open({
        storeDir,
        syncDelayMs: this.syncDelayMs(),
        textOf: (path) => openDocumentText(root, path),
      });
      if (inGit) await this.adoptRestrictedModeRegions(root, store);
      const context = new RepositoryContext(root, store, inGit);
      this.contexts.set(root, context);
      const subscription = store.onDidChange((change) => this.changeEmitter.fire({ ...change, repository: context }));
      const writes = store.onDidChangeWriteState((state) => this.reportWriteState(root, storeDir, state));
      this.disposables.push({ dispose: () => subscription.dispose() }, writes, await watchStore(store, this.log));
      this.reportProblems(store);
      this.log.info(`Tracking AI regions of ${root} in ${storeDir}`);
      this.openEmitter.fire(context);
      return context;
    } catch (error) {
      this.log.error(`Could not open the region store of ${root}: ${describeError(error)}`);
      void vscode.window.showErrorMessage(`AI Provenance could not open its region store for ${root}: ${describeError(error)}`);
      return undefined;
    }
  }

  /**
   * A failed write is logged every time and shown once per store: the
   * changes stay in memory and the store retries by itself (it never drops
   * them); the log says when writing works again.
   */
  private reportWriteState(root: string, storeDir: string, state: WriteState): void {
    if (state.ok) {
      this.log.info(`Saved the AI regions of ${root} again`);
      return;
    }
    this.log.error(`Could not save the AI regions of ${root} to ${storeDir} (attempt ${state.attempts}): ${state.error}; kept in memory, retrying`);
    if (this.reportedWriteFailures.has(storeDir)) return;
    this.reportedWriteFailures.add(storeDir);
    void vscode.window.showWarningMessage(
      `AI Provenance could not save the AI regions of ${repositoryName(root)} (${state.error}). They are kept in memory and saved as soon as ${storeDir} accepts writes again.`,
    );
  }

  private reportProblems(store: RegionStore): void {
    for (const problem of store.problems) {
      if (this.reportedProblems.has(problem)) continue;
      this.reportedProblems.add(problem);
      this.log.warn(problem);
      void vscode.window.showWarningMessage(`AI Provenance: ${problem}`);
    }
  }
}

/** The live text of an open document, so stored positions match what the user sees. */
function openDocumentText(root: string, path: string): string | undefined {
  const absolute = join(root, ...path.split('/'));
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'file' && candidate.uri.fsPath === absolute);
  return document?.getText();
}
