import { isRecord } from '../../index/resolve/jsonc';
import { NOTE_SCHEMA, NOTE_VERSION, type CommitNote } from './schema';

export interface ParsedNote {
  readonly documents: readonly CommitNote[];
  readonly problems: readonly string[];
}

/**
 * Reads a note blob. It normally holds one single-line document; after git
 * copied notes on a rewrite (concatenate, cat_sort_uniq) it may hold several,
 * one per line. A hand-formatted (multi-line) document is read too.
 */
export function parseNoteText(text: string): ParsedNote {
  const documents: CommitNote[] = [];
  const problems: string[] = [];
  const whole = tryParse(text);
  const candidates =
    whole !== undefined
      ? [whole]
      : text
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map(tryParse);
  for (const candidate of candidates) {
    const problem = noteProblem(candidate);
    if (problem) problems.push(problem);
    else documents.push(candidate as CommitNote);
  }
  return { documents, problems };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function noteProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not a JSON object';
  if (value.schema !== NOTE_SCHEMA) return `not an AI Provenance note (schema ${JSON.stringify(value.schema)})`;
  if (typeof value.version !== 'number' || value.version > NOTE_VERSION)
    return `note version ${String(value.version)} is newer than this tool understands`;
  if (typeof value.commit !== 'string' || !isRecord(value.files) || !isRecord(value.totals)) return 'note is missing commit, totals or files';
  for (const [path, file] of Object.entries(value.files)) {
    if (!isRecord(file) || !Array.isArray(file.ranges)) return `note file ${path} has no ranges`;
    for (const range of file.ranges) {
      if (!isRecord(range) || !Number.isInteger(range.start) || !Number.isInteger(range.end) || typeof range.source !== 'string') {
        return `note file ${path} has a malformed range`;
      }
    }
  }
  return undefined;
}
