import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  commonGitDir,
  committedAiHunks,
  currentBranch,
  detectReviewBase,
  NoteCache,
  reviewState,
  ReviewInputError,
  type CommittedAiHunk,
  type ReviewBase,
  type ReviewFile,
  type ReviewState,
  type ShownHunk,
} from '../../core/review';
import type { LoadBearingService } from '../loadBearing/loadBearingService';
import { describeError, type Log } from '../log';
import type { BranchWatcher } from '../repositories/branchWatcher';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { affectsReview, reviewSettings } from './reviewSettings';

/** One repository's review: its base, and what the branch's commits wrote with AI. */
export interface RepositoryReview {
  readonly repository: RepositoryContext;
  readonly base?: ReviewBase;
  readonly state?: ReviewState;
  /** Why there is no state (no base branch, base not fetched, git failed). */
  readonly problem?: string;
}

/** The committed AI code the editor shows in one file. */
export interface FileReview {
  readonly review: RepositoryReview;
  readonly path: string;
  /** The branch's facts about the file (policy, reviewers, hunks); undefined when the branch wrote no AI code there. */
  readonly file?: ReviewFile;
  readonly hunks: readonly ShownHunk[];
}

/** Recomputing waits for edits and git operations to settle. */
const RECOMPUTE_DELAY_MS = 400;

/**
 * The reviewer's side, per repository: the base branch (detected, or
 * `aiProvenance.review.base`), and the AI lines that the commits not on it
 * wrote and that are still in the files (git blame + the provenance notes),
 * with their sign-off state (refs/notes/ai-provenance-signoffs) under the
 * policy. Recomputed when HEAD moves, notes or sign-offs change, the
 * configuration changes, or a file with committed AI code is edited
 * (blamed with the editor's text, so lines follow unsaved edits). Never runs
 * git in an untrusted workspace.
 */
