// The commit commands (install, remove, show trailers, answer the offer):
// which repository a command is about, and the read-only
// "Commit Trailers" report.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { findRepository } from '../../core/git';
import type { CommitProvenance, HooksStatus } from '../../core/provenance';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import { describeError, type Log } from '../log';
import { repositoryName } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { trustedOrExplain } from '../workspaceTrust';
import { ANSWER_OFFER_COMMAND, type HookOffer, type OfferAnswer } from './hookOffer';
import { type CommitHooks, type HookActions, hooksHealth } from './hooks';
import { stagedProvenance } from './preview';

export interface CommitCommandsDeps {
  readonly registry: RepositoryRegistry;
  readonly hooks: CommitHooks;
  readonly actions: HookActions;
  readonly offer: HookOffer;
  readonly blastRadius: BlastRadiusSource;
  /** Roots of the git repositories known so far (registry and git extension). */
  readonly knownRoots: () => readonly string[];
  readonly log: Log;
}

/**
 * The commands. Each runs git, so each first checks the workspace is
 * trusted, and each returns its result (for other extensions and tests).
 * They need no git extension: everything goes through the CLI core.
 */
export function registerCommitCommands(deps: CommitCommandsDeps): vscode.Disposable[] {
  const documents = new TrailersDocuments();
  const target = (argument: RepositoryArgument) => repositoryRootFor(argument, deps.knownRoots);
  return [
    documents,
    vscode.commands.registerCommand('aiProvenance.installCommitHooks', async (argument?: RepositoryArgument) => {
      if (!trustedOrExplain('install commit hooks')) return undefined;
      const root = await target(argument);
      return root ? deps.actions.install(root) : undefined;
    }),
    vscode.commands.registerCommand('aiProvenance.uninstallCommitHooks', async (argument?: RepositoryArgument) => {
      if (!trustedOrExplain('remove commit hooks')) return undefined;
      const root = await target(argument);
      return root ? deps.actions.uninstall(root) : undefined;
    }),
    vscode.commands.registerCommand('aiProvenance.showCommitTrailers', async (argument?: RepositoryArgument) => {
      if (!trustedOrExplain('compute the trailers of staged changes')) return undefined;
      const root = await target(argument);
      return root ? showTrailers(deps, documents, root) : undefined;
    }),
    // The offer's buttons, as a command (hidden from the palette).
    vscode.commands.registerCommand(ANSWER_OFFER_COMMAND, async (root: string, answer: Exclude<OfferAnswer, 'uninstalled'>) => {
      if (!trustedOrExplain('install commit hooks')) return;
      await deps.offer.answer(root, answer);
    }),
  ];
}

/** Opens the report and returns its text. */
async function showTrailers(deps: CommitCommandsDeps, documents: TrailersDocuments, root: string): Promise<string | undefined> {
  const repository = await deps.registry.resolveRoot(root);
  if (!repository?.inGit) {
    void vscode.window.showWarningMessage(`AI Provenance could not open the region store of ${root}.`);
    return undefined;
  }
  try {
    const [{ provenance }, status] = await Promise.all([
      stagedProvenance(repository, deps.blastRadius),
      deps.hooks.status(root, { fresh: true }).catch(() => undefined),
    ]);
    const text = trailersReport(root, provenance, status);
    await documents.show(root, text);
    return text;
  } catch (error) {
    deps.log.error(`Could not compute the trailers of ${root}: ${describeError(error)}`);
    void vscode.window.showErrorMessage(`AI Provenance could not compute the trailers of ${root}: ${describeError(error)}`);
    return undefined;
  }
}

/**
 * What the commands are invoked with: the Source Control view's title menu
 * passes its SourceControl (which has a rootUri); other callers a Uri or an
 * absolute path inside the repository. From the palette: nothing.
 */
export type RepositoryArgument = vscode.Uri | string | { readonly rootUri?: vscode.Uri } | undefined;

/**
 * The root of the git repository a command is about: the argument's, else
 * the active editor's, else the only one known, else the user picks one.
 * Undefined (after saying why) when there is none. Runs git: trusted
 * workspaces only.
 */
