import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageSpec } from './languages';
import { locateQuery } from './locator';
import type { FileFacts, LanguageId, SkipReason } from './types';

/**
 * The persisted parse results of one repository, so a reload re-parses only
 * what changed. Entries are keyed by path and validated by mtime + size, with
 * the content hash as a second chance (a checkout that touched mtimes but not
 * content re-hashes without re-parsing). The schema stamp covers the format
 * version and the query files: changing either invalidates the whole cache.
 */

export const CACHE_FILE = 'index-cache.json';
const FORMAT = 'ai-provenance/index-cache';
/** Bump when FileFacts or their extraction changes meaning. */
const FACTS_VERSION = 3;

export interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly hash: string;
  readonly facts?: FileFacts;
  readonly skipped?: SkipReason;
}

interface CacheDocument {
  readonly format: string;
  readonly schema: string;
  readonly root: string;
  readonly files: Record<string, CachedFile>;
}

let schemaStamp: string | undefined;

/** Hash of the facts version and every query file. */
export function cacheSchema(): string {
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
  /** Why the cache was not used, when it existed but was unusable. */
  readonly note?: string;
}

export function loadCache(cacheDir: string | undefined, root: string): LoadedCache {
  if (!cacheDir) return { files: new Map() };
  let text: string;
  try {
    text = readFileSync(join(cacheDir, CACHE_FILE), 'utf8');
  } catch {
    return { files: new Map() };
  }
  try {
    const document = JSON.parse(text) as CacheDocument;
    if (document.format !== FORMAT) return { files: new Map(), note: 'index cache ignored: unknown format' };
    if (document.schema !== cacheSchema()) return { files: new Map(), note: 'index cache ignored: written by another version' };
    if (document.root !== root) return { files: new Map(), note: 'index cache ignored: it belongs to another root' };
    if (typeof document.files !== 'object' || document.files === null) throw new Error('no files');
    return { files: new Map(Object.entries(document.files)) };
  } catch (error) {
    return { files: new Map(), note: `index cache ignored: corrupt (${error instanceof Error ? error.message : String(error)}); rebuilding` };
  }
}

/** Writes atomically (temp file + rename) so a crash never leaves a half-written cache. */
export function saveCache(cacheDir: string, root: string, files: Iterable<[string, CachedFile]>): void {
  mkdirSync(cacheDir, { recursive: true });
  const document: CacheDocument = { format: FORMAT, schema: cacheSchema(), root, files: Object.fromEntries(files) };
  const target = join(cacheDir, CACHE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(document));
  renameSync(temporary, target);
}
