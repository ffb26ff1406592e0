import type { FileDiff } from '../git/diffParse';
import type { LoadBearingClassifier } from '../loadBearing';
import type { RegionSource } from './attribute';
import { blastRadiusByFile, type BlastRadiusProvider, type LargestBlastRadius } from './blastRadius';
import { attributedChanges, type ChangeTarget } from './changes';
import type { FileAttribution } from './lineOrigin';
import { readProvenanceSettings, type ProvenanceSettings } from './settings';
import { summarize, type ProvenanceSummary } from './summary';
import { formatTrailers, type Trailer } from './trailers';

export interface CommitProvenanceOptions {
  /** Whose changes; the staged ones by default. */
  readonly target?: ChangeTarget;
  /** Settings already read (the hook reads them once); read from the repository otherwise. */
  readonly settings?: ProvenanceSettings;
  /** Overrides the project's classifier (the extension may pass one that includes the user's setting). */
  readonly classifier?: LoadBearingClassifier;
  /** A workspace index; without one AI-Blast-Radius is left out. */
  readonly blastRadius?: BlastRadiusProvider;
  /** Overrides the alwaysTrailer setting. */
  readonly alwaysTrailer?: boolean;
  /** Extra environment for git (GIT_INDEX_FILE is inherited from the process). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface CommitProvenance {
  /** What the commit message should carry; empty when the change has no AI lines. */
  readonly trailers: readonly Trailer[];
  readonly summary: ProvenanceSummary;
  /** Every file the change adds lines to, with its AI lines. */
  readonly files: readonly FileAttribution[];
  /** The change itself, one entry per file (added line numbers included). */
  readonly diff: readonly FileDiff[];
  /** Per file with AI lines, its widest blast radius (only with a blastRadius provider). */
  readonly blastRadius: ReadonlyMap<string, LargestBlastRadius>;
  /** Parents of the commit (commit target only). */
  readonly parents: readonly string[];
  readonly problems: readonly string[];
}

/**
 * The provenance of the commit being made (or of an existing commit): the
 * AI lines among the lines it adds, and the trailers describing them. The
 * extension calls it to preview trailers in the commit box; the hooks call
 * it to write them.
 */
export async function computeCommitProvenance(
  repoRoot: string,
  store: RegionSource,
  options: CommitProvenanceOptions = {},
): Promise<CommitProvenance> {
  const settings = options.settings ?? (await readProvenanceSettings(repoRoot));
  const changes = await attributedChanges(repoRoot, options.target ?? { kind: 'staged' }, store, options.env);
  const withAi = changes.files.filter((file) => file.aiLines.size > 0);
  const classifier = options.classifier ?? settings.classifier;
  const blast = options.blastRadius && withAi.length > 0 ? await blastRadiusByFile(withAi, options.blastRadius) : undefined;
  const summary = summarize(changes.files, classifier, blast, settings.project.risk);
  const always = options.alwaysTrailer ?? settings.alwaysTrailer;
  return {
    trailers: formatTrailers(summary, { always }),
    summary,
    files: changes.files,
    diff: changes.diff,
    blastRadius: blast ?? new Map(),
    parents: changes.parents,
    problems: [...settings.problems, ...(options.classifier?.problems ?? [])],
  };
}
