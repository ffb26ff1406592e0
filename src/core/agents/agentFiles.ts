import { chmod, mkdir, realpath, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../store/atomicFile';
import type { AgentIntegration, AgentPlaces, AgentScope } from './integration';

export interface AgentState {
  readonly installed: boolean;
  /** Where it is installed (the project wins when both are). */
  readonly scope: AgentScope | null;
}

export function configPath(agent: AgentIntegration, scope: AgentScope, places: AgentPlaces): string {
  return join(scope === 'project' ? places.root : places.home, ...agent.files[scope].split('/'));
}

/** Configuration files are often symlinks into a dotfiles repository: write through the link, never over it. */
async function throughLinks(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}

export async function agentState(agent: AgentIntegration, places: AgentPlaces): Promise<AgentState> {
  for (const scope of ['project', 'user'] as const) {
    const text = await readFileIfExists(configPath(agent, scope, places)).catch(() => undefined);
    if (text !== undefined && agent.isInstalled(text)) return { installed: true, scope };
  }
  return { installed: false, scope: null };
}

export type ChangeOutcome = 'changed' | 'unchanged';

/** Adds our hook to the agent's configuration; unchanged when it is there already. */
export async function installAgent(
  agent: AgentIntegration,
  scope: AgentScope,
  places: AgentPlaces,
  command: string,
): Promise<{ outcome: ChangeOutcome; path: string }> {
  const path = configPath(agent, scope, places);
  const text = await readFileIfExists(path);
  if (text !== undefined && agent.isInstalled(text)) return { outcome: 'unchanged', path };
  const updated = agent.install(text, command);
  await mkdir(dirname(path), { recursive: true });
  const target = await throughLinks(path);
  await writeFileAtomic(target, updated);
  if (agent.executable) await chmod(target, 0o755);
  return { outcome: 'changed', path };
}

/** Takes our hook out again; removes the file when nothing else is left in it. */
export async function uninstallAgent(
  agent: AgentIntegration,
  scope: AgentScope,
  places: AgentPlaces,
): Promise<{ outcome: ChangeOutcome; path: string }> {
  const path = configPath(agent, scope, places);
  const text = await readFileIfExists(path);
  if (text === undefined || !agent.isInstalled(text)) return { outcome: 'unchanged', path };
  const updated = agent.uninstall(text);
  if (updated === undefined) await rm(path, { force: true });
  else await writeFileAtomic(await throughLinks(path), updated);
  return { outcome: 'changed', path };
}

/** The agents whose traces (configuration folders, instruction files) are in the workspace. */
export function detectAgents(agents: readonly AgentIntegration[], root: string): AgentIntegration[] {
  return agents.filter((agent) => agent.markers.some((marker) => existsSync(join(root, ...marker.split('/')))));
}
