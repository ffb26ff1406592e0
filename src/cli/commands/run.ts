import { spawn } from 'node:child_process';
import { saveCheckpoint } from '../../core/capture';
import { parse } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { openWorkspace } from '../workspace';
import { recordSinceCheckpoint } from './recordSinceCheckpoint';

const USAGE = `Usage: ai-provenance run [--tool <name>] [--model <m>] [--store <dir>] -- <command> [<args>...]

Runs an AI agent that has no hooks (aider, a script, any CLI) and marks
what it wrote: a checkpoint before, \`record --since-checkpoint\` after. The
command's exit code is passed through; AI Provenance failing never stops
the command from running.
  --tool <name>    the agent's name in the regions (default: the command's name)
  --model <m>      the model, when known`;

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run an agent without hooks and record what it wrote (checkpoint before, record after)',
  usage: USAGE,
  async run(argv, io) {
    const separator = argv.indexOf('--');
    if (separator < 0 || separator === argv.length - 1) throw new UsageError('run needs the command after --, e.g. ai-provenance run -- aider');
    const { values, positionals } = parse(argv.slice(0, separator), {
      tool: { type: 'string' },
      model: { type: 'string' },
      store: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" before --`);
    const [command, ...args] = argv.slice(separator + 1);
    const tool = values.tool ?? command.split(/[\\/]/).pop()!;
    const checkpointed = await checkpoint(io, values.store);
    const exitCode = await runChild(command, args, io);
    if (checkpointed) {
      const quiet: CliIO = { ...io, stdout: (text) => io.stderr(`ai-provenance: ${text}`) };
      await recordSinceCheckpoint(
        { source: 'agent', tool, ...(values.model ? { model: values.model } : {}), ...(values.store ? { store: values.store } : {}) },
        [],
        quiet,
      ).catch((error: Error) => {
        io.stderr(`ai-provenance: not recorded: ${error.message}\n`);
      });
    }
    return exitCode;
  },
};

async function checkpoint(io: CliIO, store: string | undefined): Promise<boolean> {
  try {
    const workspace = await openWorkspace(io, { storeDir: store });
    await saveCheckpoint(workspace.root, workspace.store.storeDir, []);
    return true;
  } catch (error) {
    io.stderr(`ai-provenance: no checkpoint, nothing will be recorded: ${(error as Error).message}\n`);
    return false;
  }
}

/** Runs the command with this terminal; resolves with its exit code (128 + signal number when killed). */
function runChild(command: string, args: readonly string[], io: CliIO): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: io.cwd, env: io.env, stdio: 'inherit' });
    child.on('error', (error) => {
      io.stderr(`ai-provenance run: cannot start ${command}: ${error.message}\n`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? 128 + signalNumber(signal)));
  });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };
  return (signal && numbers[signal]) ?? 1;
}
