import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { readFileIfExists, writeFileAtomic } from './atomicFile';
import { STORE_FORMAT, STORE_VERSION, recordProblem, type FileRecord, type StoreDocument } from './format';

export const STORE_FILE_NAME = 'regions.json';
export const LOCK_FILE_NAME = 'regions.lock';

export interface ReadResult {
  readonly files: Map<string, FileRecord>;
  /** Messages for the user: what was wrong and where the original was kept. */
  readonly problems: string[];
  /** Set when the file was written by a newer version: never write it. */
  readonly newerVersion?: number;
}

/**
 * Reads the store. Nothing is ever thrown away: a file that cannot be read
 * whole is copied aside first and its usable parts are kept.
 */
export async function readStoreFile(storeDir: string): Promise<ReadResult> {
  const path = join(storeDir, STORE_FILE_NAME);
  const text = await readFileIfExists(path);
  if (text === undefined || text.trim() === '') return { files: new Map(), problems: [] };

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const aside = await keepAside(storeDir, text);
    return {
      files: new Map(),
      problems: [`The region store ${path} is not valid JSON (${(error as Error).message}); it was kept as ${aside} and a new store was started.`],
    };
  }
  const document = parsed as Partial<StoreDocument>;
  if (
    typeof document !== 'object' ||
    document === null ||
    document.format !== STORE_FORMAT ||
    typeof document.files !== 'object' ||
    document.files === null
  ) {
    const aside = await keepAside(storeDir, text);
    return {
      files: new Map(),
      problems: [`The region store ${path} is not an AI Provenance store; it was kept as ${aside} and a new store was started.`],
    };
  }
  if (typeof document.version !== 'number' || document.version > STORE_VERSION) {
    return {
      files: new Map(),
      newerVersion: typeof document.version === 'number' ? document.version : Number.NaN,
      problems: [
        `The region store ${path} was written by a newer AI Provenance (format version ${String(document.version)}); it is left untouched and regions are kept in memory only. Update AI Provenance to use it.`,
      ],
    };
  }

  const files = new Map<string, FileRecord>();
  const skipped: string[] = [];
  for (const [filePath, record] of Object.entries(document.files)) {
    if (typeof record !== 'object' || record === null || !Array.isArray(record.regions)) {
      skipped.push(`${filePath}: not a file record`);
      continue;
    }
    const regions = record.regions.filter((region, index) => {
      const problem = recordProblem(region);
      if (problem) skipped.push(`${filePath} region ${index}: ${problem}`);
      return !problem;
    });
    files.set(filePath, { ...(typeof record.contentHash === 'string' ? { contentHash: record.contentHash } : {}), regions });
  }
  if (skipped.length === 0) return { files, problems: [] };
  const aside = await keepAside(storeDir, text);
  return {
    files,
    problems: [
      `The region store ${path} had ${skipped.length} unreadable entr${skipped.length === 1 ? 'y' : 'ies'} (${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}); the original was kept as ${aside}.`,
    ],
  };
}

export async function writeStoreFile(storeDir: string, files: ReadonlyMap<string, FileRecord>): Promise<void> {
  // fromEntries defines own properties: a file named `__proto__` is kept like any other.
  const entries = [...files.keys()].sort().flatMap((path) => (files.get(path)!.regions.length > 0 ? [[path, files.get(path)!] as const] : []));
  const document: StoreDocument = { format: STORE_FORMAT, version: STORE_VERSION, files: Object.fromEntries(entries) };
  await writeFileAtomic(join(storeDir, STORE_FILE_NAME), `${JSON.stringify(document)}\n`);
}

/**
 * Keeps a copy of a damaged store, once: the copy is named by the content's
 * hash, so reading the same damaged file again (every process opens the
 * store until one writes it anew) adds no second copy.
 */
async function keepAside(storeDir: string, text: string): Promise<string> {
  const path = join(storeDir, `regions.unreadable-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`);
  await fs.mkdir(storeDir, { recursive: true });
  try {
    await fs.writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return path;
}
