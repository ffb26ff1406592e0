import { realpathSync } from 'node:fs';
import { AGENT_NAMES, findAgent, parseJson, regionsOfChanges } from '../../core/agents';
import type { RegionOrigin } from '../../core/regions';
import { UsageError, type CliIO } from '../command';
import { openWorkspace, type CliWorkspace } from '../workspace';

export interface HookOptions {
  readonly hook?: string;
  readonly source?: string;
  readonly tool?: string;
  readonly model?: string;
  readonly store?: string;
}

/**
 * `record --hook <agent>`: reads the agent's hook event on stdin and marks
 * exactly what its file tools wrote. A hook must never break the agent:
 * every failure is one line on stderr, and the exit code is 0.
 */
export async function recordHook(values: HookOptions, io: CliIO): Promise<number> {
  const agent = findAgent(values.hook ?? '');
  if (!agent) throw new UsageError(`unknown --hook "${values.hook}" (supported: ${AGENT_NAMES.join(', ')})`);
  try {
    const report = agent.parse(parseJson(await io.readStdin()));
    if (!report) return 0;
    const model = values.model ?? report.model;
    const origin: RegionOrigin = {
      source: values.source ?? report.source ?? 'agent-hook',
      tool: values.tool ?? report.tool,
      ...(model ? { model } : {}),
    };
    const workspaces = new Map<string, CliWorkspace>();
    for (const written of report.files) {
      // Workspaces opened through a symlink: git and the store know the real path.
      const file = realPath(written.file);
      const workspace = await openWorkspace(io, { storeDir: values.store, near: file });
      const known = workspaces.get(workspace.root) ?? workspace;
      workspaces.set(known.root, known);
      const path = known.repoPath(file);
      const text = known.readText(path);
      known.store.reconcile(path, text);
      for (const region of regionsOfChanges(origin, written.changes, text)) known.store.add(path, region);
    }
    for (const workspace of workspaces.values()) await workspace.store.sync();
  } catch (error) {
    io.stderr(`ai-provenance: hook not recorded: ${(error as Error).message}\n`);
  }
  return 0;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
