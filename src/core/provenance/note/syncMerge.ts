import { diffCommits } from '../../git/diff';
import type { FileDiff } from '../../git/diffParse';
import type { NoteConflict, NotesMerge } from '../../git/notesSync/types';
import { isRecord } from '../../index/resolve/jsonc';
import type { FileAttribution } from '../lineOrigin';
import { noteAttributions, serializeNote } from './build';
import { restrictToAdded } from './merge';
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
    if (isRecord(value) && value.schema === NOTE_SCHEMA && typeof value.version === 'number' && value.version > NOTE_VERSION) split.verbatim.push(JSON.stringify(value));
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
 * - a local note is never dropped: both sides' AI lines are united, and a
 *   review recorded on either side is kept;
 * - a remote document may only call AI the lines its commit adds: the rest
 *   is removed (a teammate's note cannot make your lines, or lines of
 *   another commit, AI); a copied document is first mapped onto the commit;
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
  const diffs = await diffCommits(root, [...wanted].filter((id) => /^[0-9a-f]{40,64}$/.test(id)));
  const texts = new Map<string, string | undefined>();
  for (const entry of split) {
    const short = entry.conflict.object.slice(0, 10);
    for (const reason of entry.remote.invalid) problems.push(`the remote's note for ${short} was not taken: ${reason}`);
    texts.set(entry.conflict.object, await mergeOne(root, entry.conflict, entry.local, entry.remote, diffs, problems));
  }
  return { texts, problems };
};

async function mergeOne(
  root: string,
  conflict: NoteConflict,
  local: SplitNote | undefined,
  remote: SplitNote,
  diffs: ReadonlyMap<string, FileDiff[]>,
  problems: string[],
): Promise<string | undefined> {
  const { object } = conflict;
  const diff = diffs.get(object);
  const parts: DocumentLines[] = [];
  const separate: string[] = [];
  let trimmed = 0;
  for (const document of local?.documents ?? []) {
    if (document.commit === object) parts.push({ document, files: noteAttributions(document) });
    else separate.push(serializeNote(document).trim());
  }
  for (const document of remote.documents) {
    if (!hasRanges(document) || !diff) {
      // Nothing to check, or a commit this clone does not have: taken as it is.
      if (document.commit === object) parts.push({ document, files: noteAttributions(document) });
      else separate.push(serializeNote(document).trim());
      continue;
    }
    const checked = await checkedLines(root, document, object, diff, diffs);
    trimmed += lineCount(noteAttributions(document)) - lineCount(checked);
    parts.push({ document: { ...document, commit: object }, files: checked });
  }
  if (trimmed > 0) problems.push(`the remote's note for ${object.slice(0, 10)} called ${trimmed} line${trimmed === 1 ? '' : 's'} AI that the commit does not add: not taken`);
  const untouched = local === undefined && trimmed === 0 && remote.invalid.length === 0;
  if (untouched) return conflict.remote; // the remote's own text: the same blob, so the ref can fast-forward
  const lines = [
    ...(parts.length > 0 ? [serializeNote(mergeNoteDocuments(object, parts)).trim()] : []),
    ...separate,
    ...(local?.verbatim ?? []),
    ...remote.verbatim,
  ];
  const unique = [...new Set(lines)];
  return unique.length > 0 ? `${unique.join('\n')}\n` : undefined;
}

/** The document's AI lines that its commit really adds, mapped onto `object` first when the document was copied from another commit. */
async function checkedLines(root: string, document: CommitNote, object: string, diff: readonly FileDiff[], diffs: ReadonlyMap<string, FileDiff[]>): Promise<FileAttribution[]> {
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
