import * as vscode from 'vscode';
import { registerRegionCommands } from './commands/regionCommands';
import { createLog } from './log';
import { RepositoryRegistry } from './repositories/repositoryRegistry';
import { settings } from './settings';
import { registerCapture } from './capture/registerCapture';
import { DocumentTracker } from './tracking/documentTracker';
import { RegionDecorations } from './views/regionDecorations';

/** What the extension hands to its integration tests (and other extensions). */
export interface AiProvenanceApi {
  readonly registry: RepositoryRegistry;
}

let registry: RepositoryRegistry | undefined;

export function activate(context: vscode.ExtensionContext): AiProvenanceApi {
  const log = createLog();
  registry = new RepositoryRegistry(context.storageUri?.fsPath ?? context.globalStorageUri.fsPath, log, () => settings.syncDelayMs);
  const capture = registerCapture(registry, log);

  context.subscriptions.push(
    log,
    registry,
    new DocumentTracker(registry, () => capture.classifier, log),
    ...capture.disposables,
    new RegionDecorations(registry, context.extensionUri),
    ...registerRegionCommands(registry),
  );
  return { registry };
}

export async function deactivate(): Promise<void> {
  // Pending region changes are written before the host goes away.
  await registry?.flush();
  registry = undefined;
}
