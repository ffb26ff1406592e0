#!/usr/bin/env node
import { CliError, UsageError, type CliCommand, type CliIO } from './command';
import { processIO } from './processIO';
import { agentsCommand } from './commands/agents';
import { blameCommand } from './commands/blame';
import { checkpointCommand } from './commands/checkpoint';
import { runCommand } from './commands/run';
import { recordCommand } from './commands/record';
import { clearCommand, markReviewedCommand, unmarkCommand } from './commands/review';
import { statusCommand } from './commands/status';
import { gateCommand } from './commands/gate';
import { impactCommand } from './commands/impact';
import { indexCommand } from './commands/index';
import { hookCommand } from './commands/hook';
import { notesCommand } from './commands/notes';
import { reportCommand } from './commands/report';
import { insightsCommand } from './commands/insights';
import { exportCommand } from './commands/export';
import { reviewCommand } from './commands/reviewBranch';
import { trailersCommand } from './commands/trailers';

declare const AI_PROVENANCE_VERSION: string | undefined;

const COMMANDS: readonly CliCommand[] = [
  recordCommand,
  checkpointCommand,
  runCommand,
  agentsCommand,
  statusCommand,
  markReviewedCommand,
  unmarkCommand,
  clearCommand,
  indexCommand,
  impactCommand,
  hookCommand,
  trailersCommand,
  notesCommand,
  blameCommand,
  gateCommand,
  reportCommand,
  insightsCommand,
  exportCommand,
  reviewCommand,
];

function version(): string {
  return typeof AI_PROVENANCE_VERSION === 'string' ? AI_PROVENANCE_VERSION : 'development';
}

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const rows = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `AI Provenance ${version()}: know which code an AI wrote, and where it matters.

Usage: ai-provenance <command> [options]

Commands:
${rows.join('\n')}

Run \`ai-provenance <command> --help\` for a command's options.
`;
}

/** Runs the CLI; returns the exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`ai-provenance: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  // Options of ours end at `--` (`run -- <command> --help` is the command's).
  const ours = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (ours.includes('--help') || ours.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ai-provenance ${name}: ${error.message}\nRun \`ai-provenance ${name} --help\` for usage.\n`);
      return 2;
    }
    if (error instanceof CliError) {
      io.stderr(`ai-provenance ${name}: ${error.message}\n`);
      return 1;
    }
    io.stderr(`ai-provenance ${name}: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ai-provenance: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
