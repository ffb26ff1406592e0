// dist/hookMain.js: what the installed git hooks run (through start.ts):
// `hook run` without the rest of the CLI. Only the hooks' code is in this
// bundle (the workspace index is loaded from hookIndex.js, and only when
// aiProvenance.hookBlastRadius asks for it), so node loads it in a fraction
// of the CLI's time, on every commit.
import { processIO } from '../processIO';
import { exitWhenFlushed } from './exit';
import { runHook } from './run';
import { readStdinDirectly } from './stdin';

const io = processIO();
let wroteOutput = false;
// Stdin is read to its end before the process ends, as when node ended by itself (a hook that did not need
// it, e.g. for a merge or an amend, must not leave the script's writer a broken pipe).
let stdinRead: Promise<unknown> = Promise.resolve();
const hookIO = {
  ...io,
  stdout: (text: string) => {
    wroteOutput = true;
    io.stdout(text);
  },
  stderr: (text: string) => {
    wroteOutput = true;
    io.stderr(text);
  },
  readStdin: (onFirstBytes?: () => void) => {
    const text = readStdinDirectly(onFirstBytes);
    stdinRead = text.catch(() => undefined);
    return text;
  },
};

runHook(process.argv.slice(2), hookIO).then(
  async (code) => {
    process.exitCode = code;
    await stdinRead;
    exitWhenFlushed(code, wroteOutput);
  },
  (error: unknown) => {
    // Bad usage only (runHook fails open otherwise): never fail the commit.
    process.stderr.write(`ai-provenance: ${error instanceof Error ? error.message : String(error)}\n`);
  },
);
