import * as vscode from 'vscode';
import { registerRegionCommands } from './commands/regionCommands';
import { createLog } from './log';
import { RepositoryRegistry } from './repositories/repositoryRegistry';
import { settings } from './settings';
import { registerCapture } from './capture/registerCapture';
import { DocumentTracker } from './tracking/documentTracker';
import { unavailableBlastRadius } from './blastRadius/blastRadiusSource';
import { BlastRadiusSlot } from './risk/blastRadiusSlot';
import { registerViews, type ViewsApi } from './views/registerViews';

/** What the extension hands to its integration tests (and other extensions). */
export interface AiProvenanceApi {
  readonly registry: RepositoryRegistry;
  /** Decorations, status bar, regions view: see src/extension/views/registerViews.ts. */
  readonly views: ViewsApi;
}

let registry: RepositoryRegistry | undefined;

export function activate(context: vscode.ExtensionContext): AiProvenanceApi {
  const log = createLog();
  registry = new RepositoryRegistry(context.storageUri?.fsPath ?? context.globalStorageUri.fsPath, log, () => settings.syncDelayMs);
  const capture = registerCapture(registry, log);
  // The workspace index service replaces `unavailableBlastRadius` here once it exists.
  const blastRadius = new BlastRadiusSlot(unavailableBlastRadius);
  const views = registerViews(context, registry, blastRadius, log);

  context.subscriptions.push(
    log,
    registry,
    new DocumentTracker(registry, () => capture.classifier, log),
    ...capture.disposables,
    blastRadius,
    ...views.disposables,
    ...registerRegionCommands(registry),
  );
  return { registry, views: views.api };
}

export async function deactivate(): Promise<void> {
  // Pending region changes are written before the host goes away.
  await registry?.flush();
  registry = undefined;
}
