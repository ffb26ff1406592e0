import { createHash } from 'node:crypto';

/** A file's lines as git numbers them (split at "\n"; a CR before it is dropped). */
export function gitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/**
 * SHA-256 of lines start..end (1-based, inclusive) joined by "\n"; undefined
 * when the file has fewer lines. A sign-off stores it per range, so a range
 * whose text changed since (or was never there) is not covered.
 */
export function linesHash(lines: readonly string[], start: number, end: number): string | undefined {
  if (start < 1 || end > lines.length || end < start) return undefined;
  return createHash('sha256')
    .update(lines.slice(start - 1, end).join('\n'))
    .digest('hex');
}

/**
 * Where lines with this hash are now: the start (1-based) of the window of
 * `length` lines nearest to `near` whose hash matches, or undefined. Used for
 * a rebased commit, whose lines may have moved while their text did not.
 */
export function findLines(lines: readonly string[], length: number, sha256: string, near: number): number | undefined {
  let best: number | undefined;
  for (let start = 1; start + length - 1 <= lines.length; start++) {
    if (best !== undefined && Math.abs(start - near) >= Math.abs(best - near)) continue;
    if (linesHash(lines, start, start + length - 1) === sha256) best = start;
  }
  return best;
}
