// The trailer preview in the Source Control commit box, top to bottom:
// CommitPreview follows the git extension's repositories and routes events to
// one RepositoryPreview each, which computes what the hook would write
// (stagedProvenance, skipped while git merges or replays) and writes it into
// the box with messageWithPreview's rules once the user is not typing there
// (InputBoxActivity).
import * as vscode from 'vscode';
import { operationInProgress } from '../../core/git';
import {
  applyTrailers,
  type BlastRadiusProvider,
  type CommitProvenance,
  computeCommitProvenance,
  hasContent,
  isEmptyButOurTrailers,
  isOurTrailerKey,
  readProvenanceSettings,
  readTrailers,
  type Trailer,
} from '../../core/provenance';
import { isKnown } from '../../core/views';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import { describeError, type Log } from '../log';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { commitSettings, PREVIEW_SETTING } from './commitSettings';
import type { GitApi, GitInputBox, GitRepository } from './git';
import { type CommitHooks, writesTrailers } from './hooks';

/**
 * The trailer preview in the commit box of every repository the git
 * extension has open, while the workspace is trusted. Routes the events
 * that may change a preview to the repository's RepositoryPreview.
 */
export class CommitPreview implements vscode.Disposable {
  /** By the registry's root (what region changes name). */
  private readonly previews = new Map<string, RepositoryPreview>();
  /** The git extension's root -> the registry's (they differ only through symbolic links). */
  private readonly rootOfGitRoot = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];
  private disposed = false;

  constructor(
    private readonly git: GitApi,
    private readonly registry: RepositoryRegistry,
    private readonly hooks: CommitHooks,
    private readonly blastRadius: BlastRadiusSource,
    private readonly log: Log,
    private readonly timing?: PreviewTiming,
  ) {
    this.subscriptions = [
      git.onDidOpenRepository((repository) => void this.open(repository)),
      git.onDidCloseRepository((repository) => this.close(repository.rootUri.fsPath)),
      registry.onDidChangeRegions((change) => this.previews.get(change.repository.root)?.regionsChanged()),
      blastRadius.onDidChange(() => this.each((preview) => preview.blastRadiusChanged())),
      hooks.onDidChange((root) => this.previews.get(root)?.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(PREVIEW_SETTING)) this.each((preview) => preview.schedule());
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.openAll()),
    ];
    this.openAll();
  }

  /** The preview of the repository at `root` (either root spelling). */
  stateOf(root: string): PreviewState | undefined {
    return this.previewOf(root)?.current;
  }

  async settled(root: string): Promise<void> {
    await this.previewOf(root)?.settled();
  }

  dispose(): void {
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.each((preview) => preview.dispose());
    this.previews.clear();
  }

  private previewOf(root: string): RepositoryPreview | undefined {
    return this.previews.get(root) ?? this.previews.get(this.rootOfGitRoot.get(root) ?? '');
  }

  private openAll(): void {
    for (const repository of this.git.repositories) void this.open(repository);
  }

  private async open(git: GitRepository): Promise<void> {
    // Untrusted: git never runs; onDidGrantWorkspaceTrust opens them later.
    if (!vscode.workspace.isTrusted || git.rootUri.scheme !== 'file') return;
    const gitRoot = git.rootUri.fsPath;
    if (this.rootOfGitRoot.has(gitRoot)) return;
    this.rootOfGitRoot.set(gitRoot, gitRoot); // claimed while the region store opens
    try {
      const repository = await this.registry.resolveRoot(gitRoot);
      if (this.disposed || this.rootOfGitRoot.get(gitRoot) !== gitRoot) return; // closed meanwhile
      if (!repository?.inGit || this.previews.has(repository.root)) {
        this.rootOfGitRoot.delete(gitRoot);
        return;
      }
      this.rootOfGitRoot.set(gitRoot, repository.root);
      this.previews.set(repository.root, new RepositoryPreview(git, repository, this.hooks, this.blastRadius, this.log, this.timing));
    } catch (error) {
      this.rootOfGitRoot.delete(gitRoot);
      this.log.warn(`No trailer preview for ${gitRoot}: ${describeError(error)}`);
    }
  }

  private close(gitRoot: string): void {
    const root = this.rootOfGitRoot.get(gitRoot);
    this.rootOfGitRoot.delete(gitRoot);
    if (root === undefined) return;
    this.previews.get(root)?.dispose();
    this.previews.delete(root);
  }

  private each(action: (preview: RepositoryPreview) => void): void {
    for (const preview of this.previews.values()) action(preview);
  }
}

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

export interface StagedProvenance {
  readonly provenance: CommitProvenance;
  /** core.commentChar of the repository. */
  readonly commentChar: string;
}

