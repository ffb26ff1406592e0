import type { RegionAnswer, RegionQuery } from './protocol';

interface Entry {
  readonly query: RegionQuery;
  value: RegionAnswer;
  /** The index version the value was computed at. */
  version: number;
  /** The last version during which the views asked for it. */
  asked: number;
}

/** Enough for every region on screen many times over; each answer may list hundreds of files. */
const MAX_ENTRIES = 2_000;

/**
 * The blast-radius answers of one repository, by path and line range, each
 * tagged with the index version it was computed at. A stale answer (the
 * index changed since) is still shown while the current one is fetched:
 * after a save the annotations keep their count instead of flashing
 * "indexing…". Entries nobody asked for since the previous version go, and
 * the least recently asked ones beyond MAX_ENTRIES (line ranges shift as a
 * file is edited, and unsaved edits do not move the version on).
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();

  /** The answer for `query` (current or stale), noting that it was asked for at `version`. */
  lookup(query: RegionQuery, version: number): { value: RegionAnswer; current: boolean } | undefined {
    const key = keyOf(query);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    entry.asked = Math.max(entry.asked, version);
    // Map order is insertion order: moving the entry to the end keeps the oldest first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { value: entry.value, current: entry.version === version };
  }

  /** Stores an answer; true when it differs from the one shown until now (or none was). */
  store(query: RegionQuery, value: RegionAnswer, version: number): boolean {
    const key = keyOf(query);
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { query, value, version, asked: version });
      for (const oldest of this.entries.keys()) {
        if (this.entries.size <= MAX_ENTRIES) break;
        this.entries.delete(oldest);
      }
      return true;
    }
    const changed = !sameAnswer(entry.value, value);
    entry.value = value;
    entry.version = Math.max(entry.version, version);
    return changed;
  }

  /** The index moved to `version`: the queries still in use, to ask again. Forgets the others. */
  renewals(version: number): RegionQuery[] {
    const renew: RegionQuery[] = [];
    for (const [key, entry] of this.entries) {
      if (entry.asked < version - 1) this.entries.delete(key);
      else if (entry.version !== version) renew.push(entry.query);
    }
    return renew;
  }

  /** Keeps the values but makes every one stale (the index thread restarted). */
  markStale(): void {
    for (const entry of this.entries.values()) entry.version = -1;
  }

  get size(): number {
    return this.entries.size;
  }
}

export function keyOf(query: RegionQuery): string {
  return `${query.firstLine}:${query.lastLine}:${query.path}`;
}

/** Answers are plain data; comparing their JSON is exact and cheap next to a repaint. */
function sameAnswer(a: RegionAnswer, b: RegionAnswer): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
