import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { DiskCapture, GitActivity, type KnownContents } from '../../core/capture';
import { describeError, type Log } from '../log';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { CaptureSettings } from './captureSettings';

/** Changes are judged this long after the last one of a burst (an agent often writes several times). */
const BATCH_DELAY_MS = 400;
/** How long to wait for the editor to reload an open file the disk change touched. */
const RELOAD_WAIT_MS = 3_000;
/**
 * More files than this in one burst is a bulk tool (a generator, a package
 * manager, git), not an agent editing code: the burst is not judged, and
 * its files are compared with git's version next time.
 */
const MAX_BATCH_FILES = 500;

interface Batch {
  readonly paths: Set<string>;
  readonly since: number;
  timer?: NodeJS.Timeout;
}

/**
 * Watches the workspace folders for files written by other programs and
 * hands them, in batches per repository, to the core DiskCapture. Keeps
 * the last-known text of files the editor opens and saves, which is what
 * their next disk change is compared with.
 */
export class DiskWatcher implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly captures = new Map<string, Promise<DiskCapture>>();
  private readonly gitActivities: GitActivity[] = [];
  private readonly batches = new Map<RepositoryContext, Batch>();
  private disposed = false;

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly known: KnownContents,
    private readonly settings: CaptureSettings,
    private readonly log: Log,
  ) {
    const rememberSaved = (document: vscode.TextDocument) => {
      if (document.uri.scheme === 'file' && !document.isDirty) known.set(document.uri.fsPath, document.getText());
    };
    const rememberOpened = (document: vscode.TextDocument) => void this.rememberOpened(document);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, false, false);
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => this.onDiskChange(uri)),
      watcher.onDidCreate((uri) => this.onDiskChange(uri)),
      watcher.onDidDelete((uri) => known.delete(uri.fsPath)),
      vscode.workspace.onDidOpenTextDocument(rememberOpened),
      vscode.workspace.onDidSaveTextDocument(rememberSaved),
      // Repositories are opened for the documents the user opens: their git activity is watched from then on.
      registry.onDidOpenRepository((repository) => void this.captureFor(repository)),
    );
    for (const document of vscode.workspace.textDocuments) rememberOpened(document);
    for (const repository of registry.all()) void this.captureFor(repository);
    // Open the workspace folders' repositories now, so their git activity is watched before the first change.
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme === 'file') void registry.resolveRoot(folder.uri.fsPath);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const batch of this.batches.values()) clearTimeout(batch.timer);
    this.batches.clear();
    for (const activity of this.gitActivities) activity.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** What an opened file's next disk change is compared with (see DiskCapture.rememberOpened). */
  private async rememberOpened(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme !== 'file' || document.isDirty) return;
    const text = document.getText();
    try {
      const [repository, written] = await Promise.all([this.registry.resolve(document.uri), stat(document.uri.fsPath)]);
      const path = repository?.pathOf(document.uri);
      if (!repository || path === undefined || this.disposed || document.isDirty) return;
      await (await this.captureFor(repository)).rememberOpened(path, text, written.mtimeMs);
    } catch {
      // Gone or unreadable: nothing sure to remember; a change is compared with git's version.
    }
  }

  private onDiskChange(uri: vscode.Uri): void {
    if (!this.settings.diskWatcher || uri.scheme !== 'file' || /[\\/]\.git([\\/]|$)/.test(uri.fsPath)) return;
    const at = Date.now();
    void this.registry.resolve(uri).then((repository) => {
      const path = repository?.pathOf(uri);
      if (!repository || path === undefined || this.disposed) return;
      let batch = this.batches.get(repository);
      if (!batch) {
        batch = { paths: new Set(), since: at };
        this.batches.set(repository, batch);
      }
      batch.paths.add(path);
      clearTimeout(batch.timer);
      batch.timer = setTimeout(() => void this.judge(repository), BATCH_DELAY_MS);
    });
  }

  private async judge(repository: RepositoryContext): Promise<void> {
    const batch = this.batches.get(repository);
    if (!batch) return;
    const capture = await this.captureFor(repository);
    const activity = this.gitActivities.find((candidate) => candidate.root === repository.root);
    // git is still rewriting the work tree: look again once it is done.
    if (activity?.busy()) {
      batch.timer = setTimeout(() => void this.judge(repository), BATCH_DELAY_MS);
      return;
    }
    this.batches.delete(repository);
    if (batch.paths.size > MAX_BATCH_FILES) {
      this.log.info(`${batch.paths.size} files changed on disk at once in ${repository.root}: taken for a bulk tool, not captured`);
      for (const path of batch.paths) this.known.delete(repository.uriOf(path).fsPath);
      return;
    }
    try {
      const verdicts = await capture.judge([...batch.paths], batch.since);
      for (const [path, verdict] of verdicts) if (verdict === 'git') this.log.debug(`${path}: changed by git, not captured`);
    } catch (error) {
      this.log.warn(`Could not judge files changed on disk in ${repository.root}: ${describeError(error)}`);
    }
  }

  private captureFor(repository: RepositoryContext): Promise<DiskCapture> {
    let capture = this.captures.get(repository.root);
    if (!capture) {
      capture = this.createCapture(repository);
      this.captures.set(repository.root, capture);
    }
    return capture;
  }

  private async createCapture(repository: RepositoryContext): Promise<DiskCapture> {
    const gitDir = await repository.gitDir();
    const git = gitDir && !this.disposed ? new GitActivity(gitDir, repository.root).start() : undefined;
    if (git) this.gitActivities.push(git);
    return new DiskCapture({
      root: repository.root,
      store: repository.store,
      known: this.known,
      ...(git ? { git } : {}),
      openBuffer: (path) => {
        const document = openDocument(repository, path);
        return document ? { text: document.getText(), dirty: document.isDirty } : undefined;
      },
      waitForBuffer: (path, text) => waitForText(repository, path, text),
      log: (message) => this.log.info(message),
      afterGitWrite: async (path, text, removed) => {
        if (removed.length > 0) await repository.roundTrips.remember(path, removed);
        const restored = await repository.roundTrips.restore(path, text);
        if (restored > 0) {
          this.log.info(`${path}: ${restored} AI region(s) back after git wrote the file`);
          repository.store.scheduleSync();
        }
      },
    });
  }
}

function openDocument(repository: RepositoryContext, path: string): vscode.TextDocument | undefined {
  const uri = repository.uriOf(path).toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri);
}

/** Waits until the open document shows `text` (the editor reloads changed files by itself). */
async function waitForText(repository: RepositoryContext, path: string, text: string): Promise<boolean> {
  const deadline = Date.now() + RELOAD_WAIT_MS;
  while (Date.now() < deadline) {
    const document = openDocument(repository, path);
    if (!document || document.isDirty) return false;
    if (document.getText() === text) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
