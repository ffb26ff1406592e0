import { homedir } from 'node:os';
import {
  AGENT_NAMES,
  type AgentPlaces,
  AGENTS,
  type AgentScope,
  agentState,
  findAgent,
  hookCommand,
  installAgent,
  uninstallAgent,
} from '../../core/agents';
import { findRepository } from '../../core/git';
import { parse } from '../args';
import { CliError, UsageError, type CliCommand, type CliIO } from '../command';

const USAGE = `Usage:
  ai-provenance agents list [--json]
  ai-provenance agents install <agent> [--scope project|user] [--command <executable>]
  ai-provenance agents uninstall <agent> [--scope project|user]

Connects AI coding agents to AI Provenance through their own hook (or
plugin) mechanism: after each file the agent writes, it runs
\`ai-provenance record --hook <agent>\`, which marks exactly what it wrote,
with the agent's name and, when the agent reports it, the model.
Agents: ${AGENT_NAMES.join(', ')}.
  --scope project    the repository's configuration (default; shared with the team if committed)
  --scope user       your own configuration, for every project
  --command <exe>    how the hook calls the CLI (default: ai-provenance, from PATH)
Installing twice changes nothing; the agent's other settings are kept as
they are (formatting included); uninstall removes only what install added.
An agent without hooks can be wrapped instead: ai-provenance run -- <command>.`;

export const agentsCommand: CliCommand = {
  name: 'agents',
  summary: 'list AI agents and install or remove the hooks that record what they write',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, scope: { type: 'string' }, command: { type: 'string' } });
    const [action, name, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const places = await placesOf(io);
    if (action === 'list' || action === undefined) return list(io, places, values.json === true);
    if (action !== 'install' && action !== 'uninstall') throw new UsageError(`unknown action "${action}" (list, install, uninstall)`);
    const agent = findAgent(name ?? '');
    if (!agent)
      throw new UsageError(name ? `unknown agent "${name}" (${AGENT_NAMES.join(', ')})` : `${action} needs an agent (${AGENT_NAMES.join(', ')})`);
    const scope = scopeOf(values.scope);
    if (action === 'install') {
      const { outcome, path } = await installAgent(agent, scope, places, hookCommand(agent.name, values.command)).catch((error: Error) => {
        throw new CliError(`${agent.displayName}: ${error.message}`);
      });
      io.stdout(outcome === 'changed' ? `${agent.displayName}: hook installed in ${path}\n` : `${agent.displayName}: already installed in ${path}\n`);
      if (outcome === 'changed' && agent.note) io.stdout(`  note: ${agent.note}\n`);
      return 0;
    }
    const { outcome, path } = await uninstallAgent(agent, scope, places);
    io.stdout(outcome === 'changed' ? `${agent.displayName}: hook removed from ${path}\n` : `${agent.displayName}: not installed in ${path}\n`);
    return 0;
  },
};

async function list(io: CliIO, places: AgentPlaces, json: boolean): Promise<number> {
  const rows = await Promise.all(AGENTS.map(async (agent) => ({ agent, state: await agentState(agent, places) })));
  if (json) {
    const entries = rows.map(({ agent, state }) => ({
      name: agent.name,
      installed: state.installed,
      scope: state.scope,
      mechanism: agent.mechanism,
    }));
    io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...AGENTS.map((agent) => agent.name.length));
  for (const { agent, state } of rows) {
    const where = state.installed ? `installed (${state.scope})` : 'not installed';
    io.stdout(`${agent.name.padEnd(width)}  ${where.padEnd(20)} ${agent.mechanism.padEnd(7)} ${agent.displayName}\n`);
  }
  return 0;
}

function scopeOf(value: string | undefined): AgentScope {
  if (value === undefined || value === 'project') return 'project';
  if (value === 'user') return 'user';
  throw new UsageError(`--scope must be project or user, not "${value}"`);
}

/** The project is the repository around the working directory (or the directory itself outside git). */
async function placesOf(io: CliIO): Promise<AgentPlaces> {
  const repository = await findRepository(io.cwd);
  return { root: repository?.root ?? io.cwd, home: io.env.HOME || io.env.USERPROFILE || homedir() };
}