export async function repositoryRootFor(argument: RepositoryArgument, knownRoots: () => readonly string[]): Promise<string | undefined> {
  const given = pathOf(argument);
  if (given !== undefined) {
    const repository = await findRepository(directoryOf(given));
    if (!repository) void vscode.window.showWarningMessage(`AI Provenance: ${given} is not in a git repository.`);
    return repository?.root;
  }
  const document = vscode.window.activeTextEditor?.document;
  if (document?.uri.scheme === 'file') {
    const repository = await findRepository(dirname(document.uri.fsPath));
    if (repository) return repository.root;
  }
  const roots = [...new Set(knownRoots())].sort();
  if (roots.length === 1) return roots[0];
  if (roots.length === 0) {
    void vscode.window.showInformationMessage('AI Provenance: open a file of a git repository first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    roots.map((root) => ({ label: repositoryName(root), description: root, root })),
    { placeHolder: 'Which repository?' },
  );
  return picked?.root;
}

function pathOf(argument: RepositoryArgument): string | undefined {
  if (typeof argument === 'string') return argument;
  if (argument instanceof vscode.Uri) return argument.scheme === 'file' ? argument.fsPath : undefined;
  const root = argument?.rootUri;
  return root instanceof vscode.Uri && root.scheme === 'file' ? root.fsPath : undefined;
}

/** git needs a directory to start from; a file's is its folder. */
function directoryOf(path: string): string {
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return path;
  }
}

/**
 * The text of "Show Commit Trailers": the trailers the next commit gets for
 * what is staged now, the files they count, and whether the hooks will
 * actually write them.
 */
export function trailersReport(root: string, provenance: CommitProvenance, hooks: HooksStatus | undefined): string {
  const { trailers, summary } = provenance;
  const lines = [`AI Provenance: trailers for the staged changes of ${root}`, ''];
  if (trailers.length > 0) lines.push(...trailers.map((trailer) => `${trailer.key}: ${trailer.value}`));
  else if (summary.addedLines === 0) lines.push('Nothing is staged (or the staged changes add no lines): no AI-* trailers.');
  else lines.push(`No AI-written lines among the ${summary.addedLines} staged lines: no AI-* trailers.`);

  if (summary.files.length > 0) {
    lines.push('', 'Files with AI lines:');
    for (const file of summary.files) {
      const classes = file.classes.length > 0 ? `, load-bearing: ${file.classes.join(', ')}` : '';
      lines.push(`  ${file.path}: ${file.aiLines} of ${file.addedLines} lines AI, ${file.reviewedLines} reviewed, ${file.risk} risk${classes}`);
    }
  }
  lines.push('', hooksLine(hooks));
  if (provenance.problems.length > 0) lines.push('', 'Problems:', ...provenance.problems.map((problem) => `  ${problem}`));
  return `${lines.join('\n')}\n`;
}

function hooksLine(status: HooksStatus | undefined): string {
  if (!status) return 'Hooks: unknown (their status could not be read).';
  const health = hooksHealth(status);
  switch (health.kind) {
    case 'current':
      return `Hooks: installed in ${status.hooksDir}: the commit gets these trailers and a note in refs/notes/ai-provenance.`;
    case 'stale':
      return `Hooks: installed but stale (${health.reasons.join('; ')}): they are refreshed when the repository is next opened, or run "AI Provenance: Install Commit Hooks".`;
    case 'attention':
      return `Hooks: changed (${health.problems.join('; ')}): commits may miss these trailers. Run "AI Provenance: Install Commit Hooks" to put them back.`;
    case 'absent':
      return 'Hooks: not installed: commits get neither these trailers nor a note. Run "AI Provenance: Install Commit Hooks".';
  }
}

const SCHEME = 'ai-provenance-commit';

/**
 * Read-only documents for "Show Commit Trailers": a virtual document rather
 * than an untitled one, so closing it never asks to save. One per
 * repository, refreshed in place when the command runs again.
 */
export class TrailersDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  // After onDidChange: the editor subscribes to it when the provider is registered.
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  async show(root: string, text: string): Promise<vscode.TextEditor> {
    const name = repositoryName(root);
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}/Commit Trailers`, query: root });
    this.texts.set(uri.toString(), text);
    this.changeEmitter.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changeEmitter.dispose();
  }
}
