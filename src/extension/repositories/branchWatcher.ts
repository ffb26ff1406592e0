import { watch, type FSWatcher } from 'node:fs';
import * as vscode from 'vscode';
import { describeError, type Log } from '../log';
import type { RepositoryContext } from './repositoryContext';
import type { RepositoryRegistry } from './repositoryRegistry';

/**
 * Fires when a repository's HEAD moves (checkout, switch, rebase): files
 * and their regions change wholesale, so the index lists the repository
 * again and the risk is recomputed even before every document has been
 * reloaded. HEAD is replaced by a rename on every move, which fs.watch
 * reports on the git directory. One watcher for the whole extension (see
 * extension.ts): each repository's git directory is watched once.
 */
export class BranchWatcher implements vscode.Disposable {
  private readonly watchers: FSWatcher[] = [];
  private readonly switchEmitter = new vscode.EventEmitter<RepositoryContext>();
  private readonly subscription: vscode.Disposable;
  private disposed = false;

  readonly onDidSwitch = this.switchEmitter.event;

  constructor(
    registry: RepositoryRegistry,
    private readonly log: Log,
  ) {
    this.subscription = registry.onDidOpenRepository((repository) => void this.watch(repository));
    for (const repository of registry.all()) void this.watch(repository);
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    for (const watcher of this.watchers) watcher.close();
    this.switchEmitter.dispose();
  }

  private async watch(repository: RepositoryContext): Promise<void> {
    try {
      // Outside git, or in an untrusted workspace (no git is run there), there is no HEAD to watch.
      const gitDir = await repository.gitDir();
      if (gitDir === undefined || this.disposed) return;
      const watcher = watch(gitDir, { persistent: false }, (_event, name) => {
        if (name === 'HEAD') this.switchEmitter.fire(repository);
      });
      watcher.on('error', (error) => this.log.warn(`Stopped watching the branch of ${repository.root}: ${describeError(error)}`));
      this.watchers.push(watcher);
    } catch (error) {
      this.log.warn(`Cannot watch the branch of ${repository.root}: ${describeError(error)}`);
    }
  }
}
