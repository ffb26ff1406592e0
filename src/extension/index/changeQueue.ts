import type { FileChange } from './protocol';

/** What one run of the index does: everything that arrived since the last run, merged. */
export interface ChangeBatch {
  /** One entry per path. Empty when `refresh` is set: a full build reads everything anyway. */
  readonly changes: readonly FileChange[];
  /** Why the repository must be listed again (a branch switch, start-up), if it must. */
  readonly refresh: string | undefined;
  /** `.ai-provenance.json`, CODEOWNERS or the user's classes changed. */
  readonly reloadClassifier: boolean;
}

/** More raw events than this are not worth sending one by one: list the repository again. */
const MAX_QUEUED_CHANGES = 5_000;

/**
 * Debounces and batches the work of one repository's index and never runs
 * two batches at once: events that arrive during a run wait for the next
 * one. Typing never reaches here (only saves and disk events do); a burst
 * of saves or an agent writing files becomes one update.
 */
export class ChangeQueue {
  private readonly changes = new Map<string, FileChange['kind']>();
  private refreshReason: string | undefined;
  private classifierChanged = false;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private disposed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly delayMs: () => number,
    private readonly run: (batch: ChangeBatch) => Promise<void>,
  ) {}

  add(changes: readonly FileChange[]): void {
    for (const { path, kind } of changes) {
      // Created then changed is still new (a new folder's content must be listed); otherwise the last event wins.
      const previous = this.changes.get(path);
      this.changes.set(path, previous === 'created' && kind === 'changed' ? 'created' : kind);
    }
    if (this.changes.size > MAX_QUEUED_CHANGES) this.refresh(`${this.changes.size} files changed at once`);
    else this.schedule(this.delayMs());
  }

  /** A full build; `now` skips the debounce (start-up, the rebuild command). */
  refresh(reason: string, now = false): void {
    this.refreshReason ??= reason;
    this.changes.clear();
    this.schedule(now ? 0 : this.delayMs());
  }

  reloadClassifier(): void {
    this.classifierChanged = true;
    this.schedule(this.delayMs());
  }

  /** Drops what is waiting (the index thread restarts and builds anyway). */
  clear(): void {
    this.changes.clear();
    this.refreshReason = undefined;
    this.classifierChanged = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.notifyIfIdle();
  }

  /** Resolves once nothing is waiting or running. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }

  private schedule(delay: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    // A run in progress picks the new work up when it ends.
    if (this.running || this.disposed) return;
    const batch = this.take();
    if (!batch) return this.notifyIfIdle();
    this.running = true;
    try {
      await this.run(batch);
    } catch {
      // The runner reports its own failures; the queue keeps going.
    } finally {
      this.running = false;
    }
    if (this.hasWork() && !this.timer) this.schedule(0);
    this.notifyIfIdle();
  }

  private take(): ChangeBatch | undefined {
    if (!this.hasWork()) return undefined;
    const batch: ChangeBatch = {
      changes: this.refreshReason === undefined ? [...this.changes].map(([path, kind]) => ({ path, kind })) : [],
      refresh: this.refreshReason,
      reloadClassifier: this.classifierChanged,
    };
    this.changes.clear();
    this.refreshReason = undefined;
    this.classifierChanged = false;
    return batch;
  }

  private hasWork(): boolean {
    return this.changes.size > 0 || this.refreshReason !== undefined || this.classifierChanged;
  }

  private isIdle(): boolean {
    return !this.running && !this.timer && !this.hasWork();
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
