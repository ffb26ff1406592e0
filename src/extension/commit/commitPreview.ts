import * as vscode from 'vscode';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import { describeError, type Log } from '../log';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { CommitHooks } from './commitHooks';
import { PREVIEW_SETTING } from './commitSettings';
import type { GitApi, GitRepository } from './git';
import { repositoryAt } from './repositoryAt';
import { RepositoryPreview, type PreviewState, type PreviewTiming } from './repositoryPreview';

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
      const repository = await repositoryAt(this.registry, gitRoot);
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
