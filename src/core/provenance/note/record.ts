import { pathOf, type FileDiff } from '../../git/diffParse';
import { readNote, writeNote } from '../../git/notes';
import type { LoadBearingClassifier } from '../../loadBearing';
import type { RegionSource } from '../attribute';
import type { BlastRadiusProvider } from '../blastRadius';
import { computeCommitProvenance, type CommitProvenance } from '../computeCommitProvenance';
import type { FileAttribution } from '../lineOrigin';
import type { ProvenanceSettings } from '../settings';
import { summarize } from '../summary';
import { buildNote, noteAttributions, serializeNote } from './build';
import { mergeAttributions, restrictToAdded } from './merge';
import { parseNoteText } from './parse';
import { recordedBlastRadius } from './readCommitNote';
import { remapAttributions } from './remap';
import { NOTES_REF, type CommitNote } from './schema';

export interface RecordNoteOptions {
  readonly settings: ProvenanceSettings;
  readonly classifier: LoadBearingClassifier;
  readonly blastRadius?: BlastRadiusProvider;
  /** Commits this one replaces or copies (amend, rebase, squash, cherry-pick): their notes are carried over. */
  readonly derivedFrom?: readonly string[];
}

export type RecordOutcome = { readonly kind: 'written'; readonly note: CommitNote } | { readonly kind: 'none' | 'merge-commit' };

/**
 * Writes the note of `commit`: the AI lines the region store attributes to
 * it, united with the notes already on it (git may have copied some there)
 * and those of the commits it was derived from, each remapped onto its
 * lines and limited to the lines the commit itself adds.
 */
export async function recordCommitNote(root: string, store: RegionSource, commit: string, options: RecordNoteOptions): Promise<RecordOutcome> {
  const provenance = await computeCommitProvenance(root, store, {
    target: { kind: 'commit', commit },
    settings: options.settings,
    classifier: options.classifier,
    ...(options.blastRadius ? { blastRadius: options.blastRadius } : {}),
  });
  if (provenance.parents.length > 1) return { kind: 'merge-commit' };

  const carried: FileAttribution[][] = [];
  const existing = await readNote(root, NOTES_REF, commit);
  const documents = existing ? [...parseNoteText(existing).documents] : [];
  for (const source of options.derivedFrom ?? []) {
    const text = await readNote(root, NOTES_REF, source);
    if (text) documents.push(...parseNoteText(text).documents);
  }
  for (const document of documents) carried.push(await carriedOver(root, document, commit));

  const note = noteOf(commit, provenance, options, documents, carried);
  await writeNote(root, NOTES_REF, commit, serializeNote(note));
  return { kind: 'written', note };
}

/**
 * The note of `commit` from its provenance (which must describe exactly that
 * commit's changes), united with the notes carried over (`documents`, and
 * their attributions remapped onto the commit, `carried`). The commit hooks'
 * hand-off builds its note with this too, so both ways give the same note.
 */
export function noteOf(
  commit: string,
  provenance: Pick<CommitProvenance, 'files' | 'diff' | 'blastRadius' | 'summary'>,
  options: Pick<RecordNoteOptions, 'settings' | 'classifier'>,
  documents: readonly CommitNote[] = [],
  carried: readonly FileAttribution[][] = [],
): CommitNote {
  // Nothing carried over: a commit's own provenance already counts only the lines it adds, and is summarized.
  if (documents.length === 0 && carried.length === 0) return buildNote(commit, provenance.files, provenance.summary, provenance.blastRadius);
  const files = restrictToAdded(mergeAttributions([provenance.files, ...carried]), addedLinesByPath(provenance.diff));
  // Radii measured now win; without an index, those recorded for the same lines when they were committed.
  const blast = new Map([...recordedBlastRadius(documents), ...provenance.blastRadius]);
  const summary = summarize(files, options.classifier, blast, options.settings.project.risk);
  // Written with no AI lines too (`aiLines: 0`): "tracked, nothing AI" must differ from "never tracked" (the gate's attestation).
  return buildNote(commit, files, summary, blast);
}

async function carriedOver(root: string, document: CommitNote, commit: string): Promise<FileAttribution[]> {
  const files = noteAttributions(document);
  if (document.commit === commit) return files;
  try {
    return await remapAttributions(root, files, document.commit, commit);
  } catch {
    // The original commit is gone (gc'd, or never fetched): its line numbers cannot be trusted here.
    return [];
  }
}

/** Per path, the non-blank lines a commit's diff adds (what a note may call AI). */
export function addedLinesByPath(diff: readonly FileDiff[]): Map<string, { count: number; lines: Set<number> }> {
  const added = new Map<string, { count: number; lines: Set<number> }>();
  for (const file of diff) {
    if (file.newPath === undefined || file.addedLines.length === 0) continue;
    added.set(pathOf(file), { count: file.addedLines.length, lines: new Set(file.addedLines) });
  }
  return added;
}
