import { parentPort } from 'node:worker_threads';
import { IndexSession } from './indexSession';
import type { IndexReplies, IndexRequest, ReplyEnvelope, RequestEnvelope } from './protocol';

/**
 * The index thread of one repository (bundled to dist/indexHost.js): the
 * whole WorkspaceIndex (listing, parse threads, resolution, graph, blast
 * radius) lives here, so the extension host's thread only posts messages.
 * Requests run strictly in turn: a query never sees a half-updated graph.
 * No `vscode` in this thread.
 */

const port = parentPort;
let session: IndexSession | undefined;

async function handle(request: IndexRequest): Promise<IndexReplies[IndexRequest['op']]> {
  if (request.op === 'open') {
    if (session) throw new Error('the index is already open');
    const opened = await IndexSession.open(request.options);
    session = opened.session;
    return { problems: opened.problems };
  }
  if (request.op === 'dispose') {
    session?.dispose();
    session = undefined;
    // Nothing else keeps the thread alive once the port closes: it ends.
    setImmediate(() => port?.close());
    return {};
  }
  if (!session) throw new Error(`${request.op} before open`);
  switch (request.op) {
    case 'build': {
      const stats = await session.build();
      return { version: session.currentVersion, stats };
    }
    case 'update': {
      const outcome = await session.update(request.changes);
      return { version: session.currentVersion, outcome };
    }
    case 'reloadClassifier': {
      const problems = await session.reloadClassifier(request.loadBearingSetting);
      return { version: session.currentVersion, problems };
    }
    case 'blastRadius':
      return { version: session.currentVersion, answers: session.blastRadius(request.queries) };
    case 'dependentCounts':
      return { version: session.currentVersion, counts: session.dependentCounts() };
    case 'stats':
      return { version: session.currentVersion, stats: session.stats() };
  }
}

if (port) {
  let previous: Promise<void> = Promise.resolve();
  port.on('message', ({ id, request }: RequestEnvelope) => {
    previous = previous.then(async () => {
      let reply: ReplyEnvelope;
      try {
        reply = { id, ok: true, value: await handle(request) };
      } catch (error) {
        reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply);
    });
  });
}
