// dist/hook.js: the file the installed git hooks run. It loads the hooks'
// bundle (hookMain.js, next to it) with V8's code cache: node then skips
// compiling it again on every commit. Node 22.1 and later keep that cache
// themselves (module.enableCompileCache); for older ones (Node 20) this file
// keeps it, in hookMain.js.cache, rewritten whenever V8 rejects it (another
// node version). Only node's own modules here: this file is not bundled with
// anything and must stay tiny.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { constants, Script } from 'node:vm';

// A hook lives about 100 ms: V8's optimising compiler would spend a core on
// functions that finish before the optimised code pays off (measured on a
// 1,000-file commit: 9 ms more per commit on two cores). With a budget 16 times
// the default (67,584 in Node 20) the loops of a large commit still get optimised
// (an 8,000-file commit took as long as before). Set before the bundle loads:
// V8 reads it when a function first runs.
setFlagsFromString('--interrupt-budget=1081344');

const bundle = join(__dirname, 'hookMain.js');
const enableCompileCache = (Module as unknown as { enableCompileCache?: (directory: string) => unknown }).enableCompileCache;

try {
  if (typeof enableCompileCache === 'function') {
    try {
      enableCompileCache(join(__dirname, 'compile-cache'));
    } catch {
      // Only slower without it.
    }
    createRequire(__filename)(bundle);
  } else {
    runWithCodeCache(bundle, `${bundle}.cache`);
  }
} catch (error) {
  // A hook never fails the commit, and says why in one line (e.g. hookMain.js missing: `ai-provenance hook install` copies it again).
  process.stderr.write(
    `ai-provenance: ${process.argv[2] ?? 'hook'} skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
  );
}

/** Runs a CommonJS file as require() would, compiled with (and, when there was none that fit, leaving) a code cache. */
function runWithCodeCache(file: string, cacheFile: string): void {
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // First run: made below.
  }
  const script = new Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // The bundle loads its parts with require(); should anything still import(), node's own loader answers (Node 20.12+).
    ...(constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  if (!cachedData || script.cachedDataRejected === true) {
    // Made at exit, once the hook ran: the functions it compiled on the way are in it too.
    process.once('exit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // A read-only store: every run compiles, as without the cache.
      }
    });
  }
  const compiled = { exports: {} as unknown, filename: file };
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void;
  run.call(compiled.exports, compiled.exports, createRequire(file), compiled, file, dirname(file));
}
