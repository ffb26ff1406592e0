import * as vscode from 'vscode';
import { branchesByDate } from '../../core/review';
import type { SignOff } from '../../core/signoff';
import { plural } from '../../core/text';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import type { LoadBearingService } from '../loadBearing/loadBearingService';
import type { Log } from '../log';
import type { BranchWatcher } from '../repositories/branchWatcher';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { ReviewCodeLensProvider } from './reviewCodeLens';
import { ReviewDecorations, type ReviewDecorationSnapshot } from './reviewDecorations';
import { ReviewHoverProvider } from './reviewHover';
import { ReviewService, type RepositoryReview } from './reviewService';
import { ReviewTreeProvider, type ReviewNode } from './reviewTree';
import { SignOffCommand, type SignOffArgument } from './signOffCommand';

export const REVIEW_VIEW_ID = 'aiProvenance.review';

/** What integration tests (and other extensions) can see of the reviewer's side. */
export interface ReviewApi {
  /** Each repository's base, branch AI code and sign-off state. */
  reviews(): readonly RepositoryReview[];
  /** The committed AI code last painted in the visible editor of a document. */
  decorations(uri: vscode.Uri): ReviewDecorationSnapshot | undefined;
  readonly tree: vscode.TreeDataProvider<ReviewNode>;
  /** Signs off like the command (pass `comment` to skip the prompt). */
  signOff(argument?: SignOffArgument): Promise<SignOff | undefined>;
  /** Recomputes now and waits for the repaint. */
  refresh(): Promise<void>;
  settled(): Promise<void>;
}

/**
 * The reviewer's side (docs/REVIEW.md): the branch's committed AI code in
 * the editor, the Review view, and Sign Off AI Code.
 */
export function registerReview(
  context: vscode.ExtensionContext,
  registry: RepositoryRegistry,
  loadBearing: LoadBearingService,
  blastRadius: BlastRadiusSource,
  branches: BranchWatcher,
  log: Log,
): { readonly disposables: vscode.Disposable[]; readonly api: ReviewApi } {
  const service = new ReviewService(registry, loadBearing, branches, log);
  const decorations = new ReviewDecorations(registry, service, blastRadius, context.extensionUri);
  const tree = new ReviewTreeProvider(service);
  const treeView = vscode.window.createTreeView(REVIEW_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const codeLens = new ReviewCodeLensProvider(service);
  const signOff = new SignOffCommand(registry, service, log);
  const describe = () => {
    tree.refresh();
    const reviews = service.all().filter((review) => review.base);
    treeView.description = reviews.length === 1 ? `vs ${reviews[0]!.base!.ref}` : undefined;
    const open = reviews.reduce(
      (sum, review) => sum + (review.state?.files.filter((file) => file.requiresSignOff && file.hunks.some((hunk) => hunk.open > 0)).length ?? 0),
      0,
    );
    treeView.badge = open > 0 ? { value: open, tooltip: `${plural(open, 'file')} with AI code that needs a sign-off` } : undefined;
    const empty = service.all().every((review) => !review.problem && (review.state?.files.length ?? 0) === 0);
    treeView.message = !vscode.workspace.isTrusted
      ? 'The review runs git: trust this workspace to see the branch’s AI code.'
      : empty
        ? `No AI-written code in the commits not on ${reviews[0]?.base?.ref ?? 'the base branch'} yet (or their notes are not fetched).`
        : undefined;
  };
  const disposables: vscode.Disposable[] = [
    service,
    decorations,
    tree,
    treeView,
    codeLens,
    service.onDidChange(describe),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new ReviewHoverProvider(service, decorations, loadBearing)),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, codeLens),
    vscode.commands.registerCommand('aiProvenance.signOffAiCode', (argument?: SignOffArgument | ReviewNode) => signOff.run(argument)),
    vscode.commands.registerCommand('aiProvenance.signOffAllAiCode', async () => {
      const review = service.all().find((candidate) => candidate.state);
      return review ? signOff.run({ root: review.repository.root }) : signOff.run(undefined);
    }),
    vscode.commands.registerCommand('aiProvenance.changeReviewBase', () => changeBase(registry, service)),
    vscode.commands.registerCommand('aiProvenance.refreshReview', () => service.refresh()),
    vscode.commands.registerCommand('aiProvenance.toggleAiAuthorship', (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return undefined;
      const on = service.toggleWholeFile(target);
      vscode.window.setStatusBarMessage(`AI Provenance: AI authorship of the whole file ${on ? 'shown' : 'hidden'}`, 3000);
      return on;
    }),
    vscode.commands.registerCommand('aiProvenance.showReviewView', () => vscode.commands.executeCommand(`${REVIEW_VIEW_ID}.focus`)),
    vscode.commands.registerCommand('aiProvenance.revealReviewHunk', async (argument: { uri: vscode.Uri | string; start: number; end: number }) => {
      const uri = typeof argument.uri === 'string' ? vscode.Uri.parse(argument.uri) : argument.uri;
      const range = new vscode.Range(argument.start - 1, 0, argument.end - 1, 0);
      const editor = await vscode.window.showTextDocument(uri, { preview: true, selection: new vscode.Range(range.start, range.start) });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
  describe();
  const api: ReviewApi = {
    reviews: () => service.all(),
    decorations: (uri) => decorations.snapshot(uri),
    tree,
    signOff: (argument) => signOff.run(argument),
    refresh: async () => {
      await service.refresh();
      await decorations.settled();
    },
    settled: async () => {
      await service.settled();
      await decorations.settled();
    },
  };
  return { disposables, api };
}

/** Picks the base branch: detected (the upstream's default branch), or any branch; kept in aiProvenance.review.base. */
async function changeBase(registry: RepositoryRegistry, service: ReviewService): Promise<void> {
  const repository = registry.all().find((candidate) => candidate.inGit);
  if (!repository || !vscode.workspace.isTrusted) return;
  const current = service.reviewOf(repository);
  const refs = await branchesByDate(repository.root);
  const detect = { label: '$(search) Detect automatically', description: 'the upstream’s default branch', ref: '' };
  const picked = await vscode.window.showQuickPick(
    [detect, ...refs.map((ref) => ({ label: ref, description: ref === current?.base?.ref ? 'current' : undefined, ref }))],
    {
      title: 'Review Base',
      placeHolder: `Compare this branch with… (now ${current?.base?.ref ?? 'none'}${current?.base ? `: ${current.base.reason}` : ''})`,
    },
  );
  if (!picked) return;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(repository.root));
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  await vscode.workspace.getConfiguration('aiProvenance.review', folder?.uri).update('base', picked.ref || undefined, target);
  await service.refresh(repository.root);
}
