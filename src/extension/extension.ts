import * as vscode from 'vscode';
import type { AiProvenanceExtension } from './api/aiProvenance';
import { publicApi } from './api/publicApi';
import { registerRegionCommands } from './commands/regionCommands';
import { createLog } from './log';
import { BranchWatcher } from './repositories/branchWatcher';
import { RepositoryRegistry } from './repositories/repositoryRegistry';
import { settings } from './settings';
import { registerCapture } from './capture/registerCapture';
import { DocumentTracker } from './tracking/documentTracker';
import { registerWorkspaceIndex } from './index/registerWorkspaceIndex';
import type { WorkspaceIndexService } from './index/workspaceIndexService';
import { BlastRadiusSlot } from './blastRadius/blastRadiusSlot';
import { registerViews, type ViewsApi } from './views/registerViews';
import { registerCliOnPath } from './terminal/cliOnPath';
import { registerCommit, type CommitApi } from './commit/registerCommit';
import { registerAgents, type AgentsApi } from './agents/registerAgents';
import { registerInsights, type InsightsApi } from './insights/registerInsights';
import { registerReview, type ReviewApi } from './review/registerReview';

/** The extension's internals, handed to its own integration tests only (ExtensionMode.Test). */
export interface TestingApi {
  readonly registry: RepositoryRegistry;
  /** Decorations, status bar, regions view: see src/extension/views/registerViews.ts. */
  readonly views: ViewsApi;
  /** The workspace index (blast radius, dependent counts): see src/extension/index/. */
  readonly index: WorkspaceIndexService;
  /** Commit hooks, their offer and the commit box preview: see src/extension/commit/. */
  readonly commit: CommitApi;
  /** Agent hooks (Claude Code, Cursor, ...): the offer and the install command. */
  readonly agents: AgentsApi;
  /** The Insights view: see src/extension/insights/. */
  readonly insights: InsightsApi;
  /** The reviewer's side: the branch's committed AI code, the Review view, sign-offs (src/extension/review/). */
  readonly review: ReviewApi;
}

let registry: RepositoryRegistry | undefined;

/** What activate returns: the versioned public API (api/aiProvenance.d.ts); under the extension's own tests, its internals too. */
export type ActivationResult = AiProvenanceExtension & { readonly testing?: TestingApi };

export function activate(context: vscode.ExtensionContext): ActivationResult {
  const log = createLog();
  registry = new RepositoryRegistry(context.storageUri?.fsPath ?? context.globalStorageUri.fsPath, log, () => settings.syncDelayMs);
  // One HEAD watcher per repository: the index lists files again and the views recount on a branch switch.
  const branches = new BranchWatcher(registry, log);
  const capture = registerCapture(registry, log, context.extension);
  const index = registerWorkspaceIndex(registry, branches, log);
  const blastRadius = new BlastRadiusSlot(index.service);
  const views = registerViews(context, registry, blastRadius, branches, log);
  const commit = registerCommit(context, registry, blastRadius, log);
  const agents = registerAgents(context, log);
  const insights = registerInsights(context, registry, index.service, log);
  const review = registerReview(context, registry, views.loadBearing, blastRadius, branches, log);

  context.subscriptions.push(
    log,
    registry,
    branches,
    new DocumentTracker(registry, () => capture.classifier, log),
    ...capture.disposables,
    ...index.disposables,
    blastRadius,
    ...views.disposables,
    ...registerRegionCommands(registry),
    registerCliOnPath(context, log),
    ...commit.disposables,
    ...agents.disposables,
    ...insights.disposables,
    ...review.disposables,
  );
  const exports = publicApi(registry);
  if (context.extensionMode !== vscode.ExtensionMode.Test) return exports;
  return {
    ...exports,
    testing: { registry, views: views.api, index: index.service, commit: commit.api, agents: agents.api, insights: insights.api, review: review.api },
  };
}

export async function deactivate(): Promise<void> {
  // Pending region changes are written before the host goes away.
  await registry?.closeStores();
  registry = undefined;
}
