import * as vscode from 'vscode';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';

/** `{ uri, regionId }` as passed by hovers (uri as a string), code lenses and the regions view. */
interface RegionArgument {
  readonly uri: vscode.Uri | string;
  readonly regionId: string;
}

/** Commands behind the links of hovers and tooltips. */
export function registerViewCommands(registry: RepositoryRegistry): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiProvenance.openFile', (uri: vscode.Uri | string) => openFile(uri)),
    vscode.commands.registerCommand('aiProvenance.markUnreviewed', (region: RegionArgument) => markUnreviewed(registry, region)),
  ];
}

function toUri(uri: vscode.Uri | string): vscode.Uri {
  return typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
}

async function openFile(uri: vscode.Uri | string): Promise<void> {
  await vscode.window.showTextDocument(toUri(uri), { preview: true });
}

/** Undoes a review: the region's lines count as unreviewed AI code again. */
async function markUnreviewed(registry: RepositoryRegistry, argument: RegionArgument | undefined): Promise<void> {
  if (!argument?.regionId) {
    void vscode.window.showInformationMessage('AI Provenance: choose a reviewed region in the AI Regions view or its hover.');
    return;
  }
  const uri = toUri(argument.uri);
  const repository = await registry.resolve(uri);
  const path = repository?.pathOf(uri);
  const region = path === undefined ? undefined : repository?.store.regions(path).find((candidate) => candidate.id === argument.regionId);
  if (!repository || path === undefined || !region) return;
  if (repository.store.markUnreviewed(path, region.start, region.end) > 0) await repository.saveNow();
}
