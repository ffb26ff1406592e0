import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FileRegions } from '../regions/fileRegions';
import type { TextChange } from '../regions/positions';
import { reanchorRegions } from '../regions/reanchor';
import type { AiRegion, Position, Review } from '../regions/region';
import type { EditAttribution } from '../regions/tracking';
import { contentHash } from '../text/hash';
import { removeStaleTemporaries } from './atomicFile';
import { fromRecord, toRecord, type FileRecord } from './format';
import { withFileLock } from './lock';
import { mergeFileRecords } from './merge';
import { LOCK_FILE_NAME, readStoreFile, writeStoreFile } from './storeFile';

export interface RegionStoreOptions {
  /** Directory holding regions.json (e.g. `<git common dir>/ai-provenance`). */
  readonly storeDir: string;
  /**
   * The current text of a file (repo-relative path), when this process knows
   * it without I/O: an open editor buffer, or the file the CLI just read.
   */
  readonly textOf?: (path: string) => string | undefined;
  /** Debounce of scheduleSync (ms). */
  readonly syncDelayMs?: number;
}

export interface StoreChange {
  readonly paths: readonly string[];
  /** `local`: changed by this process; `disk`: picked up from another writer. */
  readonly origin: 'local' | 'disk';
}

/** Whether the store's writes succeed: a failure keeps the changes pending and is retried. */
export type WriteState = { readonly ok: true } | { readonly ok: false; readonly error: string; readonly attempts: number };

export interface SyncResult {
  readonly wrote: boolean;
  /** Files whose regions changed because another writer changed them. */
  readonly changedFromDisk: readonly string[];
}

interface Entry {
  readonly regions: FileRegions;
  /** Hash of the text the regions' positions refer to. */
  contentHash?: string;
  dirty: boolean;
}

/**
 * The single source of truth for the regions of one repository (or one
 * workspace folder outside git). Views read it, capture and commands change
 * it through its methods, and `sync` merges it with what other processes
 * wrote to disk (see merge.ts).
 */
export class RegionStore {
  private readonly entries = new Map<string, Entry>();
  /** What was on disk, per file, after our last sync. */
  private base = new Map<string, FileRecord>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private syncTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private syncing: Promise<SyncResult> | undefined;
  /** The sync that runs after the current one, shared by every call made meanwhile. */
  private followUp: Promise<SyncResult> | undefined;
  private failedWrites = 0;
  /** Changes are being written: no longer dirty, not on disk yet. */
  private writingChanges = false;
  private disposed = false;
  private readonly writeStateListeners = new Set<(state: WriteState) => void>();
  private problemList: string[] = [];
  private newerVersion: number | undefined;

  private constructor(private readonly options: RegionStoreOptions) {}

  static async open(options: RegionStoreOptions): Promise<RegionStore> {
    const store = new RegionStore(options);
    await removeStaleTemporaries(options.storeDir, 60_000);
    const disk = await readStoreFile(options.storeDir);
    store.problemList.push(...disk.problems);
    store.newerVersion = disk.newerVersion;
    for (const [path, record] of disk.files) {
      store.entries.set(path, entryFrom(record));
      store.base.set(path, record);
    }
    return store;
  }

  get storeDir(): string {
    return this.options.storeDir;
  }

  /** Problems met while reading the store, for the user. */
  get problems(): readonly string[] {
    return this.problemList;
  }

  /** True when a newer version owns the store file: changes stay in memory. */
  get readOnly(): boolean {
    return this.newerVersion !== undefined;
  }

