import * as nodeModule from 'node:module';

/**
 * Ends the hook's process as soon as its work is done. Left to itself, node
 * first lets V8 finish the garbage collector's background work (marking a
 * heap the hook is about to drop), about 10 ms after a large commit, which
 * git waits for. Exits only when nothing is left to write: stdout and
 * stderr flushed (pipes are asynchronous on macOS; the hooks write only through their CliIO), and node's compile cache
 * (Node 22+, enabled by start.ts) saved first, which a node without
 * module.flushCompileCache might not do on exit. Every hook awaits its own
 * work (files are written synchronously), so nothing else is cut short;
 * start.ts's code cache for older nodes is written on 'exit', which
 * process.exit() still emits.
 */
export function exitWhenFlushed(code: number, wroteOutput: boolean): void {
  // Only asked when the hook wrote: process.stdout and process.stderr are made on first use (loading node's stream modules).
  if (wroteOutput && (process.stdout.writableLength > 0 || process.stderr.writableLength > 0)) return;
  const compileCache = nodeModule as unknown as { getCompileCacheDir?: () => string | undefined; flushCompileCache?: () => void };
  if (compileCache.getCompileCacheDir?.() !== undefined) {
    if (typeof compileCache.flushCompileCache !== 'function') return;
    try {
      compileCache.flushCompileCache();
    } catch {
      return;
    }
  }
  process.exit(code);
}
