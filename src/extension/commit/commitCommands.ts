import * as vscode from 'vscode';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import { describeError, type Log } from '../log';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { CommitHooks } from './commitHooks';
import type { HookActions } from './hookActions';
import { ANSWER_OFFER_COMMAND, type HookOffer } from './hookOffer';
import type { OfferAnswer } from './offerMemory';
import { repositoryAt } from './repositoryAt';
import { repositoryRootFor, type RepositoryArgument } from './repositoryTarget';
import { stagedProvenance } from './stagedProvenance';
import { trailersReport } from './trailersReport';
import { TrailersDocuments } from './trailersDocument';
import { trustedOrExplain } from './trust';

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
  const repository = await repositoryAt(deps.registry, root);
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
