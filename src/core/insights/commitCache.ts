import { join } from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../store/atomicFile';
import { EMPTY_TALLY, type CommitRecord, type FileAiFacts, type Tally } from './commitRecord';

/** In the repository's AI Provenance folder, next to the region store; safe to delete. */
export const INSIGHTS_CACHE_FILE = 'insights-cache.json';
/** Bumped when the format or CommitRecord changes meaning: an older cache is then ignored and rebuilt. */
const CACHE_VERSION = 2;

/**
 * The file is read on every run, so it is compact: each path once in a
 * table, each commit a tuple. Parsing it is most of a warm run's work.
 */
type EncodedTally = [string[], number[]];
type EncodedFile = [
  path: number,
  lines: number,
  reviewed: number,
  sources: EncodedTally,
  tools: EncodedTally,
  models: EncodedTally,
  blast: [number, number] | 0,
];
type EncodedCommit = [sha: string, author: string, email: string, time: number, noteBlob: string, added: number[], ai: EncodedFile[]];

interface CacheFile {
  readonly version: number;
  readonly paths: string[];
  readonly commits: EncodedCommit[];
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
    if (!text) return records;
    const file = JSON.parse(text) as CacheFile;
    if (file.version !== CACHE_VERSION || !Array.isArray(file.paths) || !Array.isArray(file.commits)) return records;
    for (const encoded of file.commits) {
      const record = decode(encoded, file.paths);
      records.set(record.sha, record);
    }
  } catch {
    // A torn, hand-edited or unreadable cache: rebuilt from git.
    records.clear();
  }
  return records;
}

export async function saveCommitCache(cacheDir: string, records: Iterable<CommitRecord>): Promise<void> {
  const paths: string[] = [];
  const indexes = new Map<string, number>();
  const pathIndex = (path: string) => {
    let index = indexes.get(path);
    if (index === undefined) {
      index = paths.push(path) - 1;
      indexes.set(path, index);
    }
    return index;
  };
  const commits: EncodedCommit[] = [];
  for (const record of records) {
    const added = Object.entries(record.added).flatMap(([path, lines]) => [pathIndex(path), lines]);
    const ai = Object.entries(record.ai).map(([path, facts]): EncodedFile => [
      pathIndex(path),
      facts.lines,
      facts.reviewed,
      encodeTally(facts.sources),
      encodeTally(facts.tools),
      encodeTally(facts.models),
      facts.blast ? [facts.blast[0], facts.blast[1]] : 0,
    ]);
    commits.push([record.sha, record.author, record.email, record.time, record.noteBlob ?? '', added, ai]);
  }
  await writeFileAtomic(join(cacheDir, INSIGHTS_CACHE_FILE), JSON.stringify({ version: CACHE_VERSION, paths, commits } satisfies CacheFile));
}

function decode([sha, author, email, time, noteBlob, added, ai]: EncodedCommit, paths: readonly string[]): CommitRecord {
  const addedByPath: Record<string, number> = {};
  for (let index = 0; index < added.length; index += 2) addedByPath[paths[added[index]]] = added[index + 1];
  const aiByPath: Record<string, FileAiFacts> = {};
  for (const [path, lines, reviewed, sources, tools, models, blast] of ai) {
    aiByPath[paths[path]] = {
      lines,
      reviewed,
      sources: decodeTally(sources),
      tools: decodeTally(tools),
      models: decodeTally(models),
      ...(blast ? { blast } : {}),
    };
  }
  return { sha, author, email, time, added: addedByPath, ...(noteBlob ? { noteBlob } : {}), ai: aiByPath };
}

function encodeTally(tally: Tally): EncodedTally {
  return [[...tally.names], [...tally.lines]];
}

function decodeTally([names, lines]: EncodedTally): Tally {
  return names.length === 0 ? EMPTY_TALLY : { names, lines };
}
