import { isRecord } from '../index/resolve/jsonc';
import { SIGNOFF_SCHEMA, SIGNOFF_VERSION, type SignOffDocument } from './schema';

export interface ParsedSignOffs {
  readonly documents: readonly SignOffDocument[];
  readonly problems: readonly string[];
}

/** Reads a note of the sign-offs ref: one document per line (blank lines between appended documents are skipped). */
export function parseSignOffNote(text: string): ParsedSignOffs {
  const documents: SignOffDocument[] = [];
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push('a line of the sign-off note is not JSON');
      continue;
    }
    const problem = documentProblem(value);
    if (problem) problems.push(problem);
    else documents.push(value as SignOffDocument);
  }
  return { documents, problems };
}

const HEX = /^[0-9a-f]{40,64}$/;

function documentProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'a sign-off is not a JSON object';
  if (value.schema !== SIGNOFF_SCHEMA) return `not a sign-off (schema ${JSON.stringify(value.schema)})`;
  if (typeof value.version !== 'number' || value.version > SIGNOFF_VERSION)
    return `sign-off version ${String(value.version)} is newer than this tool understands`;
  const reviewer = value.reviewer;
  if (!isRecord(reviewer) || typeof reviewer.name !== 'string' || typeof reviewer.email !== 'string')
    return 'a sign-off has no reviewer name and email';
  if (typeof value.signedOffAt !== 'string' || Number.isNaN(Date.parse(value.signedOffAt))) return 'a sign-off has no valid signedOffAt time';
  if (typeof value.base !== 'string' || typeof value.head !== 'string' || !Array.isArray(value.commits))
    return 'a sign-off is missing base, head or commits';
  for (const commit of value.commits) {
    if (!isRecord(commit) || typeof commit.sha !== 'string' || !HEX.test(commit.sha) || !Array.isArray(commit.files))
      return 'a sign-off names a malformed commit';
    for (const file of commit.files) {
      if (!isRecord(file) || typeof file.path !== 'string' || !Array.isArray(file.ranges))
        return `a sign-off of ${commit.sha.slice(0, 10)} names a malformed file`;
      for (const range of file.ranges) {
        if (
          !isRecord(range) ||
          !Number.isInteger(range.start) ||
          !Number.isInteger(range.end) ||
          (range.start as number) < 1 ||
          (range.end as number) < (range.start as number) ||
          typeof range.sha256 !== 'string'
        ) {
          return `a sign-off of ${file.path} has a malformed line range`;
        }
      }
    }
  }
  const signature = value.signature;
  if (
    signature !== undefined &&
    (!isRecord(signature) || (signature.format !== 'ssh' && signature.format !== 'openpgp') || typeof signature.signature !== 'string')
  ) {
    return 'a sign-off has a malformed signature';
  }
  return undefined;
}
