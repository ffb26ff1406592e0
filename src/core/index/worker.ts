import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseRequest, type ParseResult } from './parseFile';
import { warmLanguages } from './parserHost';
import type { LanguageId } from './types';

/**
 * Worker thread entry (bundled to dist/indexWorker.js): parses batches of
 * files so the thread that answers the editor never runs tree-sitter.
 */

export interface WorkerBatch {
  readonly id: number;
  readonly requests: readonly ParseRequest[];
}

/** Sent by ParsePool.prestart: load these grammars now, before the first batch arrives. */
export interface WorkerWarmUp {
  readonly warm: readonly LanguageId[];
}

export interface WorkerReply {
  readonly id: number;
  readonly results: readonly ParseResult[];
}

const port = parentPort;
if (port) {
  // The pool sends the next batch before this one is done; take them strictly in turn.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: WorkerBatch | WorkerWarmUp) => {
    if ('warm' in message) return warmLanguages(message.warm);
    const batch = message;
    previous = previous.then(async () => {
      const results: ParseResult[] = [];
      for (const request of batch.requests) results.push(await parseFile(request));
      const reply: WorkerReply = { id: batch.id, results };
      port.postMessage(reply);
    });
  });
}
