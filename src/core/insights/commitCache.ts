import { join } from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../store/atomicFile';
import type { CommitRecord } from './commitRecord';

/** In the repository's AI Provenance folder, next to the region store; safe to delete. */
export const INSIGHTS_CACHE_FILE = 'insights-cache.json';
/** Bumped when CommitRecord changes meaning: an older cache is then ignored and rebuilt. */
const CACHE_VERSION = 1;

interface CacheFile {
  readonly version: number;
  readonly commits: Record<string, Omit<CommitRecord, 'sha'>>;
}

/**
 * Commits already read, by id. A commit never changes; its note can, so each
 * entry remembers the note blob it was read from. An unreadable or older
 * cache is an empty one: the history is read again.
 */
export async function loadCommitCache(cacheDir: string): Promise<Map<string, CommitRecord>> {
  const records = new Map<string, CommitRecord>();
  let text: string | undefined;
  try {
    text = await readFileIfExists(join(cacheDir, INSIGHTS_CACHE_FILE));
  } catch {
    return records;
  }
  if (!text) return records;
  try {
    const file = JSON.parse(text) as CacheFile;
    if (file.version !== CACHE_VERSION || typeof file.commits !== 'object' || file.commits === null) return records;
    for (const [sha, record] of Object.entries(file.commits)) records.set(sha, { sha, ...record });
  } catch {
    // A torn or hand-edited cache: rebuilt from git.
  }
  return records;
}

export async function saveCommitCache(cacheDir: string, records: Iterable<CommitRecord>): Promise<void> {
  const commits: Record<string, Omit<CommitRecord, 'sha'>> = {};
  for (const { sha, ...rest } of records) commits[sha] = rest;
  await writeFileAtomic(join(cacheDir, INSIGHTS_CACHE_FILE), JSON.stringify({ version: CACHE_VERSION, commits } satisfies CacheFile));
}
