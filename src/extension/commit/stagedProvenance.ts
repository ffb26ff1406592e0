import { computeCommitProvenance, readProvenanceSettings, type BlastRadiusProvider, type CommitProvenance } from '../../core/provenance';
import { isKnown } from '../../core/views';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import type { RepositoryContext } from '../repositories/repositoryContext';

export interface StagedProvenance {
  readonly provenance: CommitProvenance;
  /** core.commentChar of the repository. */
  readonly commentChar: string;
}

/**
 * What the hook would write for the staged changes now, from the regions
 * the editor holds. The load-bearing classes are the project's, as in the
 * hook (the user's own `aiProvenance.loadBearing` setting is editor-only).
 */
export async function stagedProvenance(repository: RepositoryContext, blastRadius: BlastRadiusSource): Promise<StagedProvenance> {
  const settings = await readProvenanceSettings(repository.root);
  const provenance = await computeCommitProvenance(repository.root, repository.store, {
    settings,
    blastRadius: blastRadiusProvider(blastRadius, repository),
  });
  return { provenance, commentChar: settings.commentChar };
}

/**
 * The views' blast radius (the live workspace index) as the core wants it.
 * Only known answers count: while the index is still building the trailer
 * is left out (never guessed). The hook keeps a previewed AI-Blast-Radius
 * when it computes the same AI-Lines and AI-Reviewed (keepIndexedTrailers).
 */
function blastRadiusProvider(source: BlastRadiusSource, repository: RepositoryContext): BlastRadiusProvider {
  return (target) => {
    const lookup = source.blastRadiusOf(repository, target.path, target.startLine - 1, target.endLine - 1);
    return isKnown(lookup) ? { files: lookup.files, loadBearing: lookup.loadBearing.length } : undefined;
  };
}
