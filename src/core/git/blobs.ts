import { gitBuffer } from './exec';

/**
 * Reads many objects with one `git cat-file --batch` process: one spawn per
 * commit, however many files it touches. Object names that git cannot find
 * are absent from the result.
 */
export async function readBlobs(cwd: string, names: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(names)];
  const blobs = new Map<string, Buffer>();
  if (unique.length === 0) return blobs;
  const { stdout } = await gitBuffer(['cat-file', '--batch'], { cwd, input: `${unique.join('\n')}\n` });
  let offset = 0;
  for (const name of unique) {
    const newline = stdout.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = stdout.toString('utf8', offset, newline);
    offset = newline + 1;
    // "<oid> <type> <size>", or "<name> missing" / "<name> ambiguous".
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) continue;
    const size = Number(match[2]);
    if (match[1] === 'blob') blobs.set(name, stdout.subarray(offset, offset + size));
    offset += size + 1; // the content is followed by a newline
  }
  return blobs;
}
