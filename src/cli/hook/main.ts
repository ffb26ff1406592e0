// dist/hookMain.js: what the installed git hooks run (through start.ts):
// `hook run` without the rest of the CLI. Only the hooks' code is in this
// bundle (the workspace index is loaded from hookIndex.js, and only when
// aiProvenance.hookBlastRadius asks for it), so node loads it in a fraction
// of the CLI's time, on every commit.
import { processIO } from '../processIO';
import { exitWhenFlushed } from './exit';
import { runHook } from './run';
import { readStdinDirectly } from './stdin';

runHook(process.argv.slice(2), { ...processIO(), readStdin: readStdinDirectly }).then(
  (code) => {
    process.exitCode = code;
    exitWhenFlushed(code);
  },
  (error: unknown) => {
    // Bad usage only (runHook fails open otherwise): never fail the commit.
    process.stderr.write(`ai-provenance: ${error instanceof Error ? error.message : String(error)}\n`);
  },
);
