import * as vscode from 'vscode';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import type { Log } from '../log';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { registerCommitCommands } from './commands';
import { withGitApi } from './gitApi';
import { HookOffer, OfferMemory, type OfferRecord } from './hookOffer';
import { CommitHooks, HookActions, HooksUpkeep, trackRootsWithHooks } from './hooks';
import { CommitPreview, type PreviewState } from './preview';

/** What integration tests (and other extensions) can see of provenance at commit time. */
export interface CommitApi {
  /** Repositories offered the hooks in this session, in order. */
  hookOffersShown(): readonly string[];
  /** The remembered answer of a repository to the offer. */
  hookOfferAnswer(root: string): OfferRecord | undefined;
  /** What the commit box preview of a repository shows; undefined before it was first computed or without the git extension. */
  previewOf(root: string): PreviewState | undefined;
  /** Repositories whose recorded hook failures were reported in this session, in order. */
  hookFailuresReported(): readonly string[];
  /** Resolves once hook checks and the repository's pending preview computation are done. */
  settled(root?: string): Promise<void>;
}

/**
 * Provenance at commit time in the editor, the entry of this folder; read on
 * in hooks.ts (the hooks' status, install, upkeep), hookOffer.ts (the offer),
 * preview.ts (the commit box preview) and commands.ts. The commands to
 * install, remove and preview; the once-per-repository offer and the
 * upkeep of installed hooks; the trailer preview in the Source Control
 * commit box through the built-in git extension, when there is one.
 */
export function registerCommit(
  context: vscode.ExtensionContext,
  registry: RepositoryRegistry,
  blastRadius: BlastRadiusSource,
  log: Log,
): { readonly disposables: vscode.Disposable[]; readonly api: CommitApi } {
  const hooks = new CommitHooks(context.asAbsolutePath('dist/cli.js'));
  const rootsWithHooks = trackRootsWithHooks(hooks);
  const memory = new OfferMemory(context.globalState);
  const actions = new HookActions(hooks, memory, log);
  const offer = new HookOffer(memory, actions, log);
  const upkeep = new HooksUpkeep(registry, hooks, actions, offer, log, context.workspaceState);
  let preview: CommitPreview | undefined;
  const gitRoots = new Set<string>();
  const git = withGitApi(log, (api) => {
    preview = new CommitPreview(api, registry, hooks, blastRadius, log);
    const tracking = [
      api.onDidOpenRepository((repository) => gitRoots.add(repository.rootUri.fsPath)),
      api.onDidCloseRepository((repository) => gitRoots.delete(repository.rootUri.fsPath)),
    ];
    for (const repository of api.repositories) gitRoots.add(repository.rootUri.fsPath);
    return vscode.Disposable.from(preview, ...tracking, { dispose: () => (preview = undefined) });
  });
  const knownRoots = () => [
    ...registry
      .all()
      .filter((repository) => repository.inGit)
      .map((repository) => repository.root),
    ...gitRoots,
  ];

  const api: CommitApi = {
    hookOffersShown: () => offer.shown,
    hookFailuresReported: () => upkeep.failuresReported,
    hookOfferAnswer: (root) => memory.recordOf(root),
    previewOf: (root) => preview?.stateOf(root),
    settled: async (root) => {
      await upkeep.settled();
      if (root !== undefined) await preview?.settled(root);
    },
  };
  const disposables = [
    hooks,
    rootsWithHooks,
    upkeep,
    git,
    ...registerCommitCommands({ registry, hooks, actions, offer, blastRadius, knownRoots, log }),
  ];
  return { disposables, api };
}
