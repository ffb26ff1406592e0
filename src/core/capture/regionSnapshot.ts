import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AiRegion } from '../regions/region';
import { readFileIfExists, writeFileAtomic } from '../store/atomicFile';
import { fromRecord, recordProblem, toRecord, type RegionRecord } from '../store/format';
import { withFileLock } from '../store/lock';
import { contentHash } from '../text/hash';

export const SNAPSHOT_FILE = 'removed-regions.json';
const FORMAT = 'ai-provenance/removed-regions';
/** Older entries are forgotten: a stash or a branch left for months is rarely popped or checked out again as it was. */
const MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 5_000;

interface Entry {
  readonly path: string;
  /** Hash of the region's text: the same AI text removed again replaces its entry. */
  readonly key: string;
  readonly at: number;
  readonly region: RegionRecord;
}

/**
 * AI regions that a git operation took out of the work tree (git stash,
 * checkout, reset, pull, rebase), kept by content in
 * `<store dir>/removed-regions.json`, so that when git brings the same
 * text back (stash pop, checking the branch out again) its regions come
 * back too, in this window or a later one. git-ai keeps stashed
 * attribution in a notes ref for the same reason; here the regions never
 * left the machine, so they stay beside the store. Shared by windows and
 * worktrees under the store's lock directory convention.
 */
export class RegionSnapshot {
  constructor(private readonly storeDir: string) {}

  private get file(): string {
    return join(this.storeDir, SNAPSHOT_FILE);
  }

  /** Keeps `regions` of `path` (as they were before git removed them). */
  async remember(path: string, regions: readonly AiRegion[], now = Date.now()): Promise<void> {
    if (regions.length === 0) return;
    await mkdir(this.storeDir, { recursive: true });
    await withFileLock(`${this.file}.lock`, async () => {
      const fresh = regions.map((region) => ({ path, key: keyOf(region), at: now, region: toRecord(region) }));
      const keys = new Set(fresh.map((entry) => `${entry.path}\0${entry.key}`));
      const kept = (await this.read()).filter((entry) => !keys.has(`${entry.path}\0${entry.key}`) && now - entry.at < MAX_AGE_MS);
      const entries = [...fresh, ...kept].slice(0, MAX_ENTRIES);
      await writeFileAtomic(this.file, `${JSON.stringify({ format: FORMAT, version: 1, entries })}\n`);
    });
  }

  /** The regions git removed from `path`, newest first. */
  async removedFrom(path: string): Promise<AiRegion[]> {
    return (await this.read()).filter((entry) => entry.path === path).map((entry) => fromRecord(entry.region));
  }

  private async read(): Promise<Entry[]> {
    const text = await readFileIfExists(this.file).catch(() => undefined);
    if (text === undefined) return [];
    try {
      const document = JSON.parse(text) as { format?: unknown; entries?: unknown };
      if (document.format !== FORMAT || !Array.isArray(document.entries)) return [];
      return document.entries.filter(
        (entry): entry is Entry =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof (entry as Entry).path === 'string' &&
          typeof (entry as Entry).at === 'number' &&
          recordProblem((entry as Entry).region) === undefined,
      );
    } catch {
      // A damaged snapshot only costs the marks it held.
      return [];
    }
  }
}

function keyOf(region: AiRegion): string {
  return contentHash(region.lines.map((line) => line.text).join('\n'));
}
