import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadBearingClassifier } from '../loadBearing';
import { CACHE_FILE } from '../index/cache';
import type { BlastRadiusProvider } from './blastRadius';

/**
 * A blast-radius provider backed by the workspace index, for processes that
 * do not have one loaded (the CLI, the hooks). Only when the editor already
 * built an index cache: building one from nothing takes far too long for a
 * commit, and without an index the trailer is omitted, not guessed.
 * Returns undefined when there is no usable index.
 */
export async function openIndexBlastRadius(
  root: string,
  cacheDir: string,
  classifier: LoadBearingClassifier,
): Promise<{ provider: BlastRadiusProvider; release(): void } | undefined> {
  if (!existsSync(join(cacheDir, CACHE_FILE))) return undefined;
  try {
    // Loaded lazily: the parser runtime is only worth loading when there is a cache to use.
    const { WorkspaceIndex } = await import('../index/workspaceIndex.js');
    const index = await WorkspaceIndex.open({
      root,
      cacheDir,
      loadBearing: (path: string) => classifier.classify(path).classes.map((match) => match.name),
    });
    try {
      await index.build();
    } catch (error) {
      index.dispose();
      throw error;
    }
    const provider: BlastRadiusProvider = (target) => {
      if (!index.has(target.path)) return undefined;
      const radius = index.blastRadius({ path: target.path, startLine: target.startLine - 1, endLine: target.endLine - 1 });
      return { files: radius.files, loadBearing: radius.loadBearing.length };
    };
    return { provider, release: () => index.dispose() };
  } catch {
    // An index that cannot load (assets missing next to a copied CLI, a corrupt cache) is no index.
    return undefined;
  }
}