  onDidChange(listener: (change: StoreChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Repo-relative paths of files that have regions. */
  files(): string[] {
    return [...this.entries]
      .filter(([, entry]) => entry.regions.size > 0)
      .map(([path]) => path)
      .sort();
  }

  regions(path: string): readonly AiRegion[] {
    return this.entries.get(path)?.regions.all ?? [];
  }

  hasRegions(path: string): boolean {
    return (this.entries.get(path)?.regions.size ?? 0) > 0;
  }

  /** Follows one document change event. Cheap when the file has no regions. */
  applyEdits(path: string, changes: readonly TextChange[], attribution: EditAttribution): boolean {
    const entry = this.entries.get(path);
    if (!entry || entry.regions.size === 0) return false;
    return this.changed(path, entry.regions.applyChanges(changes, attribution));
  }

  /** The parts of the file's regions between `start` and `end` (see FileRegions.piecesBetween). */
  piecesBetween(path: string, start: Position, end: Position): AiRegion[] {
    return this.entries.get(path)?.regions.piecesBetween(start, end) ?? [];
  }

  add(path: string, region: AiRegion): void {
    this.entryFor(path).regions.add(region);
    this.changed(path, true);
  }

  unmark(path: string, start: Position, end: Position): boolean {
    const entry = this.entries.get(path);
    return this.changed(path, entry?.regions.unmark(start, end) ?? false);
  }

  markReviewed(path: string, review: Review, start?: Position, end?: Position): number {
    const entry = this.entries.get(path);
    const marked = entry?.regions.markReviewed(review, start, end) ?? 0;
    this.changed(path, marked > 0);
    return marked;
  }

  markUnreviewed(path: string, start?: Position, end?: Position): number {
    const entry = this.entries.get(path);
    const cleared = entry?.regions.markUnreviewed(start, end) ?? 0;
    this.changed(path, cleared > 0);
    return cleared;
  }

  markRegionReviewed(path: string, id: string, review: Review): boolean {
    return this.changed(path, this.entries.get(path)?.regions.markReviewedById(id, review) ?? false);
  }

  removeRegion(path: string, id: string): boolean {
    return this.changed(path, this.entries.get(path)?.regions.removeById(id) ?? false);
  }

  clearFile(path: string): boolean {
    return this.changed(path, this.entries.get(path)?.regions.clear() ?? false);
  }

  /** Regions move with a renamed or moved file. */
  renameFile(oldPath: string, newPath: string): boolean {
    const entry = this.entries.get(oldPath);
    if (!entry || entry.regions.size === 0 || oldPath === newPath) return false;
    this.entryFor(newPath).regions.replaceAll(entry.regions.all);
    this.entries.get(newPath)!.contentHash = entry.contentHash;
    entry.regions.clear();
    entry.dirty = true;
    this.entries.get(newPath)!.dirty = true;
    this.emit({ paths: [oldPath, newPath], origin: 'local' });
    return true;
  }

  /**
   * Brings a file's regions in line with its current text when it changed
   * while nobody watched (see reanchor.ts). Returns what happened.
   */
  reconcile(path: string, text: string): { moved: number; dropped: number } {
    const entry = this.entries.get(path);
    const hash = contentHash(text);
    if (!entry || entry.contentHash === hash) {
      if (entry) entry.contentHash = hash;
      return { moved: 0, dropped: 0 };
    }
    entry.contentHash = hash;
    if (entry.regions.size === 0) return { moved: 0, dropped: 0 };
    const outcome = reanchorRegions(entry.regions.all, text);
    entry.regions.replaceAll(outcome.regions);
    this.changed(path, outcome.moved + outcome.dropped > 0);
    if (outcome.moved + outcome.dropped === 0) entry.dirty = true; // the new hash is worth keeping
    return { moved: outcome.moved, dropped: outcome.dropped };
  }

  /** Declares the current text of a file, so the stored positions name it. */
  noteContent(path: string, text: string): void {
    const entry = this.entries.get(path);
    if (entry) entry.contentHash = contentHash(text);
  }

  /** Syncs soon; repeated calls within the delay coalesce. */
  scheduleSync(): void {
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = setTimeout(() => {
      this.syncTimer = undefined;
      this.sync().catch(() => undefined); // reported through onDidChangeWriteState, and retried
    }, this.options.syncDelayMs ?? 1000);
  }

  /**
   * Merges this process's changes with the store on disk and writes the
   * result (under the store lock). A call made while a sync runs resolves
   * after a sync that started after it, so it covers every change made
   * before the call. A failed write keeps the changes pending (dirty), is
   * reported through onDidChangeWriteState, and is retried with a growing
   * delay; the returned promise rejects with the error.
   */
  async sync(): Promise<SyncResult> {
    if (this.syncing) {
      this.followUp ??= this.syncing.then(
        () => this.startSync(),
        () => this.startSync(),
      );
      return this.followUp;
    }
    return this.startSync();
  }

  /** Writes pending changes now and stops the timers; resolves once every change made before it is on disk (or rejects). */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.syncTimer = undefined;
    this.retryTimer = undefined;
    try {
      if (this.syncing || this.hasPendingChanges()) await this.sync();
      // A sync that started before dispose may not cover the last edits: one more when any are left.
      if (this.hasPendingChanges()) await this.sync();
    } finally {
      this.listeners.clear();
      this.writeStateListeners.clear();
    }
  }

  /** Changes not on disk yet (being written counts as not yet). */
  hasPendingChanges(): boolean {
    if (this.writingChanges) return true;
    for (const entry of this.entries.values()) if (entry.dirty) return true;
    return false;
  }

  /** The last write failed (with its error and how many times in a row), or writes are fine again. */
  onDidChangeWriteState(listener: (state: WriteState) => void): { dispose(): void } {
    this.writeStateListeners.add(listener);
    return { dispose: () => this.writeStateListeners.delete(listener) };
  }

  private async startSync(): Promise<SyncResult> {
    this.followUp = undefined;
    const running = this.syncOnce();
    this.syncing = running;
    try {
      const result = await running;
      if (this.failedWrites > 0) {
        this.failedWrites = 0;
        this.emitWriteState({ ok: true });
      }
      return result;
    } catch (error) {
      this.failedWrites++;
      this.emitWriteState({ ok: false, error: error instanceof Error ? error.message : String(error), attempts: this.failedWrites });
      this.scheduleRetry();
      throw error;
    } finally {
      if (this.syncing === running) this.syncing = undefined;
    }
  }

  /** 0.5 s, 1 s, 2 s ... up to 30 s after the last failure, while changes are pending. */
  private scheduleRetry(): void {
    if (this.disposed || this.retryTimer) return;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(this.failedWrites - 1, 6));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.hasPendingChanges()) this.sync().catch(() => undefined);
    }, delay);
    this.retryTimer.unref?.(); // never keeps a CLI process alive on its own
  }

  private emitWriteState(state: WriteState): void {
    for (const listener of this.writeStateListeners) {
      try {
        listener(state);
      } catch {
        // A failing listener must not stop the others.
      }
    }
  }

  private async syncOnce(): Promise<SyncResult> {
    if (this.readOnly) return { wrote: false, changedFromDisk: [] };
    const { storeDir } = this.options;
    await mkdir(storeDir, { recursive: true });
    return withFileLock(
      join(storeDir, LOCK_FILE_NAME),
      async () => {
        const disk = await readStoreFile(storeDir);
        this.problemList.push(...disk.problems);
        if (disk.newerVersion !== undefined) {
          this.newerVersion = disk.newerVersion;
          return { wrote: false, changedFromDisk: [] };
        }
        // From here to the write nothing awaits, so no edit can slip between
        // reading our state and replacing it with the merged one.
        const pending = [...this.entries].filter(([, entry]) => entry.dirty).map(([path]) => path);
        const { merged, changedFromDisk, wrote } = this.mergeWith(disk.files);
        if (wrote) {
          this.writingChanges = true;
          try {
            await writeStoreFile(storeDir, merged);
          } catch (error) {
            // Not on disk: what was pending stays pending (the entries now hold the merged state, which includes it).
            for (const path of pending) {
              const entry = this.entries.get(path);
              if (entry) entry.dirty = true;
            }
            throw error;
          } finally {
            this.writingChanges = false;
          }
        }
        this.base = merged;
        if (changedFromDisk.length > 0) this.emit({ paths: changedFromDisk, origin: 'disk' });
        return { wrote, changedFromDisk };
      },
      { timeoutMs: 10_000 },
    );
  }

  private mergeWith(diskFiles: ReadonlyMap<string, FileRecord>) {
    const merged = new Map<string, FileRecord>();
    const changedFromDisk: string[] = [];
    let wrote = false;
    const paths = new Set([...this.base.keys(), ...this.entries.keys(), ...diskFiles.keys()]);
    for (const path of paths) {
      const entry = this.entries.get(path);
      const theirs = diskFiles.get(path);
      const base = this.base.get(path);
      if (!entry?.dirty && sameFile(base, theirs)) {
        if (theirs) merged.set(path, theirs);
        continue;
      }
      const text = this.options.textOf?.(path);
      if (entry?.dirty && text !== undefined) entry.contentHash = contentHash(text);
      const ours = entry ? recordOf(entry) : undefined;
      const result = mergeFileRecords({ base, ours, theirs, ourText: text });
      if (entry?.dirty) wrote = true;
      if (!sameFile(ours, result)) {
        this.entries.set(path, entryFrom(result));
        if (!sameFile(theirs, base)) changedFromDisk.push(path);
      } else if (entry) {
        entry.dirty = false;
      }
      merged.set(path, result);
    }
    return { merged, changedFromDisk, wrote };
  }

  private entryFor(path: string): Entry {
    let entry = this.entries.get(path);
    if (!entry) {
      entry = { regions: new FileRegions(), dirty: false };
      const text = this.options.textOf?.(path);
      if (text !== undefined) entry.contentHash = contentHash(text);
      this.entries.set(path, entry);
    }
    return entry;
  }

  private changed(path: string, didChange: boolean): boolean {
    if (!didChange) return false;
    const entry = this.entries.get(path);
    if (entry) entry.dirty = true;
    this.emit({ paths: [path], origin: 'local' });
    return true;
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A failing view must not break tracking.
      }
    }
  }
}

function entryFrom(record: FileRecord): Entry {
  return {
    regions: new FileRegions(record.regions.map(fromRecord)),
    ...(record.contentHash ? { contentHash: record.contentHash } : {}),
    dirty: false,
  };
}

function recordOf(entry: Entry): FileRecord {
  return { ...(entry.contentHash ? { contentHash: entry.contentHash } : {}), regions: entry.regions.all.map(toRecord) };
}

function sameFile(a: FileRecord | undefined, b: FileRecord | undefined): boolean {
  const empty = (record: FileRecord | undefined) => !record || record.regions.length === 0;
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