/**
 * What the hook would write for the staged changes now, from the regions
 * the editor holds. The load-bearing classes are the project's, as in the
 * hook (the user's own `aiProvenance.loadBearing` setting is editor-only).
 */
export async function stagedProvenance(repository: RepositoryContext, blastRadius: BlastRadiusSource): Promise<StagedProvenance> {
  const settings = await readProvenanceSettings(repository.root);
  const provenance = await computeCommitProvenance(repository.root, repository.store, {
    settings,
    blastRadius: blastRadiusProvider(blastRadius, repository),
  });
  return { provenance, commentChar: settings.commentChar };
}

/**
 * The views' blast radius (the live workspace index) as the core wants it.
 * Only known answers count: while the index is still building the trailer
 * is left out (never guessed). The hook keeps a previewed AI-Blast-Radius
 * when it computes the same AI-Lines and AI-Reviewed (keepIndexedTrailers).
 */
function blastRadiusProvider(source: BlastRadiusSource, repository: RepositoryContext): BlastRadiusProvider {
  return (target) => {
    const lookup = source.blastRadiusOf(repository, target.path, target.startLine - 1, target.endLine - 1);
    return isKnown(lookup) ? { files: lookup.files, loadBearing: lookup.loadBearing.length } : undefined;
  };
}

/**
 * During a merge, rebase, cherry-pick or revert the commit box holds git's
 * own message (with the replayed commit's trailers) and the hooks leave it
 * untouched: so does the preview (the same list as the hooks, core/git/operations).
 */
export class ReplayInProgress {
  constructor(private readonly repository: RepositoryContext) {}

  async check(): Promise<boolean> {
    const dir = await this.repository.gitDir();
    return dir !== undefined && operationInProgress(dir);
  }
}

/**
 * The commit box's text with our AI-* trailer block brought up to date, or
 * undefined when it should stay as it is. Pure: the rules of the preview.
 *
 * - What the user typed is kept: only our trailers are replaced (other
 *   trailers such as Signed-off-by stay, ours follow them). A box without
 *   our trailers and nothing to add is not touched at all.
 * - A box without a message gets no block: the Source Control view would
 *   commit the trailers as the whole message, or stop asking for one.
 * - A box left with nothing but our block (the user deleted the message) is
 *   emptied, for the same reason.
 * - No AI lines staged: our block goes.
 */
export function messageWithPreview(current: string, trailers: readonly Trailer[], commentChar: string): string | undefined {
  const comment = usableCommentChar(commentChar);
  if (trailers.length === 0 && !showsOurTrailers(current, comment)) return undefined;
  let next: string;
  if (isEmptyButOurTrailers(current, comment)) next = '';
  else if (!hasContent(current, comment)) next = current;
  else next = applyTrailers(current, trailers, { commentChar: comment });
  return next === current ? undefined : next;
}

/** Whether the text carries any of our trailers (then the preview must keep watching it). */
export function showsOurTrailers(message: string, commentChar: string): boolean {
  const comment = usableCommentChar(commentChar);
  return isEmptyButOurTrailers(message, comment) || readTrailers(message, comment).some((trailer) => isOurTrailerKey(trailer.key));
}

/** core.commentChar=auto picks a character per message in git; '#' is what the box shows. */
function usableCommentChar(commentChar: string): string {
  return commentChar === 'auto' || commentChar === '' ? '#' : commentChar;
}

/**
 * Whether the user is typing in a commit box. The git API has no event for
 * its changes, so its value is sampled: a value that differs from the last
 * sample counts as typed just now, and so does a long gap between samples
 * (nobody watched, or the extension host was blocked and the user's
 * keystrokes may still be queued behind the timer that samples now). Our
 * own writes do not count.
 */
export class InputBoxActivity {
  private last: string;
  private changedAt: number;
  private sampledAt: number;

  constructor(
    private readonly box: GitInputBox,
    /** Samples further apart than this are a gap in what was seen. */
    private readonly maxGapMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.last = box.value;
    this.changedAt = this.sampledAt = now();
  }

  /** The box's value now. */
  sample(): string {
    const value = this.box.value;
    const now = this.now();
    if (value !== this.last || now - this.sampledAt > this.maxGapMs) this.changedAt = now;
    this.last = value;
    this.sampledAt = now;
    return value;
  }

  /** True when the value did not change for `ms`, as far as the samples tell. */
  quietFor(ms: number): boolean {
    this.sample();
    return this.now() - this.changedAt >= ms;
  }

  write(value: string): void {
    this.box.value = value;
    this.last = value;
  }
}
