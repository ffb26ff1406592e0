// The commit hooks as the editor sees them, top to bottom: CommitHooks reads
// their status (cached) and installs or removes them through the core;
// hooksHealth says what a status means for the extension; HookActions does it
// on the user's behalf with a message; HooksUpkeep looks at each repository's
// hooks once per session (refresh, report, or offer them); the context key
// lets the Source Control menu offer Install or Remove.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import * as vscode from 'vscode';
import type { HookFailure } from '../../core/git';
import { plural } from '../../core/text';
import {
  HookInstallError,
  hooksStatus,
  type HooksStatus,
  type HookState,
  installHooks,
  type InstallResult,
  uninstallHooks,
  type UninstallResult,
} from '../../core/provenance';
import { describeError, type Log } from '../log';
import { type RepositoryContext, repositoryName } from '../repositories/repositoryContext';
import type { RegionsChange, RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { HookOffer, OfferMemory } from './hookOffer';

/** How long a hooks status is trusted before it is read again (a terminal may install or remove hooks meanwhile). */
const STATUS_MAX_AGE_MS = 10_000;

/**
 * The commit hooks of repositories, installed from the CLI bundle shipped
 * with the extension. The hooks run a copy of that bundle with `node` from
 * PATH, else with the binary given here: the editor's own executable, which
 * the hooks run with ELECTRON_RUN_AS_NODE=1 so that it behaves as node.
 */
export class CommitHooks implements vscode.Disposable {
  private readonly statuses = new Map<string, { readonly at: number; readonly status: Promise<HooksStatus> }>();
  private readonly changeEmitter = new vscode.EventEmitter<string>();
  private readonly statusEmitter = new vscode.EventEmitter<{ readonly root: string; readonly status: HooksStatus }>();
  /** Fires with a repository root after its hooks were installed, refreshed or removed from here. */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires with every status read from disk. */
  readonly onDidReadStatus = this.statusEmitter.event;

  constructor(
    /** dist/cli.js of this extension. */
    readonly cliPath: string,
    private readonly editorBinary: string = process.execPath,
  ) {}

  /** The hooks' status, compared with this extension's CLI; cached for a few seconds. */
  status(root: string, options: { readonly fresh?: boolean } = {}): Promise<HooksStatus> {
    const cached = this.statuses.get(root);
    if (cached && !options.fresh && Date.now() - cached.at < STATUS_MAX_AGE_MS) return cached.status;
    const status = hooksStatus(root, { cliPath: this.cliPath });
    this.statuses.set(root, { at: Date.now(), status });
    status.then(
      (read) => this.statusEmitter.fire({ root, status: read }),
      () => this.statuses.delete(root),
    );
    return status;
  }

  async install(root: string): Promise<InstallResult> {
    try {
      return await installHooks(root, { cliPath: this.cliPath, nodePath: await this.nodeFor(root) });
    } finally {
      this.changed(root);
    }
  }

  async uninstall(root: string): Promise<UninstallResult> {
    try {
      return await uninstallHooks(root);
    } finally {
      this.changed(root);
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.statusEmitter.dispose();
  }

  /**
   * Keeps the node binary recorded by an earlier installation (it may be a
   * real node given to `hook install --node`) while it still exists.
   */
  private async nodeFor(root: string): Promise<string> {
    const recorded = await this.status(root).then(
      (status) => status.nodeFallback,
      () => undefined,
    );
    return recorded && existsSync(recorded) ? recorded : this.editorBinary;
  }

  private changed(root: string): void {
    this.statuses.delete(root);
    this.changeEmitter.fire(root);
    // Read again now, so that onDidReadStatus listeners (the menus' context key) follow.
    this.status(root).catch(() => undefined);
  }
}

/**
 * What the extension does about a repository's hooks:
 * - absent: never installed (or uninstalled): offer to install;
 * - current: nothing;
 * - stale: ours, but written by another version, partly missing or with an
 *   old CLI copy (after an extension update): refreshed silently;
 * - attention: ours were edited, or another tool replaced them (Husky
 *   regenerating .husky/_): left alone and reported.
 */
export type HooksHealth =
  | { readonly kind: 'absent' }
  | { readonly kind: 'current' }
  | { readonly kind: 'stale'; readonly reasons: readonly string[] }
  | { readonly kind: 'attention'; readonly problems: readonly string[] };

const OUR_WRAPPER: ReadonlySet<HookState> = new Set(['installed', 'outdated', 'changed']);

export function hooksHealth(status: HooksStatus): HooksHealth {
  if (status.installed) return { kind: 'current' };
  const installedBefore = status.nodeFallback !== undefined; // the install manifest exists
  const wrappers = status.hooks.filter((hook) => OUR_WRAPPER.has(hook.state));
  if (wrappers.length === 0 && !installedBefore) return { kind: 'absent' };

  const problems = status.hooks.flatMap((hook) => {
    if (hook.state === 'changed') return [`${hook.name} was edited since it was installed`];
    if (hook.state === 'foreign')
      return [`${hook.name} was replaced by another hook${status.husky ? ' (Husky regenerates .husky/_ on npm install)' : ''}`];
    return [];
  });
  if (problems.length > 0) return { kind: 'attention', problems };

  const reasons = [
    ...status.hooks.filter((hook) => hook.state === 'outdated').map((hook) => `${hook.name} was written by another version`),
    ...status.hooks.filter((hook) => hook.state === 'missing').map((hook) => `${hook.name} is missing`),
    ...(!status.cliCopy.present
      ? ["the hooks' copy of the CLI is missing"]
      : status.cliCopy.current === false
        ? ["the hooks' copy of the CLI differs from this extension's"]
        : []),
    ...(status.nodeFallbackPresent === false ? [`the node the hooks fall back to (${status.nodeFallback}) no longer exists`] : []),
  ];
  return { kind: 'stale', reasons };
}

/** Whether prepare-commit-msg is our wrapper, i.e. the next commit gets its trailers rewritten by us. */
export function writesTrailers(status: HooksStatus): boolean {
  const hook = status.hooks.find((candidate) => candidate.name === 'prepare-commit-msg');
  return hook !== undefined && OUR_WRAPPER.has(hook.state) && status.cliCopy.present;
}

/**
 * Installing and removing the hooks on the user's behalf, with a message
 * saying what happened. Both are remembered as the repository's answer, so
 * that it is not offered the hooks again.
 */
export class HookActions {
  constructor(
    private readonly hooks: CommitHooks,
    private readonly memory: OfferMemory,
    private readonly log: Log,
  ) {}

  async install(root: string): Promise<InstallResult | undefined> {
    try {
      const result = await this.hooks.install(root);
      await this.memory.remember(root, 'install');
      this.log.info(`Installed the commit hooks of ${root} in ${result.hooksDir}`);
      void vscode.window.showInformationMessage(installedMessage(root, result));
      return result;
    } catch (error) {
      this.failed('install the commit hooks of', root, error);
      return undefined;
    }
  }

  async uninstall(root: string): Promise<UninstallResult | undefined> {
    try {
      const result = await this.hooks.uninstall(root);
      await this.memory.remember(root, 'uninstalled');
      this.log.info(`Removed the commit hooks of ${root} from ${result.hooksDir}`);
      void vscode.window.showInformationMessage(uninstalledMessage(root, result));
      return result;
    } catch (error) {
      this.failed('remove the commit hooks of', root, error);
      return undefined;
    }
  }

  /** Refreshes hooks that are ours but stale (an extension update), without a word unless it fails. */
  async refresh(root: string, reasons: readonly string[]): Promise<void> {
    try {
      await this.hooks.install(root);
      this.log.info(`Refreshed the commit hooks of ${root}: ${reasons.join('; ')}`);
    } catch (error) {
      this.log.warn(`Could not refresh the commit hooks of ${root} (${reasons.join('; ')}): ${describeError(error)}`);
    }
  }

  private failed(what: string, root: string, error: unknown): void {
    // HookInstallError explains a refusal (shared or tracked hooks); anything else is unexpected.
    const reason = error instanceof HookInstallError ? error.message : `unexpected error: ${describeError(error)}`;
    this.log.error(`Could not ${what} ${root}: ${reason}`);
    void vscode.window.showErrorMessage(`AI Provenance could not ${what} ${repositoryName(root)}: ${reason}`);
  }
}

function installedMessage(root: string, result: InstallResult): string {
  const chained = result.hooks.filter((hook) => hook.chained).map((hook) => hook.name);
  return [
    `AI Provenance: commit hooks installed in ${displayDir(root, result.hooksDir)} of ${repositoryName(root)}.`,
    'Commits now get AI-* trailers and a note in refs/notes/ai-provenance.',
    ...(chained.length > 0 ? [`Your ${chained.join(', ')} ${chained.length === 1 ? 'hook runs' : 'hooks run'} first, as before.`] : []),
    ...result.warnings.map((warning) => `Note: ${warning}`),
  ].join(' ');
}

function uninstalledMessage(root: string, result: UninstallResult): string {
  return [
    `AI Provenance: commit hooks removed from ${repositoryName(root)}.`,
    ...(result.restored.length > 0 ? ['The hooks that were there before are back.'] : []),
    ...result.left.map((left) => `Left alone: ${displayDir(root, left.path)} (${left.reason}).`),
  ].join(' ');
}

/** Paths inside the repository are shown relative to it (.git/hooks). */
function displayDir(root: string, path: string): string {
  const inside = relative(root, path);
  return inside && !inside.startsWith('..') ? inside : path;
}

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
  /** Repositories whose hook failures were reported in this session (tests). */
  readonly failuresReported: string[] = [];

  constructor(
    registry: RepositoryRegistry,
    private readonly hooks: CommitHooks,
    private readonly actions: HookActions,
    private readonly offer: HookOffer,
    private readonly log: Log,
    /** Remembers, per repository, the newest hook failure already reported (so each is shown once). */
    private readonly memory: vscode.Memento,
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
      const status = await this.hooks.status(root, { fresh: true });
      this.reportFailures(root, status.failures);
      health = hooksHealth(status);
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
      .showWarningMessage(
        `AI Provenance's commit hooks in ${name} were changed: ${problems.join('; ')}. Commits may miss their AI provenance.`,
        REINSTALL,
      )
      .then((choice) => {
        if (choice === REINSTALL) void this.actions.install(root);
      });
  }

  /**
   * Commits the hooks could not record (no node, the CLI copy gone, the CLI
   * failing) are otherwise silent: each new one is logged, and shown once.
   */
  private reportFailures(root: string, failures: readonly HookFailure[]): void {
    const key = `aiProvenance.hookFailuresSeen:${root}`;
    const seen = this.memory.get<number>(key, 0);
    const fresh = failures.filter((failure) => failure.at > seen);
    if (fresh.length === 0) return;
    for (const failure of fresh) {
      this.log.warn(
        `Commit hook ${failure.hook} in ${root} could not record provenance at ${new Date(failure.at).toISOString()}${failure.commit ? ` (commit ${failure.commit.slice(0, 10)})` : ''}: ${failure.detail}`,
      );
    }
    void this.memory.update(key, Math.max(...fresh.map((failure) => failure.at)));
    this.failuresReported.push(root);
    const commits = new Set(fresh.map((failure) => failure.commit).filter(Boolean)).size;
    const latest = fresh[fresh.length - 1]!;
    void vscode.window
      .showWarningMessage(
        `AI Provenance's commit hooks in ${repositoryName(root)} could not record provenance ${commits > 0 ? `for ${plural(commits, 'commit')}` : plural(fresh.length, 'time')}: ${latest.detail}. ` +
          'Those commits have no note; `ai-provenance notes write <commit>` writes one.',
        REINSTALL,
      )
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

/** Context key: URIs (as strings) of the repository roots whose commits our hooks write. */
export const ROOTS_WITH_HOOKS_KEY = 'aiProvenance.commit.rootsWithHooks';

/**
 * Keeps ROOTS_WITH_HOOKS_KEY up to date from every hooks status read, so the
 * Source Control title menu offers "Install" or "Remove" per repository
 * (`scmProviderRootUri in aiProvenance.commit.rootsWithHooks`).
 */
export function trackRootsWithHooks(hooks: CommitHooks): vscode.Disposable {
  const roots = new Set<string>();
  return hooks.onDidReadStatus(({ root, status }) => {
    const key = vscode.Uri.file(root).toString();
    const had = roots.has(key);
    if (writesTrailers(status)) roots.add(key);
    else roots.delete(key);
    if (had !== roots.has(key)) void vscode.commands.executeCommand('setContext', ROOTS_WITH_HOOKS_KEY, [...roots]);
  });
}
