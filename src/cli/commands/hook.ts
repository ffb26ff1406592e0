import { resolve } from 'node:path';
import { HookInstallError, hooksStatus, type HooksStatus, installHooks, uninstallHooks } from '../../core/provenance';
import { MANAGED_HOOKS } from '../../core/git';
import { parse } from '../args';
import { runHook } from '../hook/run';
import { CliError, UsageError, type CliCommand } from '../command';

const USAGE = `Usage:
  ai-provenance hook install [--node <path>] [--json]
  ai-provenance hook uninstall [--json]
  ai-provenance hook status [--json]
  ai-provenance hook run <hook> [<args>...]

install    installs ${MANAGED_HOOKS.join(', ')} where git runs hooks
           (core.hooksPath or .git/hooks; Husky's .husky/_ too). Hooks already
           there are kept and run first. Copies this CLI into
           <git common dir>/ai-provenance/bin/, sets notes.rewriteRef so
           notes follow amends and rebases, and makes every remote's
           git fetch bring its notes into refs/remote-notes/<remote>/
           (pre-push then pushes the notes with the code; see
           \`ai-provenance notes --help\`)
  --node     the node binary for when node is not on PATH at commit time
             (default: the one running this command)
uninstall  puts back exactly the hooks that were there before
status     shows what is installed
run        what the installed hooks call; never fails a commit: problems are
           one line on stderr and the message is left as it was`;

export const hookCommand: CliCommand = {
  name: 'hook',
  summary: 'install, remove or inspect the git hooks that record provenance at commit time',
  usage: USAGE,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (action === 'run') return runHook(rest, io);
    const { values } = parse(rest, { node: { type: 'string' }, json: { type: 'boolean' } }, false);
    try {
      switch (action) {
        case 'install': {
          // The bundle that is running: the copy the hooks will run is made from it.
          const cliPath = resolve(require.main?.filename ?? process.argv[1] ?? __filename);
          const result = await installHooks(io.cwd, { cliPath, nodePath: values.node ?? process.execPath });
          if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
          else {
            io.stdout(`Hooks installed in ${result.hooksDir}${result.husky ? ' (Husky)' : ''}:\n`);
            for (const hook of result.hooks) io.stdout(`  ${hook.name}${hook.chained ? '  (runs the previous hook first)' : ''}\n`);
            for (const warning of result.warnings) io.stdout(`note: ${warning}\n`);
          }
          return 0;
        }
        case 'uninstall': {
          const result = await uninstallHooks(io.cwd);
          if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
          else {
            for (const path of result.restored) io.stdout(`restored ${path}\n`);
            for (const path of result.removed) io.stdout(`removed ${path}\n`);
            for (const { path, reason } of result.left) io.stdout(`left ${path}: ${reason}\n`);
            if (result.restored.length + result.removed.length + result.left.length === 0) io.stdout('No AI Provenance hooks were installed.\n');
          }
          return 0;
        }
        case 'status': {
          const status = await hooksStatus(io.cwd);
          io.stdout(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
          return 0;
        }
        default:
          throw new UsageError(action === undefined ? 'hook needs install, uninstall, status or run' : `unknown hook action "${action}"`);
      }
    } catch (error) {
      if (error instanceof HookInstallError) throw new CliError(error.message);
      throw error;
    }
  },
};

function formatStatus(status: HooksStatus): string {
  const lines = [`Hooks directory: ${status.hooksDir}${status.husky ? ' (Husky)' : ''}`];
  for (const hook of status.hooks) lines.push(`  ${hook.name.padEnd(18)} ${hook.state}${hook.chained ? ', runs the previous hook first' : ''}`);
  lines.push(`CLI copy: ${status.cliCopy.path}${status.cliCopy.present ? '' : ' (missing)'}`);
  if (status.nodeFallback)
    lines.push(
      `node fallback: ${status.nodeFallback}${status.nodeFallbackPresent === false ? ' (no longer exists: run `ai-provenance hook install`)' : ''}`,
    );
  lines.push(`notes follow rewrites (notes.rewriteRef): ${status.notesRewrite ? 'yes' : 'no'}`);
  lines.push(`notes fetched from (git fetch / git pull): ${status.notesFetchedFrom.length > 0 ? status.notesFetchedFrom.join(', ') : 'no remote'}`);
  lines.push(status.installed ? 'Installed.' : 'Not (fully) installed: run `ai-provenance hook install`.');
  if (status.failures.length > 0) {
    lines.push(`The hooks could not record provenance ${status.failures.length === 1 ? 'once' : `${status.failures.length} times`} (latest last):`);
    for (const failure of status.failures) {
      lines.push(
        `  ${new Date(failure.at).toISOString()} ${failure.hook}${failure.commit ? ` ${failure.commit.slice(0, 10)}` : ''}: ${failure.detail}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
