import * as vscode from 'vscode';
import type { Trailer } from '../../core/provenance';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import { describeError, type Log } from '../log';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { CommitHooks } from './commitHooks';
import { commitSettings } from './commitSettings';
import type { GitRepository } from './git';
import { writesTrailers } from './hooksHealth';
import { InputBoxActivity } from './inputBoxActivity';
import { messageWithPreview, showsOurTrailers } from './messageWithPreview';
import { ReplayInProgress } from './replayInProgress';
import { stagedProvenance } from './stagedProvenance';

export interface PreviewTiming {
  /** Staged changes and regions settle this long before the trailers are computed. */
  readonly debounceMs: number;
  /** The box is only written once its text has not changed for this long (the user is not typing). */
  readonly quietMs: number;
  /** How often the box is sampled while a block is shown or waiting for a message (a write needs quietMs of samples). */
  readonly pollMs: number;
}

export const DEFAULT_PREVIEW_TIMING: PreviewTiming = { debounceMs: 400, quietMs: 1500, pollMs: 250 };

/** What the preview shows for a repository (for the extension's API). */
export interface PreviewState {
  /** The trailers of the staged changes, as last computed; empty when none are shown. */
  readonly trailers: readonly Trailer[];
  /** Why nothing is shown, when nothing is. */
  readonly idle?: 'disabled' | 'no-hooks' | 'nothing-staged' | 'replay' | 'error';
  readonly computedAt: number;
}

/**
 * The preview of one repository's trailers in its Source Control commit
 * box: recomputed (debounced) when the staged changes, the regions, the
 * blast radius or the hooks change, and written into the box with
 * messageWithPreview's rules once the user is not typing there.
 */
export class RepositoryPreview implements vscode.Disposable {
  private state: PreviewState | undefined;
  private commentChar = '#';
  private readonly box: InputBoxActivity;
  private readonly replay: ReplayInProgress;
  private readonly subscriptions: vscode.Disposable[];
  private debounceTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private runAgain = false;
  private disposed = false;

  constructor(
    private readonly git: GitRepository,
    private readonly repository: RepositoryContext,
    private readonly hooks: CommitHooks,
    private readonly blastRadius: BlastRadiusSource,
    private readonly log: Log,
    private readonly timing: PreviewTiming = DEFAULT_PREVIEW_TIMING,
  ) {
    this.box = new InputBoxActivity(git.inputBox, timing.pollMs * 4);
    this.replay = new ReplayInProgress(repository);
    this.subscriptions = [git.state.onDidChange(() => this.stagedMayHaveChanged())];
    this.schedule();
  }

  get current(): PreviewState | undefined {
    return this.state;
  }

  /** Staged files or HEAD may have changed (the git extension ran `git status`). */
  stagedMayHaveChanged(): void {
    if (this.git.state.indexChanges.length > 0 || this.showing()) this.schedule();
  }

  /** Regions changed: they only matter to staged files. */
  regionsChanged(): void {
    if (this.git.state.indexChanges.length > 0) this.schedule();
  }

  /** New blast-radius answers only change a block that is shown. */
  blastRadiusChanged(): void {
    if (this.showing()) this.schedule();
  }

  /** Settings or hooks changed: recompute whatever is shown. */
  schedule(): void {
    if (this.disposed) return;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      void this.refresh();
    }, this.timing.debounceMs);
  }

  /** Resolves once no computation is pending (tests). */
  async settled(): Promise<void> {
    while (this.debounceTimer || this.running) await (this.running ?? new Promise((resolve) => setTimeout(resolve, this.timing.debounceMs)));
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.stopPolling();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private showing(): boolean {
    return (this.state?.trailers.length ?? 0) > 0 || showsOurTrailers(this.git.inputBox.value, this.commentChar);
  }

  /** One computation at a time; a request meanwhile runs once more after it. */
  private refresh(): Promise<void> {
    if (this.running) {
      this.runAgain = true;
      return this.running;
    }
    this.running = this.compute()
      .then((state) => {
        if (this.disposed) return;
        this.state = state;
        this.reconcile();
      })
      .finally(() => {
        this.running = undefined;
        if (this.runAgain && !this.disposed) {
          this.runAgain = false;
          void this.refresh();
        }
      });
    return this.running;
  }

  private async compute(): Promise<PreviewState> {
    const idle = (reason: NonNullable<PreviewState['idle']>): PreviewState => ({ trailers: [], idle: reason, computedAt: Date.now() });
    if (!commitSettings.previewTrailers || !vscode.workspace.isTrusted) return idle('disabled');
    if (await this.replay.check()) return idle('replay');
    if (this.git.state.indexChanges.length === 0) return idle('nothing-staged');
    try {
      // Without our prepare-commit-msg nothing would replace the block at commit time: it would go in as it is, however stale.
      if (!writesTrailers(await this.hooks.status(this.repository.root))) return idle('no-hooks');
      const { provenance, commentChar } = await stagedProvenance(this.repository, this.blastRadius);
      this.commentChar = commentChar;
      return { trailers: provenance.trailers, computedAt: Date.now() };
    } catch (error) {
      this.log.warn(`Could not preview the trailers of ${this.repository.root}: ${describeError(error)}`);
      return idle('error');
    }
  }

  /** Brings the box in line with the trailers, unless the user is typing there; then tries again shortly. */
  private reconcile(): void {
    if (this.disposed) return;
    if (this.state?.idle === 'replay') return this.stopPolling();
    const value = this.box.sample();
    const next = messageWithPreview(value, this.state?.trailers ?? [], this.commentChar);
    if (next !== undefined && this.box.quietFor(this.timing.quietMs)) this.box.write(next);
    // Keep watching while a block is shown or waiting for a message to join: the box has no change event.
    if (this.showing()) this.startPolling();
    else this.stopPolling();
  }

  private startPolling(): void {
    this.pollTimer ??= setInterval(() => this.reconcile(), this.timing.pollMs);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }
}

