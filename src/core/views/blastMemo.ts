import type { AiRegion } from '../regions/region';
import { aiLineSpan, type BlastLookup } from './blastLookup';

/** Asks the index for the blast radius of lines [first, last] (0-based, inclusive) of a file. */
export type BlastQuery = (path: string, first: number, last: number) => BlastLookup;

interface Entry {
  readonly first: number;
  readonly last: number;
  readonly version: number;
  readonly value: BlastLookup;
}

/**
 * Remembers each region's blast radius, so views can repaint on every
 * keystroke without asking the index again. An answer stays valid until the
 * region's AI lines move or the index changes (`invalidate`). While a file is
 * being edited (`noteEdit`, then `settleMs` of quiet) a region keeps its last
 * answer even if its lines moved (but not "pending" for unmoved lines once the
 * index changed): the index is asked again once the edits settle, when the
 * caller repaints (see `settlesAt`).
 */
export class BlastMemo {
  private version = 0;
  private readonly files = new Map<string, Map<string, Entry>>();
  private readonly lastEdit = new Map<string, number>();

  constructor(
    private readonly settleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The index changed: every answer must be asked for again. */
  invalidate(): void {
    this.version++;
  }

  noteEdit(path: string): void {
    this.lastEdit.set(path, this.now());
  }

  /** When the edits of `path` settle (epoch ms), or undefined when they already have. */
  settlesAt(path: string): number | undefined {
    const edited = this.lastEdit.get(path);
    if (edited === undefined) return undefined;
    const settles = edited + this.settleMs;
    if (settles > this.now()) return settles;
    this.lastEdit.delete(path);
    return undefined;
  }

  /**
   * A lookup function for the regions of one file. Regions of the file that
   * are no longer in `regions` are forgotten.
   */
  forFile(path: string, regions: readonly AiRegion[], query: BlastQuery): (region: AiRegion) => BlastLookup {
    let entries = this.files.get(path);
    if (!entries) this.files.set(path, (entries = new Map()));
    if (entries.size > regions.length) this.prune(entries, regions);
    const settling = this.settlesAt(path) !== undefined;
    const memo = entries;
    return (region) => {
      const span = aiLineSpan(region);
      if (!span) return 'unavailable';
      const entry = memo.get(region.id);
      if (entry) {
        const sameLines = entry.first === span.first && entry.last === span.last;
        if (sameLines && entry.version === this.version) return entry.value;
        // While the file is being edited its regions keep their last answers (the index knows the saved
        // file, not lines that moved), except "pending" for unmoved lines once the index has changed: it
        // may have its answer now, and showing "indexing" until the edits settle would be wrong.
        if (settling && !(sameLines && entry.value === 'pending')) return entry.value;
      }
      const value = query(path, span.first, span.last);
      memo.set(region.id, { first: span.first, last: span.last, version: this.version, value });
      return value;
    };
  }

  forget(path: string): void {
    this.files.delete(path);
    this.lastEdit.delete(path);
  }

  private prune(entries: Map<string, Entry>, regions: readonly AiRegion[]): void {
    const live = new Set(regions.map((region) => region.id));
    for (const id of entries.keys()) if (!live.has(id)) entries.delete(id);
  }
}
