import { createHash } from 'node:crypto';
import type { SignOffDocument } from './schema';

/** JSON with object keys sorted at every level: the same document always gives the same bytes. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The bytes a signature covers: the document without its signature, as
 * canonical JSON, so that reformatting or re-ordering a stored document does
 * not break its signature while changing any value does.
 */
export function signedPayload(document: SignOffDocument): string {
  const { signature: _signature, ...unsigned } = document;
  return canonicalJson(unsigned);
}

export function signOffId(document: SignOffDocument): string {
  return createHash('sha256').update(signedPayload(document)).digest('hex');
}

/** How a document is stored: one line of JSON (git's note merges then keep each document whole). */
export function serializeSignOff(document: SignOffDocument): string {
  return JSON.stringify(document);
}
