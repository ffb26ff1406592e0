import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexOp, IndexReplies, ReplyEnvelope, RequestEnvelope, RequestOf } from './protocol';

/** How long a disposed index thread gets to write its cache before it is stopped. */
const DISPOSE_GRACE_MS = 3_000;

/** The index thread's script: dist/indexHost.js next to the bundle, or the compiled module (tests). */
export function locateIndexHostScript(directory: string = __dirname): string {
  const candidates = [join(directory, 'indexHost.js'), join(directory, 'indexHostWorker.js')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`cannot find the index thread's script (looked for ${candidates.join(', ')})`);
  return found;
}

/** The typed requests the extension host makes of an index thread. */
export interface IndexConnection {
  request<K extends IndexOp>(request: RequestOf<K>): Promise<IndexReplies[K]>;
  /** Asks the thread to save and stop; stops it after a grace period. */
  dispose(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * Talks to one index thread: request/reply by id. When the thread dies
 * without being asked to (an exception, out of memory), every pending
 * request fails and `onExit` hears why, once.
 */
export class IndexClient implements IndexConnection {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited = false;
  private disposing = false;
  private lastError: Error | undefined;

  constructor(
    script: string,
    private readonly onExit: (error: Error) => void,
  ) {
    this.worker = new Worker(script);
    this.worker.on('message', (reply: ReplyEnvelope) => this.settle(reply));
    this.worker.on('error', (error) => {
      this.lastError = error;
    });
    this.worker.on('exit', (code) => this.exit(code));
  }

  request<K extends IndexOp>(request: RequestOf<K>): Promise<IndexReplies[K]> {
    if (this.exited || this.disposing) return Promise.reject(new Error(`the index thread is ${this.exited ? 'gone' : 'stopping'}`));
    const id = this.nextId++;
    return new Promise<IndexReplies[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const envelope: RequestEnvelope = { id, request };
      this.worker.postMessage(envelope);
    });
  }

  async dispose(): Promise<void> {
    if (this.exited || this.disposing) return;
    this.disposing = true;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    const id = this.nextId++;
    const envelope: RequestEnvelope = { id, request: { op: 'dispose' } };
    this.worker.postMessage(envelope);
    const grace = setTimeout(() => void this.worker.terminate(), DISPOSE_GRACE_MS);
    grace.unref();
    await exited;
    clearTimeout(grace);
  }

  private settle(reply: ReplyEnvelope): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.error));
  }

  private exit(code: number): void {
    this.exited = true;
    const error = this.lastError ?? new Error(`the index thread exited with code ${code}`);
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    if (!this.disposing) this.onExit(error);
  }
}
