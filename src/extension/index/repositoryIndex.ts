import type { IndexStats } from '../../core/index';
import type { BlastLookup } from '../../core/views';
import { ChangeQueue, type ChangeBatch } from './changeQueue';
import type { IndexConnection } from './indexClient';
import { IndexAnswers } from './indexAnswers';
import { describeBuild, describeOutcome } from './indexStatsText';
import type { FileChange, IndexOpenOptions, RegionQuery } from './protocol';

/** What the index thread is opened with (protocol.ts), but the load-bearing setting is read anew at each (re)open. */
export interface RepositoryIndexOptions extends Omit<IndexOpenOptions, 'loadBearingSetting' | 'discardCache'> {
  readonly debounceMs: () => number;
  /** The raw `aiProvenance.loadBearing` setting, read when the index (re)loads its classes. */
  readonly loadBearingSetting: () => unknown;
  /** Wait before the one restart after a crash (default 2 s). */
  readonly restartDelayMs?: number;
}

export interface RepositoryIndexListener {
  /** Answers or dependent counts changed, or the index became unavailable: the views ask again. */
  changed(): void;
  /** A full build started; `done` settles when it ends (a progress indicator). */
  building(done: Promise<unknown>): void;
  /** The index gave up: blast radius is 'unavailable' until a rebuild. */
  unavailable(message: string): void;
}

/** The output channel's methods this class uses (a vscode.LogOutputChannel fits). */
export interface IndexLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export type Connect = (onExit: (error: Error) => void) => IndexConnection;

export type IndexState = 'idle' | 'starting' | 'ready' | 'restarting' | 'unavailable' | 'disposed';

/** One restart after a crash; a second crash makes the index unavailable (no restart loop). */
const MAX_RESTARTS = 1;

/**
 * One repository's index as the extension host sees it: the life of its
 * index thread (started on first need, restarted once after a crash), the
 * queue of changes sent to it, and its answers (IndexAnswers), kept in
 * memory so the views are answered without waiting.
 */
export class RepositoryIndex {
  private state: IndexState = 'idle';
  private connection: IndexConnection | undefined;
  private opened: Promise<void> = Promise.resolve();
  private readonly queue: ChangeQueue;
  private readonly answers: IndexAnswers;
  private restartTimer: NodeJS.Timeout | undefined;
  private restarts = 0;
  /** The current thread finished a build: its answers can be asked for. */
  private built = false;
  private startedAt = 0;
  private lastBuild: IndexStats | undefined;
  /** Why the index is unavailable, when it is. */
  private problem: string | undefined;
  /** From start() to the first build's end, thread start-up included. */
  private readyMs: number | undefined;

  constructor(
    readonly options: RepositoryIndexOptions,
    private readonly connect: Connect,
    private readonly listener: RepositoryIndexListener,
    private readonly log: IndexLog,
  ) {
    this.queue = new ChangeQueue(options.debounceMs, (batch) => this.run(batch));
    this.answers = new IndexAnswers({
      current: () => (this.built ? this.connection : undefined),
      changed: () => listener.changed(),
      failed: (message) => log.warn(`Blast radius in ${this.root} could not be computed: ${message}`),
    });
  }

  get root(): string {
    return this.options.root;
  }

  get status(): IndexState {
    return this.state;
  }

  /** Starts the index thread and its first build (from the cache) unless it runs already. */
  start(discardCache = false): void {
    if (this.state !== 'idle') return;
    this.state = 'starting';
    this.startedAt = performance.now();
    this.readyMs = undefined;
    this.built = false;
    this.answers.threadStarted();
    let connection: IndexConnection;
    try {
      connection = this.connect((error) => this.crashed(connection, error));
    } catch (error) {
      // A missing thread script or no threads at all: say so once instead of failing every repaint.
      this.giveUp(`The index thread of ${this.root} could not start: ${messageOf(error)}`);
      return;
    }
    this.connection = connection;
    const { root, cacheDir, exclude, maxFileBytes, parseWorkers, trusted } = this.options;
    this.opened = connection
      .request({
        op: 'open',
        options: {
          root,
          cacheDir,
          exclude,
          maxFileBytes,
          parseWorkers,
          trusted,
          loadBearingSetting: this.options.loadBearingSetting(),
          discardCache,
        },
      })
      .then(({ problems }) => {
        // LoadBearingService reports configuration problems to the user; here they would be repeats.
        for (const problem of problems) this.log.debug(`Index of ${root}: ${problem}`);
      });
    // Awaited by the first run; a failure to open is reported there, not as an unhandled rejection.
    this.opened.catch(() => undefined);
    this.queue.refresh(discardCache ? 'rebuild' : 'start', true);
  }

  /** The blast radius of lines [first, last], from memory: 'pending' (and fetched) when not known. */
  lookup(query: RegionQuery): BlastLookup {
    this.start();
    if (this.state === 'unavailable' || this.state === 'disposed') return 'unavailable';
    return this.answers.lookup(query);
  }

