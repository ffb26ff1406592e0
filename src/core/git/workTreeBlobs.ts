import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBlobs } from './blobs';

/** git's id of a blob holding `content` (SHA-1, or SHA-256 for 64-digit ids). */
export function blobId(content: Buffer, idLength: number): string {
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}

/**
 * The contents of blobs that usually also sit in the work tree (the version
 * being committed). A work-tree file whose hash is the blob's id is that
 * blob, byte for byte, and reading it is far cheaper than having git inflate
 * it; the others (partial staging, clean filters, symlinks) come from one
 * `git cat-file --batch`.
 */
export async function readBlobsPreferringWorkTree(
  root: string,
  files: ReadonlyArray<{ readonly path: string; readonly blob: string }>,
): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  const fromGit: string[] = [];
  for (const { path, blob } of files) {
    let content: Buffer | undefined;
    try {
      content = readFileSync(join(root, path));
    } catch {
      // Deleted or unreadable in the work tree: git has it.
    }
    if (content && blobId(content, blob.length) === blob) result.set(blob, content);
    else fromGit.push(blob);
  }
  for (const [id, content] of await readBlobs(root, fromGit)) result.set(id, content);
  return result;
}
