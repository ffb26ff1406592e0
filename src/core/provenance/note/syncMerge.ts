import { diffCommits } from '../../git/diff';
import type { FileDiff } from '../../git/diffParse';
import { commitsMadeHere } from '../../git/madeHere';
import type { NoteConflict, NotesMerge } from '../../git/notesSync/types';
import { isRecord } from '../../index/resolve/jsonc';
import type { FileAttribution } from '../lineOrigin';
import { noteAttributions, serializeNote } from './build';
import { mergeAttributions, restrictToAdded } from './merge';
import { mergeNoteDocuments, type DocumentLines } from './mergeDocuments';
import { parseNoteText } from './parse';
import { addedLinesByPath } from './record';
import { remapAttributions } from './remap';
import { NOTE_SCHEMA, NOTE_VERSION, type CommitNote } from './schema';

/** A note's lines sorted out: documents this version reads, lines to keep as they are, and what was wrong. */
interface SplitNote {
  readonly documents: CommitNote[];
  /** Documents of a newer note version, or (local side only) lines that could not be read: kept verbatim. */
  readonly verbatim: string[];
  readonly invalid: string[];
}

function splitNote(text: string, keepInvalid: boolean): SplitNote {
  const split: SplitNote = { documents: [], verbatim: [], invalid: [] };
  const whole = parseNoteText(text);
  const candidates = whole.documents.length === 1 && whole.problems.length === 0 ? [text] : text.split('\n').filter((line) => line.trim() !== '');
  for (const candidate of candidates) {
    const { documents, problems } = parseNoteText(candidate);
    if (documents.length > 0) {
      split.documents.push(...documents);
      continue;
    }
    const value = tryParse(candidate);
    if (isRecord(value) && value.schema === NOTE_SCHEMA && typeof value.version === 'number' && value.version > NOTE_VERSION)
      split.verbatim.push(JSON.stringify(value));
    else if (keepInvalid) split.verbatim.push(candidate.trim());
    else split.invalid.push(problems[0] ?? 'unreadable');
  }
  return split;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const hasRanges = (document: CommitNote) => Object.values(document.files).some((file) => file.ranges.length > 0);
const lineCount = (files: readonly FileAttribution[]) => files.reduce((sum, file) => sum + file.aiLines.size, 0);

/**
 * The JSON-aware merge of refs/notes/ai-provenance (see docs/TRAILERS.md,
 * "Sharing notes"). The remote is a trust boundary:
 * - a local note is never dropped or narrowed: both sides' AI lines are
 *   united, and a review recorded on either side is kept (also when the
 *   remote's notes descend from ours: a rewritten remote note cannot take
 *   lines or reviews away);
 * - a remote document may only call AI the lines its commit adds: the rest
 *   is removed (a teammate's note cannot make lines of another commit AI);
 *   a copied document is first mapped onto the commit;
 * - of a commit this clone made (its reflogs say so) and noted, the local
 *   note is the record the hooks wrote when it was made: a remote document
 *   cannot make AI a line that note has as human;
 * - unreadable remote documents are not taken; documents of a newer note
 *   version, and notes for commits that are not here, are kept unchanged
 *   (they are someone's data this clone cannot check).
 */
export const mergeProvenanceNotes: NotesMerge = async (root, conflicts) => {
  const problems: string[] = [];
  const split = conflicts.map((conflict) => ({
    conflict,
    local: conflict.local !== undefined ? splitNote(conflict.local, true) : undefined,
    remote: splitNote(conflict.remote, false),
  }));
  const wanted = new Set<string>();
  for (const { conflict, remote } of split) {
    for (const document of remote.documents.filter(hasRanges)) wanted.add(conflict.object).add(document.commit);
  }
  const diffs = await diffCommits(
    root,
    [...wanted].filter((id) => /^[0-9a-f]{40,64}$/.test(id)),
  );
  const ownNoted = split.some(({ conflict, local }) => local?.documents.some((document) => document.commit === conflict.object));
  const madeHere = ownNoted ? await commitsMadeHere(root) : new Set<string>();
  const texts = new Map<string, string | undefined>();
  for (const entry of split) {
    const short = entry.conflict.object.slice(0, 10);
    for (const reason of entry.remote.invalid) problems.push(`the remote's note for ${short} was not taken: ${reason}`);
    texts.set(entry.conflict.object, await mergeOne(root, entry.conflict, entry.local, entry.remote, { diffs, madeHere }, problems));
  }
  return { texts, problems };
};

interface MergeContext {
  readonly diffs: ReadonlyMap<string, FileDiff[]>;
  /** Commits this clone made: its own note of one says which lines are human. */
  readonly madeHere: ReadonlySet<string>;
}

async function mergeOne(
  root: string,
  conflict: NoteConflict,
  local: SplitNote | undefined,
  remote: SplitNote,
  context: MergeContext,
  problems: string[],
): Promise<string | undefined> {
  const { object } = conflict;
  const diff = context.diffs.get(object);
  const localParts: DocumentLines[] = [];
  const remoteParts: DocumentLines[] = [];
  const localSeparate: string[] = [];
  const remoteSeparate: string[] = [];
  let trimmed = 0;
  for (const document of local?.documents ?? []) {
    if (document.commit === object) localParts.push({ document, files: noteAttributions(document) });
    else localSeparate.push(serializeNote(document).trim());
  }
  const own = context.madeHere.has(object) && localParts.length > 0 ? aiLineSets(localParts) : undefined;
  let refused = 0;
  for (const document of remote.documents) {
    if (!hasRanges(document) || !diff) {
      // Nothing to check, or a commit this clone does not have: taken as it is.
      if (document.commit === object) remoteParts.push({ document, files: noteAttributions(document) });
      else remoteSeparate.push(serializeNote(document).trim());
      continue;
    }
    const checked = await checkedLines(root, document, object, diff, context.diffs);
    trimmed += lineCount(noteAttributions(document)) - lineCount(checked);
    const kept = own ? onlyLines(checked, own) : checked;
    refused += lineCount(checked) - lineCount(kept);
    remoteParts.push({ document: { ...document, commit: object }, files: kept });
  }
  const short = object.slice(0, 10);
  if (trimmed > 0)
    problems.push(`the remote's note for ${short} called ${trimmed} line${trimmed === 1 ? '' : 's'} AI that the commit does not add: not taken`);
  if (refused > 0)
    problems.push(
      `the remote's note for ${short} called ${refused} line${refused === 1 ? '' : 's'} AI that this clone's own note of the commit (made here) records as human: not taken`,
    );
  const remoteExtras = new Set([...remoteSeparate, ...remote.verbatim]);
  const localExtras = [...localSeparate, ...(local?.verbatim ?? [])];
  const localAddsNothing = localExtras.every((line) => remoteExtras.has(line)) && covers(remoteParts, localParts);
  // The remote's own text (the same blob, so the ref can fast-forward) when it already holds everything local.
  if (localAddsNothing && trimmed === 0 && refused === 0 && remote.invalid.length === 0) return conflict.remote;
  // The local text, untouched, when the remote adds nothing to it.
  const localSet = new Set(localExtras);
  if (conflict.local !== undefined && [...remoteExtras].every((line) => localSet.has(line)) && covers(localParts, remoteParts)) return conflict.local;
  const parts = [...localParts, ...remoteParts];
  const lines = [...(parts.length > 0 ? [serializeNote(mergeNoteDocuments(object, parts)).trim()] : []), ...localExtras, ...remoteExtras];
  const unique = [...new Set(lines)];
  return unique.length > 0 ? `${unique.join('\n')}\n` : undefined;
}

/** Line numbers per path of the AI lines in some documents. */
function aiLineSets(parts: readonly DocumentLines[]): Map<string, Set<number>> {
  const sets = new Map<string, Set<number>>();
  for (const part of parts) {
    for (const file of part.files) {
      const set = sets.get(file.path) ?? new Set<number>();
      for (const line of file.aiLines.keys()) set.add(line);
      sets.set(file.path, set);
    }
  }
  return sets;
}

function onlyLines(files: readonly FileAttribution[], allowed: ReadonlyMap<string, ReadonlySet<number>>): FileAttribution[] {
  return files.map((file) => ({ ...file, aiLines: new Map([...file.aiLines].filter(([line]) => allowed.get(file.path)?.has(line))) }));
}

/** Whether `outer` has every AI line of `inner`, reviewed wherever `inner` has it reviewed. */
function covers(outer: readonly DocumentLines[], inner: readonly DocumentLines[]): boolean {
  if (inner.length === 0) return true;
  const united = new Map(mergeAttributions(outer.map((part) => part.files)).map((file) => [file.path, file.aiLines]));
  return inner.every((part) =>
    part.files.every((file) =>
      [...file.aiLines].every(([line, origin]) => {
        const theirs = united.get(file.path)?.get(line);
        return theirs !== undefined && (!origin.reviewed || theirs.reviewed !== undefined);
      }),
    ),
  );
}

/** The document's AI lines that its commit really adds, mapped onto `object` first when the document was copied from another commit. */
async function checkedLines(
  root: string,
  document: CommitNote,
  object: string,
  diff: readonly FileDiff[],
  diffs: ReadonlyMap<string, FileDiff[]>,
): Promise<FileAttribution[]> {
  let files: FileAttribution[] = noteAttributions(document);
  if (document.commit !== object && diffs.has(document.commit)) {
    try {
      files = await remapAttributions(root, files, document.commit, object);
    } catch {
      // Unmappable: the line numbers are checked as they are.
    }
  }
  return restrictToAdded(files, addedLinesByPath(diff));
}
