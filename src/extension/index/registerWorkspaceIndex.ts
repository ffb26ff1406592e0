import type * as vscode from 'vscode';
import type { Log } from '../log';
import type { BranchWatcher } from '../repositories/branchWatcher';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { registerIndexCommands } from './indexCommands';
import { registerIndexTriggers } from './indexTriggers';
import { WorkspaceIndexService } from './workspaceIndexService';

/** The workspace index in the editor: the service (a BlastRadiusSource), what feeds it, its commands. */
export function registerWorkspaceIndex(
  registry: RepositoryRegistry,
  branches: BranchWatcher,
  log: Log,
): { readonly service: WorkspaceIndexService; readonly disposables: vscode.Disposable[] } {
  const service = new WorkspaceIndexService(log);
  return {
    service,
    disposables: [...registerIndexTriggers(service, registry, branches, log), ...registerIndexCommands(service, registry, log), service],
  };
}
