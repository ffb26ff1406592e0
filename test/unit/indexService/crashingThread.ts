// A stand-in index thread that dies on `build`, for the crash tests (not a *.test file).
import { parentPort } from 'node:worker_threads';
import type { RequestEnvelope } from '../../../src/extension/index/protocol';

parentPort?.on('message', ({ id, request }: RequestEnvelope) => {
  if (request.op === 'build') throw new Error('simulated crash while building');
  parentPort?.postMessage({ id, ok: true, value: { problems: [] } });
});
