import * as vscode from 'vscode';
import { trustedOrExplain } from '../workspaceTrust';
import type { WorkspaceIndexService } from '../index/workspaceIndexService';
import type { Log } from '../log';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { InsightsPanel } from './insightsPanel';

/** What the integration tests can reach. */
export interface InsightsApi {
  /** The open Insights panel, if any. */
  readonly panel: () => InsightsPanel | undefined;
}

/**
 * *AI Provenance: Show Insights*: the charts of the repository of the
 * active editor (else of the first workspace folder), in one panel that is
 * reused and recomputed each time the command runs.
 */
export function registerInsights(
  context: vscode.ExtensionContext,
  registry: RepositoryRegistry,
  index: WorkspaceIndexService,
  log: Log,
): { disposables: vscode.Disposable[]; api: InsightsApi } {
  let panel: InsightsPanel | undefined;
  const command = vscode.commands.registerCommand('aiProvenance.showInsights', async () => {
    if (!trustedOrExplain('show insights')) return;
    const repository = await currentRepository(registry);
    if (!repository?.inGit) {
      void vscode.window.showInformationMessage('AI Provenance: Insights need a git repository: open a file or folder of one.');
      return;
    }
    panel ??= new InsightsPanel(context.extensionUri, repository, index, log, () => (panel = undefined));
    await panel.show(repository);
  });
  return { disposables: [command, { dispose: () => panel?.dispose() }], api: { panel: () => panel } };
}

async function currentRepository(registry: RepositoryRegistry): Promise<RepositoryContext | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') {
    const repository = await registry.resolve(active);
    if (repository) return repository;
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const repository = await registry.resolve(folder.uri);
    if (repository) return repository;
  }
  return undefined;
}
