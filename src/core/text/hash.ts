import { createHash } from 'node:crypto';

/** Identifies a version of a file's text (line breaks included). */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
