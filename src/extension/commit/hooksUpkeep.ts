import * as vscode from 'vscode';
import { describeError, type Log } from '../log';
import { repositoryName, type RepositoryContext } from '../repositories/repositoryContext';
import type { RegionsChange, RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { CommitHooks } from './commitHooks';
import type { HookActions } from './hookActions';
import type { HookOffer } from './hookOffer';
import { hooksHealth } from './hooksHealth';

const REINSTALL = 'Reinstall Hooks';

/**
 * Looks at the hooks of each git repository once per session, when the
 * registry opens it in a trusted workspace: stale hooks of ours are
 * refreshed silently (an extension update leaves an old CLI copy behind),
 * edited or replaced ones are reported, and a repository without hooks is
 * offered them as soon as it has AI regions: there is nothing to record
 * before, and most repositories never get any.
 */
export class HooksUpkeep implements vscode.Disposable {
  private readonly checked = new Set<string>();
  private readonly waitingForRegions = new Map<string, RepositoryContext>();
  private readonly pending = new Set<Promise<void>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    registry: RepositoryRegistry,
    private readonly hooks: CommitHooks,
    private readonly actions: HookActions,
    private readonly offer: HookOffer,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      registry.onDidOpenRepository((repository) => this.track(this.check(repository))),
      registry.onDidChangeRegions((change) => this.regionsChanged(change)),
    ];
    for (const repository of registry.all()) this.track(this.check(repository));
  }

  /** Resolves once the checks started so far are done (tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async check(repository: RepositoryContext): Promise<void> {
    const { root } = repository;
    if (!repository.inGit || !vscode.workspace.isTrusted || this.checked.has(root)) return;
    this.checked.add(root);
    let health;
    try {
      health = hooksHealth(await this.hooks.status(root, { fresh: true }));
    } catch (error) {
      this.log.warn(`Could not read the commit hooks of ${root}: ${describeError(error)}`);
      return;
    }
    switch (health.kind) {
      case 'current':
        return;
      case 'stale':
        return this.actions.refresh(root, health.reasons);
      case 'attention':
        return this.report(root, health.problems);
      case 'absent':
        if (repository.store.files().length > 0) return this.offer.offer(root);
        this.waitingForRegions.set(root, repository);
    }
  }

  private regionsChanged(change: RegionsChange): void {
    const repository = this.waitingForRegions.get(change.repository.root);
    if (!repository || !change.paths.some((path) => repository.store.hasRegions(path))) return;
    this.waitingForRegions.delete(repository.root);
    this.track(this.offerIfStillAbsent(repository.root));
  }

  /** The hooks may have been installed from a terminal since the repository was opened. */
  private async offerIfStillAbsent(root: string): Promise<void> {
    const health = hooksHealth(await this.hooks.status(root, { fresh: true }));
    if (health.kind === 'absent') await this.offer.offer(root);
  }

  private report(root: string, problems: readonly string[]): void {
    this.log.warn(`The commit hooks of ${root} need attention: ${problems.join('; ')}`);
    const name = repositoryName(root);
    void vscode.window
      .showWarningMessage(`AI Provenance's commit hooks in ${name} were changed: ${problems.join('; ')}. Commits may miss their AI provenance.`, REINSTALL)
      .then((choice) => {
        if (choice === REINSTALL) void this.actions.install(root);
      });
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error) => this.log.error(`Commit hooks check failed: ${describeError(error)}`));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
