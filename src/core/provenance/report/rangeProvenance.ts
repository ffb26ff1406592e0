import { diffRevisions, textDiffsOf } from '../../git/diff';
import { pathOf } from '../../git/diffParse';
import { git } from '../../git/exec';
import { resolveCommit } from '../../git/revisions';
import type { LoadBearingClassifier } from '../../loadBearing';
import type { RiskModelConfig } from '../../risk';
import { blastRadiusByFile, type BlastRadiusProvider, type LargestBlastRadius } from '../blastRadius';
import { rangeCommits } from '../gate/rangeCommits';
import type { FileAttribution } from '../lineOrigin';
import { mergeAttributions, restrictToAdded } from '../note/merge';
import { recordedBlastRadius, viewNote } from '../note/readCommitNote';
import { remapAttributions } from '../note/remap';
import { parseProvenanceTrailers } from '../parseTrailers';
import { summarize, type ProvenanceSummary } from '../summary';

export interface RangeProvenance {
  readonly base: string;
  readonly head: string;
  readonly commits: number;
  readonly commitsWithNotes: number;
  /** AI lines of commits that only have trailers: counted, but not placed on lines. */
  readonly trailerOnlyAiLines: number;
  /** The AI lines among the lines the range adds (merge-base..head), placed on head's files. */
  readonly summary: ProvenanceSummary;
  readonly files: readonly FileAttribution[];
  /** Per file with AI lines, its largest blast radius (index available) or the notes' widest recorded one. */
  readonly blastRadius: ReadonlyMap<string, LargestBlastRadius>;
  readonly blastRadiusSource: 'index' | 'notes' | 'none';
}

/**
 * What a pull request adds and how much of it an AI wrote: every commit's
 * note is carried onto head's version of the files and limited to the lines
 * the range adds, so a line rewritten by a later commit is not counted twice.
 */
export async function rangeProvenance(
  root: string,
  baseRef: string,
  headRef: string,
  classifier: LoadBearingClassifier,
  blastRadius?: BlastRadiusProvider,
  riskModel?: RiskModelConfig,
): Promise<RangeProvenance> {
  const base = await resolveCommit(root, baseRef);
  const head = await resolveCommit(root, headRef);
  if (!base || !head) throw new Error(`${!base ? baseRef : headRef} is not a commit here`);
  const mergeBase = (await git(['merge-base', base, head], { cwd: root, allowFailure: true })).stdout.trim() || base;
  const commits = await rangeCommits(root, mergeBase, head);
  const carried: FileAttribution[][] = [];
  let trailerOnlyAiLines = 0;
  let commitsWithNotes = 0;
  const recorded = new Map<string, LargestBlastRadius>();
  for (const commit of commits) {
    const note = viewNote(commit.note);
    if (note && note.documents.length > 0) {
      commitsWithNotes++;
      carried.push(await remapAttributions(root, note.files, commit.sha, head));
      for (const [path, radius] of recordedBlastRadius(note.documents)) {
        if ((recorded.get(path)?.files ?? -1) < radius.files) recorded.set(path, radius);
      }
    } else {
      trailerOnlyAiLines += parseProvenanceTrailers(commit.message)?.aiLines ?? 0;
    }
  }
  const added = new Map<string, { count: number; lines: Set<number> }>();
  // Files with AI lines are diffed as text whatever the work tree's .gitattributes says (see textDiffsOf).
  const noted = new Set(carried.flat().map((file) => file.path));
  const diff = await textDiffsOf(
    await diffRevisions(root, mergeBase, head),
    (file) => file.newPath !== undefined && noted.has(file.newPath),
    (paths) => diffRevisions(root, mergeBase, head, { paths, text: true }),
  );
  for (const file of diff) {
    if (file.newPath !== undefined) added.set(pathOf(file), { count: file.addedLines.length, lines: new Set(file.addedLines) });
  }
  // Files the range adds lines to but no note mentions still count in the denominator.
  const everyFile = [...added].map(([path, { count }]) => ({ path, addedLines: count, aiLines: new Map() }));
  const files = restrictToAdded(mergeAttributions([everyFile, ...carried]), added);

  const withAi = files.filter((file) => file.aiLines.size > 0);
  const measured = blastRadius ? await blastRadiusByFile(withAi, blastRadius) : new Map<string, LargestBlastRadius>();
  const fromNotes = new Map([...recorded].filter(([path]) => withAi.some((file) => file.path === path)));
  const perFile = measured.size > 0 ? measured : fromNotes;
  const source = measured.size > 0 ? 'index' : fromNotes.size > 0 ? 'notes' : 'none';
  return {
    base: mergeBase,
    head,
    commits: commits.length,
    commitsWithNotes,
    trailerOnlyAiLines,
    summary: summarize(files, classifier, perFile, riskModel),
    files,
    blastRadius: perFile,
    blastRadiusSource: source,
  };
}