export class ReviewService implements vscode.Disposable {
  private readonly reviews = new Map<string, RepositoryReview>();
  private readonly notes = new Map<string, NoteCache>();
  private readonly wholeFile = new Map<string, CommittedAiHunk[]>();
  private readonly wholeFileToggled = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watchers: FSWatcher[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly dirtyRoots = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private disposed = false;

  /** A repository's review or a file's whole-file authorship changed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly registry: RepositoryRegistry,
    loadBearing: LoadBearingService,
    branches: BranchWatcher,
    private readonly log: Log,
  ) {
    this.disposables.push(
      this.changeEmitter,
      registry.onDidOpenRepository((repository) => {
        void this.watchNotes(repository);
        this.recomputeSoon(repository.root);
      }),
      branches.onDidSwitch((repository) => this.recomputeSoon(repository.root)),
      loadBearing.onDidChange(() => this.recomputeSoon()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsReview(event)) this.recomputeSoon();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.recomputeSoon()),
      vscode.workspace.onDidSaveTextDocument((document) => this.documentChanged(document)),
      // Only files with committed AI code shown: the typing path elsewhere costs one map lookup.
      vscode.workspace.onDidChangeTextDocument((event) => this.documentChanged(event.document)),
      vscode.window.onDidChangeVisibleTextEditors(() => {
        if (this.wholeFileWanted()) this.recomputeSoon();
      }),
    );
    for (const repository of registry.all()) void this.watchNotes(repository);
    this.recomputeSoon();
  }

  reviewOf(repository: RepositoryContext): RepositoryReview | undefined {
    return this.reviews.get(repository.root);
  }

  all(): RepositoryReview[] {
    return [...this.reviews.values()];
  }

  /** The committed AI code to show in a document; undefined outside reviewed repositories. */
  fileReview(uri: vscode.Uri): FileReview | undefined {
    const repository = this.registry.lookup(uri);
    const path = repository?.pathOf(uri);
    const review = repository && this.reviews.get(repository.root);
    if (!review || path === undefined) return undefined;
    const file = review.state?.files.find((candidate) => candidate.path === path);
    const hunks: ShownHunk[] = (file?.hunks ?? []).map((hunk) => ({ kind: 'branch', hunk }));
    for (const hunk of this.wholeFile.get(uri.toString()) ?? []) hunks.push({ kind: 'base', hunk });
    return { review, path, ...(file ? { file } : {}), hunks };
  }

  /** Shows (or hides) the AI authorship of a whole file, the base's history included, like blame annotations. */
  toggleWholeFile(uri: vscode.Uri): boolean {
    const key = uri.toString();
    const on = !this.wholeFileToggled.delete(key);
    if (on) this.wholeFileToggled.add(key);
    this.recomputeSoon(this.registry.lookup(uri)?.root);
    return on;
  }

  wholeFileShown(uri: vscode.Uri): boolean {
    return reviewSettings.wholeFileAuthorship(uri) || this.wholeFileToggled.has(uri.toString());
  }

  /** Recompute now (after a sign-off, or on request) and resolve when done. */
  async refresh(root?: string): Promise<void> {
    for (const repository of this.registry.all()) if (!root || repository.root === root) this.dirtyRoots.add(repository.root);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.run();
  }

  /** Resolves once no recomputation is waiting or running (tests). */
  async settled(): Promise<void> {
    while (this.timer || this.running) {
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, 20)));
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private recomputeSoon(root?: string): void {
    for (const repository of this.registry.all()) if (!root || repository.root === root) this.dirtyRoots.add(repository.root);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, RECOMPUTE_DELAY_MS);
  }

  private documentChanged(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file') return;
    const repository = this.registry.lookup(document.uri);
    if (!repository) return;
    const path = repository.pathOf(document.uri);
    const shown = this.wholeFile.has(document.uri.toString()) || this.reviews.get(repository.root)?.state?.files.some((file) => file.path === path);
    if (shown) this.recomputeSoon(repository.root);
  }

  private async run(): Promise<void> {
    while (this.running) await this.running;
    if (this.dirtyRoots.size === 0 || this.disposed) return;
    const roots = [...this.dirtyRoots];
    this.dirtyRoots.clear();
    this.running = (async () => {
      for (const root of roots) {
        const repository = this.registry.all().find((candidate) => candidate.root === root);
        if (repository) await this.compute(repository);
      }
      this.changeEmitter.fire();
    })();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async compute(repository: RepositoryContext): Promise<void> {
    const scope = vscode.Uri.file(repository.root);
    // No git in untrusted workspaces (inGit is false there), nor when switched off.
    if (!repository.inGit || !vscode.workspace.isTrusted || !reviewSettings.enabled(scope)) {
      this.reviews.delete(repository.root);
      this.clearWholeFile(repository);
      return;
    }
    const notes = this.notesOf(repository);
    const contentsOf = (path: string) => dirtyText(repository.uriOf(path));
    let review: RepositoryReview;
    try {
      const configured = reviewSettings.base(scope);
      const base = configured ? { ref: configured, reason: 'the setting aiProvenance.review.base' } : await detectReviewBase(repository.root);
      if (!base) {
        // On main (or master) itself, detached, or gone: nothing to review, and nothing to say about it.
        const branch = await currentBranch(repository.root);
        const quiet = branch === undefined || branch === 'main' || branch === 'master';
        review = quiet
          ? { repository }
          : {
              repository,
              problem: `No base branch found for ${branch} (no upstream default branch, no main or master). Choose one with Change Review Base.`,
            };
      } else {
        // The base's policy, classes and CODEOWNERS, read through git as the gate reads them.
        const state = await reviewState(repository.root, base.ref, { notes, contentsOf });
        review = { repository, base, state };
      }
    } catch (error) {
      const problem = error instanceof ReviewInputError ? error.message : `Could not read the branch's AI code: ${describeError(error)}`;
      if (!(error instanceof ReviewInputError)) this.log.warn(`Review of ${repository.root}: ${describeError(error)}`);
      review = { repository, problem };
    }
    this.reviews.set(repository.root, review);
    await this.computeWholeFile(repository, review, notes);
  }

  /** Whole-file authorship of the visible editors that asked for it: every AI hunk blame finds, minus the branch's own. */
  private async computeWholeFile(repository: RepositoryContext, review: RepositoryReview, notes: NoteCache): Promise<void> {
    this.clearWholeFile(repository);
    const branch = new Set(review.state?.commits.map((commit) => commit.sha) ?? []);
    for (const editor of vscode.window.visibleTextEditors) {
      const uri = editor.document.uri;
      const path = repository.pathOf(uri);
      if (path === undefined || this.registry.lookup(uri) !== repository || !this.wholeFileShown(uri)) continue;
      try {
        const text = editor.document.isDirty ? editor.document.getText() : undefined;
        const hunks = await committedAiHunks(repository.root, path, { notes, ...(text !== undefined ? { contents: text } : {}) });
        this.wholeFile.set(
          uri.toString(),
          hunks.filter((hunk) => !branch.has(hunk.commit.sha)),
        );
      } catch (error) {
        this.log.warn(`AI authorship of ${path}: ${describeError(error)}`);
      }
    }
  }

  private clearWholeFile(repository: RepositoryContext): void {
    for (const key of [...this.wholeFile.keys()]) if (this.registry.lookup(vscode.Uri.parse(key)) === repository) this.wholeFile.delete(key);
  }

  private wholeFileWanted(): boolean {
    return (
      this.wholeFileToggled.size > 0 || vscode.window.visibleTextEditors.some((editor) => reviewSettings.wholeFileAuthorship(editor.document.uri))
    );
  }

  private notesOf(repository: RepositoryContext): NoteCache {
    let cache = this.notes.get(repository.root);
    if (!cache) this.notes.set(repository.root, (cache = new NoteCache(repository.root)));
    return cache;
  }

  /**
   * Notes and sign-offs change when fetched, pushed or written (also from a
   * terminal): watch refs/notes/ and packed-refs in the common git directory.
   */
  private async watchNotes(repository: RepositoryContext): Promise<void> {
    if (!repository.inGit || !vscode.workspace.isTrusted) return;
    try {
      const commonDir = await commonGitDir(repository.root);
      if (commonDir === undefined || this.disposed) return;
      const changed = () => {
        this.notes.get(repository.root)?.clear();
        this.recomputeSoon(repository.root);
      };
      const watchDir = (dir: string, wanted: (name: string) => boolean) => {
        try {
          const watcher = watch(dir, { persistent: false }, (_event, name) => {
            if (name && wanted(String(name))) changed();
          });
          watcher.on('error', () => undefined);
          this.watchers.push(watcher);
          return true;
        } catch {
          return false;
        }
      };
      watchDir(commonDir, (name) => name === 'packed-refs');
      const notesDir = join(commonDir, 'refs', 'notes');
      // refs/notes/ appears with the first note: watch refs/ until then.
      if (!watchDir(notesDir, () => true)) {
        let watching = false;
        watchDir(join(commonDir, 'refs'), (name) => {
          if (name === 'notes' && !watching) watching = watchDir(notesDir, () => true);
          return name === 'notes';
        });
      }
    } catch (error) {
      this.log.warn(`Cannot watch the notes of ${repository.root}: ${describeError(error)}`);
    }
  }
}

/** The editor's text of a file with unsaved changes (blame then follows the edits); else undefined. */
function dirtyText(uri: vscode.Uri): string | undefined {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  return document?.isDirty ? document.getText() : undefined;
}
