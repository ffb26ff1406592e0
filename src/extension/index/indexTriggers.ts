import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { PROJECT_CONFIG_FILE, USER_SETTING } from '../../core/config';
import { languageOf, RESOLUTION_CONFIG_NAMES } from '../../core/index';
import { CODEOWNERS_LOCATIONS } from '../../core/loadBearing';
import type { Log } from '../log';
import type { BranchWatcher } from '../repositories/branchWatcher';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { ENABLED_SETTING, RESTART_SETTINGS, readIndexSettings } from './indexSettings';
import type { FileChange } from './protocol';
import type { WorkspaceIndexService } from './workspaceIndexService';

/**
 * What starts the indexes and what feeds them. An index starts for a
 * repository with AI regions or a visible editor. Saves, files written on
 * disk (agents, generators, git) and config files reach it as file events;
 * a branch switch lists the repository again. Typing never does.
 */
export function registerIndexTriggers(
  service: WorkspaceIndexService,
  registry: RepositoryRegistry,
  branches: BranchWatcher,
  log: Log,
): vscode.Disposable[] {
  const watchers = new Map<string, vscode.Disposable>();
  const startIfUseful = (repository: RepositoryContext) => {
    if (repository.store.files().length > 0 || visibleRepositories(registry).has(repository)) service.ensureStarted(repository);
  };
  const startAll = () => {
    for (const repository of registry.all()) startIfUseful(repository);
  };
  const disposables: vscode.Disposable[] = [
    service.onDidCreateIndex((index) => {
      if (!watchers.has(index.root)) watchers.set(index.root, watchRepository(index.root, service));
    }),
    registry.onDidOpenRepository(startIfUseful),
    // Fires on every keystroke in a file with regions: only look at the paths that changed.
    registry.onDidChangeRegions(({ repository, paths }) => {
      if (paths.some((path) => repository.store.hasRegions(path))) service.ensureStarted(repository);
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => {
      for (const repository of visibleRepositories(registry)) service.ensureStarted(repository);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.uri.scheme === 'file') service.filesChanged([{ path: document.uri.fsPath, kind: 'changed' }]);
    }),
    branches.onDidSwitch((repository) => service.refresh(repository.root, 'branch switch')),
    // Indexes opened untrusted list files without git; once trusted, git's listing is the better one.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      service.restartAll();
      startAll();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(ENABLED_SETTING)) {
        service.setEnabled(readIndexSettings().enabled);
        startAll();
      } else if (RESTART_SETTINGS.some((key) => event.affectsConfiguration(key))) {
        log.info('Index settings changed: the indexes start again (unchanged files come from the cache).');
        service.restartAll();
        startAll();
      }
      if (event.affectsConfiguration(USER_SETTING)) service.classesChanged();
    }),
    { dispose: () => watchers.forEach((watcher) => watcher.dispose()) },
  ];
  startAll();
  return disposables;
}

function visibleRepositories(registry: RepositoryRegistry): Set<RepositoryContext> {
  const repositories = new Set<RepositoryContext>();
  for (const editor of vscode.window.visibleTextEditors) {
    const repository = registry.lookup(editor.document.uri);
    if (repository) repositories.add(repository);
  }
  return repositories;
}

/** Files whose change re-reads the load-bearing classes, absolute. */
function classConfigFiles(root: string): Set<string> {
  return new Set([PROJECT_CONFIG_FILE, ...CODEOWNERS_LOCATIONS].map((path) => join(root, ...path.split('/'))));
}

/**
 * One recursive watcher per indexed repository. Events are routed through
 * the service, so a watcher outlives the index it was made for (settings
 * changes replace indexes, not watchers).
 */
function watchRepository(root: string, service: WorkspaceIndexService): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*'));
  const classFiles = classConfigFiles(root);
  const forward = (kind: FileChange['kind']) => (uri: vscode.Uri) => {
    if (uri.scheme !== 'file' || /[\\/]\.git(?:[\\/]|$)/.test(uri.fsPath)) return;
    if (classFiles.has(uri.fsPath)) service.classesChanged(root);
    else if (mayMatter(basename(uri.fsPath))) service.filesChanged([{ path: uri.fsPath, kind }]);
  };
  const subscriptions = [
    watcher,
    watcher.onDidCreate(forward('created')),
    watcher.onDidChange(forward('changed')),
    watcher.onDidDelete(forward('deleted')),
  ];
  return { dispose: () => subscriptions.forEach((subscription) => subscription.dispose()) };
}

/** A cheap first filter (the index thread decides): sources, resolution configs, .gitignore, and names that may be folders. */
function mayMatter(name: string): boolean {
  return languageOf(name) !== undefined || RESOLUTION_CONFIG_NAMES.has(name) || name === '.gitignore' || !name.includes('.');
}
