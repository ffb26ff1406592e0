import { readFileSync, statSync } from 'node:fs';

/** Files larger than this are not tracked (their regions are kept, not re-anchored). */
export const DEFAULT_MAX_TEXT_BYTES = 5 * 1024 * 1024;

export type TextFileResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'too-large'; readonly bytes: number };

/** Reads a file as text, refusing binary and oversized files with a reason. */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_TEXT_BYTES): TextFileResult {
  let bytes: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { kind: 'missing' };
    bytes = stat.size;
  } catch {
    return { kind: 'missing' };
  }
  if (bytes > maxBytes) return { kind: 'too-large', bytes };
  const buffer = readFileSync(path);
  if (looksBinary(buffer)) return { kind: 'binary' };
  return { kind: 'text', text: buffer.toString('utf8') };
}

/** Git's rule of thumb: a NUL byte in the first 8 KB means binary. */
export function looksBinary(buffer: Uint8Array): boolean {
  const length = Math.min(buffer.length, 8000);
  for (let i = 0; i < length; i++) if (buffer[i] === 0) return true;
  return false;
}

export function describeUnreadable(result: Exclude<TextFileResult, { kind: 'text' }>): string {
  switch (result.kind) {
    case 'missing':
      return 'does not exist';
    case 'binary':
      return 'is a binary file';
    case 'too-large':
      return `is too large (${Math.round(result.bytes / 1024)} KB)`;
  }
}