  /**
   * Files importing each file directly, once the first build is done. Asking
   * does not start the index: repositories without AI regions or open files
   * need no fan-in.
   */
  dependentCounts(): ReadonlyMap<string, number> | undefined {
    return this.state === 'unavailable' || this.state === 'disposed' ? undefined : this.answers.dependentCounts;
  }

  /** Saved, created, changed or deleted files (absolute paths): debounced, batched. */
  filesChanged(changes: readonly FileChange[]): void {
    // Before the start, and while restarting, the coming build reads everything anyway.
    if (this.state === 'starting' || this.state === 'ready') this.queue.add(changes);
  }

  /** List everything again (a branch switch, .gitignore). */
  refresh(reason: string): void {
    if (this.state === 'starting' || this.state === 'ready') this.queue.refresh(reason);
  }

  classesChanged(): void {
    if (this.state === 'starting' || this.state === 'ready') this.queue.reloadClassifier();
  }

  /** Starts over without the cache; also the way back from 'unavailable'. */
  async rebuild(): Promise<void> {
    if (this.state === 'disposed') return;
    await this.stop();
    this.restarts = 0;
    this.problem = undefined;
    this.state = 'idle';
    this.start(true);
  }

  /** The last full build's figures and the current size of the graph. */
  async stats(): Promise<{
    lastBuild: IndexStats | undefined;
    readyMs: number | undefined;
    current: IndexStats | undefined;
    state: IndexState;
    problem: string | undefined;
  }> {
    let current: IndexStats | undefined;
    if (this.connection && this.built) current = (await this.connection.request({ op: 'stats' })).stats;
    return { lastBuild: this.lastBuild, readyMs: this.readyMs, current, state: this.state, problem: this.problem };
  }

  /** Resolves when no change is waiting or running and no answer is being fetched (tests). */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.queue.whenIdle();
      if (!this.answers.busy && this.state !== 'starting' && this.state !== 'restarting') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async dispose(): Promise<void> {
    this.state = 'disposed';
    await this.stop();
  }

  private async stop(): Promise<void> {
    this.queue.clear();
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.answers.stop();
    const connection = this.connection;
    this.connection = undefined;
    await connection?.dispose();
  }

  private async run(batch: ChangeBatch): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    try {
      await this.opened;
      if (batch.reloadClassifier) {
        this.answers.observe((await connection.request({ op: 'reloadClassifier', loadBearingSetting: this.options.loadBearingSetting() })).version);
      }
      if (batch.refresh !== undefined) await this.build(connection, batch.refresh);
      else if (batch.changes.length > 0) await this.update(connection, batch.changes);
      await this.answers.renew();
    } catch (error) {
      // A crash is handled by crashed(); a stopped connection is no failure.
      if (connection !== this.connection) return;
      if (!this.built) this.giveUp(`The index of ${this.root} could not be built: ${messageOf(error)}`);
      else this.log.warn(`The index of ${this.root} could not take in changes: ${messageOf(error)}`);
    }
  }

  private async build(connection: IndexConnection, why: string): Promise<void> {
    const building = connection.request({ op: 'build' });
    this.listener.building(building);
    const { version, stats } = await building;
    if (!this.built) this.readyMs = performance.now() - this.startedAt;
    this.log.info(describeBuild(this.root, why, stats, this.built ? undefined : this.readyMs));
    for (const note of stats.notes) this.log.info(`Index of ${this.root}: ${note}`);
    this.lastBuild = stats;
    this.built = true;
    this.state = 'ready';
    this.answers.observe(version);
  }

  private async update(connection: IndexConnection, changes: readonly FileChange[]): Promise<void> {
    const { version, outcome } = await connection.request({ op: 'update', changes });
    // A full build is news; a save's update is routine.
    if (outcome.kind === 'refresh') {
      this.lastBuild = outcome.stats;
      this.log.info(describeOutcome(this.root, outcome));
    } else {
      this.log.debug(describeOutcome(this.root, outcome));
    }
    this.answers.observe(version);
  }

  private crashed(connection: IndexConnection, error: Error): void {
    if (connection !== this.connection || this.state === 'disposed') return;
    this.connection = undefined;
    this.queue.clear();
    this.answers.stop();
    if (this.restarts >= MAX_RESTARTS) {
      this.giveUp(`The index thread of ${this.root} stopped again: ${error.message}`);
      return;
    }
    this.restarts++;
    const delay = this.options.restartDelayMs ?? 2_000;
    this.log.warn(`The index thread of ${this.root} stopped: ${error.message}. Restarting it in ${delay / 1000} s (from the cache).`);
    this.state = 'restarting';
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.state = 'idle';
      this.start();
    }, delay);
  }

  private giveUp(message: string): void {
    const connection = this.connection;
    this.connection = undefined;
    void connection?.dispose();
    this.queue.clear();
    this.answers.forget();
    this.state = 'unavailable';
    this.problem = message;
    this.log.error(`${message}. Blast radius is unavailable in this repository; run "AI Provenance: Rebuild Workspace Index" to try again.`);
    this.listener.unavailable(message);
    this.listener.changed();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
