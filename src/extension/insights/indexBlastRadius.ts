import type { BlastRadiusProvider } from '../../core/provenance';
import type { WorkspaceIndexService } from '../index/workspaceIndexService';
import type { RepositoryContext } from '../repositories/repositoryContext';

/** How long the view waits, in all, for the index to answer; files it has not answered by then use the notes' radius. */
const WAIT_MS = 3_000;
const POLL_MS = 50;

/**
 * Today's blast radius of whole files, from the editor's workspace index
 * (its thread answers asynchronously: a first lookup says 'pending').
 */
export function indexBlastRadius(service: WorkspaceIndexService, repository: RepositoryContext): BlastRadiusProvider {
  service.ensureStarted(repository);
  const deadline = Date.now() + WAIT_MS;
  return async ({ path }) => {
    for (;;) {
      const answer = service.blastRadiusOf(repository, path, 0, Number.MAX_SAFE_INTEGER);
      if (answer === 'unavailable') return undefined;
      if (answer !== 'pending') return { files: answer.files, loadBearing: answer.loadBearing.length };
      if (Date.now() >= deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
}
