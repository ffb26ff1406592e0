import * as vscode from 'vscode';
import type { Log } from '../log';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { describeBuild } from './indexStatsText';
import type { WorkspaceIndexService } from './workspaceIndexService';

export const REBUILD_INDEX_COMMAND = 'aiProvenance.rebuildIndex';
export const SHOW_INDEX_STATS_COMMAND = 'aiProvenance.showIndexStats';

/** "Rebuild Workspace Index" (from nothing, without the cache) and "Show Workspace Index Statistics". */
export function registerIndexCommands(service: WorkspaceIndexService, registry: RepositoryRegistry, log: Log): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(REBUILD_INDEX_COMMAND, async () => {
      if (!service.isEnabled) {
        void vscode.window.showInformationMessage('AI Provenance: the workspace index is switched off (setting aiProvenance.index.enabled).');
        return;
      }
      const count = await service.rebuildAll(registry.all());
      log.info(`Rebuilt the workspace index of ${count} ${count === 1 ? 'repository' : 'repositories'}.`);
    }),
    vscode.commands.registerCommand(SHOW_INDEX_STATS_COMMAND, async () => {
      const indexes = service.all();
      if (!service.isEnabled) log.info('Workspace index: switched off (aiProvenance.index.enabled).');
      else if (indexes.length === 0)
        log.info('Workspace index: no repository indexed yet (an index starts when a file of the repository is open or has AI regions).');
      for (const index of indexes) {
        const { lastBuild, current, state, problem } = await index.stats();
        const size = current
          ? `${current.indexed} of ${current.files} files indexed, ${current.edges} edges, ${current.unresolvedImports} unresolved imports`
          : 'not built yet';
        log.info(
          `Workspace index of ${index.root}: ${state}${problem ? ` (${problem})` : ''}; now ${size}; cache in ${index.options.cacheDir ?? '(none)'}`,
        );
        if (lastBuild) log.info(`  last full build: ${describeBuild(index.root, 'last build', lastBuild)}`);
      }
      log.show(true);
    }),
  ];
}
