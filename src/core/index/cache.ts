import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { languageSpec } from './languages';
import { locateQuery } from './locator';
import type { ResolutionMemoTable } from './resolve/ecmascript';
import type { FileFacts, LanguageId, SkipReason } from './types';

/**
 * The persisted parse results of one repository, so a reload re-parses only
 * what changed. Entries are keyed by path and validated by mtime + size, with
 * the content hash as a second chance (a checkout that touched mtimes but not
 * content re-hashes without re-parsing). The schema stamp covers the format
 * version and the query files: changing either invalidates the whole cache.
 */

export const CACHE_FILE = 'index-cache.ndjson';
const FORMAT = 'ai-provenance/index-cache';
/** Bump when FileFacts or their extraction changes meaning. */
const FACTS_VERSION = 5;

export interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly hash: string;
  readonly facts?: FileFacts;
  readonly skipped?: SkipReason;
}

/** Import resolutions, valid while the file list and the configuration files are as `stamp` says. */
export interface CachedResolutions {
  readonly stamp: string;
  readonly entries: ResolutionMemoTable;
}

/** First line of the file; every following line is `[path, CachedFile]`. */
interface CacheHeader {
  readonly format: string;
  readonly schema: string;
  readonly root: string;
  readonly resolutions?: CachedResolutions;
}

let schemaStamp: string | undefined;

/** Hash of the facts version and every query file (`-file-level` for facts without name-level detail). */
export function cacheSchema(nameLevel = true): string {
  if (!nameLevel) return `${cacheSchema()}-file-level`;
  if (schemaStamp) return schemaStamp;
  const hash = createHash('sha1').update(String(FACTS_VERSION));
  const languages: LanguageId[] = ['typescript', 'tsx', 'javascript', 'python', 'go'];
  const files = new Set(languages.flatMap((id) => [...languageSpec(id).structureQueries, languageSpec(id).nestedQuery]));
  for (const file of [...files].filter(Boolean).sort()) hash.update(readFileSync(locateQuery(file)));
  schemaStamp = hash.digest('hex').slice(0, 16);
  return schemaStamp;
}

export interface LoadedCache {
  readonly files: Map<string, CachedFile>;
  readonly resolutions?: CachedResolutions;
  /** Why the cache (or part of it) was not used, when it existed but was unusable. */
  readonly note?: string;
}

/**
 * Reads the cache line by line: no single giant string or parse, and a
 * damaged line costs only that file's entry.
 */
export function loadCache(cacheDir: string | undefined, root: string, nameLevel = true): LoadedCache {
  const files = new Map<string, CachedFile>();
  if (!cacheDir) return { files };
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(cacheDir, CACHE_FILE));
  } catch {
    return { files };
  }
  let start = 0;
  let header: CacheHeader | undefined;
  let damaged = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const line = bytes.toString('utf8', start, end);
    start = end + 1;
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (!header) return { files, note: 'index cache ignored: corrupt header; rebuilding' };
      damaged++;
      continue;
    }
    if (!header) {
      header = value as CacheHeader;
      if (header?.format !== FORMAT) return { files, note: 'index cache ignored: unknown format; rebuilding' };
      if (header.schema !== cacheSchema(nameLevel)) return { files, note: 'index cache ignored: written by another version; rebuilding' };
      if (header.root !== root) return { files, note: 'index cache ignored: it belongs to another root; rebuilding' };
      continue;
    }
    if (isCacheLine(value)) files.set(value[0], value[1]);
    else damaged++;
  }
  if (!header) return { files, note: 'index cache ignored: empty; rebuilding' };
  const resolutions = isResolutions(header.resolutions) ? { resolutions: header.resolutions } : {};
  return damaged > 0
    ? { files, ...resolutions, note: `index cache: ${damaged} corrupt entries ignored; those files are re-parsed` }
    : { files, ...resolutions };
}

function isResolutions(value: unknown): value is CachedResolutions {
  const candidate = value as CachedResolutions | undefined;
  return typeof candidate?.stamp === 'string' && Array.isArray(candidate.entries);
}

function isCacheLine(value: unknown): value is [string, CachedFile] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return false;
  const entry = value[1] as CachedFile | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.mtimeMs === 'number' &&
    typeof entry.size === 'number' &&
    typeof entry.hash === 'string'
  );
}

/**
 * Writes atomically (temp file + rename) so a crash never leaves a half-written
 * cache, in chunks so saving never holds the whole serialised cache in memory.
 */
export function saveCache(
  cacheDir: string,
  root: string,
  files: Iterable<[string, CachedFile]>,
  nameLevel = true,
  resolutions?: CachedResolutions,
): void {
  mkdirSync(cacheDir, { recursive: true });
  const target = join(cacheDir, CACHE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  const descriptor = openSync(temporary, 'w');
  try {
    const header: CacheHeader = { format: FORMAT, schema: cacheSchema(nameLevel), root, ...(resolutions ? { resolutions } : {}) };
    let chunk = `${JSON.stringify(header)}\n`;
    for (const entry of files) {
      chunk += `${JSON.stringify(entry)}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(descriptor, chunk);
        chunk = '';
      }
    }
    writeSync(descriptor, chunk);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, target);
}
