import { diffCommits } from '../../git/diff';
import { git } from '../../git/exec';
import { readNote, writeNote } from '../../git/notes';
import type { LoadBearingClassifier } from '../../loadBearing';
import type { RiskModelConfig } from '../../risk';
import { rangeCommits, type RangeCommit } from '../gate/rangeCommits';
import type { FileAttribution } from '../lineOrigin';
import { buildNote, noteAttributions, serializeNote } from '../note/build';
import { mergeAttributions, restrictToAdded } from '../note/merge';
import { mergeNoteDocuments, type DocumentLines } from '../note/mergeDocuments';
import { parseNoteText } from '../note/parse';
import { recordedBlastRadius, viewNote } from '../note/readCommitNote';
import { addedLinesByPath } from '../note/record';
import { remapAttributions } from '../note/remap';
import { NOTES_REF, type CommitNote } from '../note/schema';
import { summarize } from '../summary';
import { commitIdentities } from './commitIdentity';

export interface CarryOptions {
  readonly classifier: LoadBearingClassifier;
  readonly riskModel?: RiskModelConfig;
}

export interface CarryOutcome {
  readonly target: string;
  /** written: the target's note now holds the carried lines; none: no source line is in the target; merge-commit: merges get no note. */
  readonly kind: 'written' | 'none' | 'merge-commit';
  readonly aiLines: number;
  /** The source commits whose notes were carried (one for a rebased commit, all for a squash). */
  readonly sources: readonly string[];
}

/**
 * Carries the notes of the work merged as `base..head` (a pull request's
 * commits) onto the commits a forge made from it: one squash commit, or one
 * rebased copy per commit. A rebased copy (same author, author date and
 * subject as a source commit) takes that commit's note; any other target
 * takes every source's. Each source note is mapped onto the target through
 * the diff between them, so a line counts only where its content survived
 * unchanged, and only among the lines the target itself adds: no line
 * becomes AI that was not AI in the source. Reviews carry over; a note
 * already on the target is kept and united with the carried lines.
 */
export async function carryNotes(
  root: string,
  base: string,
  head: string,
  targets: readonly string[],
  options: CarryOptions,
): Promise<CarryOutcome[]> {
  const merged = await rangeCommits(root, base, head);
  const sources = merged.filter((commit) => commit.note !== undefined);
  const identities = await commitIdentities(root, [...merged.map((commit) => commit.sha), ...targets]);
  const diffs = await diffCommits(root, targets);
  const outcomes: CarryOutcome[] = [];
  for (const target of targets) {
    const diff = diffs.get(target);
    if (!diff || (await isMerge(root, target))) {
      outcomes.push({ target, kind: 'merge-commit', aiLines: 0, sources: [] });
      continue;
    }
    // A rebased copy takes its own commit's note (none if that commit had none); anything else, all of them.
    const twin = merged.filter((commit) => identities.get(commit.sha) === identities.get(target));
    const from = twin.length === 1 ? twin.filter((commit) => commit.note !== undefined) : sources;
    const added = addedLinesByPath(diff);
    const carried: FileAttribution[][] = [];
    for (const source of from) carried.push(restrictToAdded(await mapped(root, source, target), added));
    const files = mergeAttributions(carried).filter((file) => file.aiLines.size > 0);
    const aiLines = files.reduce((sum, file) => sum + file.aiLines.size, 0);
    if (aiLines === 0) {
      outcomes.push({ target, kind: 'none', aiLines: 0, sources: from.map((source) => source.sha) });
      continue;
    }
    const documents = from.flatMap((source) => viewNote(source.note)?.documents ?? []);
    const blast = recordedBlastRadius(documents);
    const summary = summarize(files, options.classifier, blast, options.riskModel);
    const carriedNote: CommitNote = { ...buildNote(target, files, summary, blast), carriedFrom: from.map((source) => source.sha) };
    const note = mergeWithExisting(target, carriedNote, files, await readNote(root, NOTES_REF, target));
    await writeNote(root, NOTES_REF, target, serializeNote(note));
    outcomes.push({ target, kind: 'written', aiLines: note.totals.aiLines, sources: from.map((source) => source.sha) });
  }
  return outcomes;
}

/** A source commit's AI lines, placed on the target's version of its files. */
async function mapped(root: string, source: RangeCommit, target: string): Promise<FileAttribution[]> {
  const files = viewNote(source.note)?.files ?? [];
  try {
    return await remapAttributions(root, files, source.sha, target);
  } catch {
    return [];
  }
}

function mergeWithExisting(target: string, carried: CommitNote, files: readonly FileAttribution[], existing: string | undefined): CommitNote {
  const parts: DocumentLines[] = [{ document: carried, files }];
  for (const document of existing ? parseNoteText(existing).documents : []) {
    if (document.commit === target) parts.push({ document, files: noteAttributions(document) });
  }
  return parts.length === 1 ? carried : mergeNoteDocuments(target, parts);
}

async function isMerge(root: string, commit: string): Promise<boolean> {
  const { exitCode } = await git(['rev-parse', '-q', '--verify', `${commit}^2`], { cwd: root, allowFailure: true });
  return exitCode === 0;
}
