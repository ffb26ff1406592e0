import type { BlastLookup } from '../../core/views';
import { AnswerCache, keyOf } from './answerCache';
import type { IndexConnection } from './indexClient';
import type { RegionQuery } from './protocol';

/** Where answers come from, and who hears about them. */
export interface AnswerChannel {
  /** The thread to ask now: undefined before its first build and after it stopped. */
  current(): IndexConnection | undefined;
  /** Fetched answers or counts differ from what was shown. */
  changed(): void;
  failed(message: string): void;
}

/**
 * What one repository's index thread answered, held by the extension host so
 * the views are answered without waiting: blast radii by region and the
 * dependent counts, with the index version they belong to. Unknown answers
 * are 'pending' and fetched together, in one message, once the painting that
 * asked for them is over; when the index changes, the answers in use are
 * asked again and the views hear only of those that differ.
 */
export class IndexAnswers {
  private readonly cache = new AnswerCache();
  /** Asked for, not known at the current version, not yet sent. */
  private readonly wanted = new Map<string, RegionQuery>();
  private readonly inFlight = new Set<string>();
  private fetchTimer: NodeJS.Timeout | undefined;
  /** Moves whenever the thread reports a new version, and with every new thread. */
  private version = 0;
  private threadVersion = -1;
  private renewedAt = -1;
  private counts: ReadonlyMap<string, number> | undefined;

  constructor(private readonly channel: AnswerChannel) {}

  lookup(query: RegionQuery): BlastLookup {
    const known = this.cache.lookup(query, this.version);
    if (known?.current) return known.value;
    this.want(query);
    return known ? known.value : 'pending';
  }

  /** Files importing each file directly. The same map until the counts change: consumers compare by identity. */
  get dependentCounts(): ReadonlyMap<string, number> | undefined {
    return this.counts;
  }

  /** The thread reported its version: a new one makes every answer stale. */
  observe(threadVersion: number): void {
    if (threadVersion === this.threadVersion) return;
    this.threadVersion = threadVersion;
    this.version++;
  }

  /** A new thread (a start, a restart): its versions start over; what is known stays shown until renewed. */
  threadStarted(): void {
    this.stop();
    this.threadVersion = -1;
    this.version++;
  }

  /** The thread is gone: nothing is in flight any more. */
  stop(): void {
    if (this.fetchTimer) clearTimeout(this.fetchTimer);
    this.fetchTimer = undefined;
    this.inFlight.clear();
    this.cache.markStale();
  }

  /** The index is unavailable: no counts either. */
  forget(): void {
    this.stop();
    this.counts = undefined;
  }

  get busy(): boolean {
    return this.fetchTimer !== undefined || this.inFlight.size > 0;
  }

  /** After the index changed: ask again what the views use, and the dependent counts. */
  async renew(): Promise<void> {
    const connection = this.channel.current();
    if (!connection || this.renewedAt === this.version) return;
    this.renewedAt = this.version;
    const queries = [...this.cache.renewals(this.version), ...this.wanted.values()];
    this.wanted.clear();
    const [answersChanged, counts] = await Promise.all([this.fetch(connection, queries), connection.request({ op: 'dependentCounts' })]);
    const countsChanged = connection === this.channel.current() && this.takeCounts(counts.counts);
    if (answersChanged || countsChanged) this.channel.changed();
  }

  private want(query: RegionQuery): void {
    const key = keyOf(query);
    if (this.inFlight.has(key) || this.wanted.has(key)) return;
    this.wanted.set(key, query);
    // Until the first build the wanted queries wait for renew(); then one message per painting.
    if (this.channel.current() && !this.fetchTimer) this.fetchTimer = setTimeout(() => void this.fetchWanted(), 0);
  }

  private async fetchWanted(): Promise<void> {
    this.fetchTimer = undefined;
    const connection = this.channel.current();
    if (!connection) return;
    const queries = [...this.wanted.values()];
    this.wanted.clear();
    try {
      if (await this.fetch(connection, queries)) this.channel.changed();
    } catch (error) {
      if (connection === this.channel.current()) this.channel.failed(error instanceof Error ? error.message : String(error));
    }
  }

  /** Asks the thread for `queries`; true when an answer differs from what was shown. */
  private async fetch(connection: IndexConnection, queries: readonly RegionQuery[]): Promise<boolean> {
    if (queries.length === 0) return false;
    const keys = queries.map(keyOf);
    for (const key of keys) this.inFlight.add(key);
    try {
      const { version, answers } = await connection.request({ op: 'blastRadius', queries });
      if (connection !== this.channel.current()) return false;
      this.observe(version);
      let changed = false;
      queries.forEach((query, index) => {
        if (this.cache.store(query, answers[index]!, this.version)) changed = true;
      });
      return changed;
    } finally {
      for (const key of keys) this.inFlight.delete(key);
    }
  }

  private takeCounts(entries: ReadonlyArray<readonly [string, number]>): boolean {
    const previous = this.counts;
    if (previous && previous.size === entries.length && entries.every(([path, count]) => previous.get(path) === count)) return false;
    this.counts = new Map(entries);
    return true;
  }
}
