import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { AGENTS, agentState } from '../../core/agents';
import type { Log } from '../log';
import { AgentOffer, INSTALL_AGENT_HOOKS_COMMAND } from './agentOffer';

export interface AgentsApi {
  readonly offer: AgentOffer;
}

/** Agent hooks: the once-per-workspace offer, and a command to install them any time. */
export function registerAgents(context: vscode.ExtensionContext, log: Log): { api: AgentsApi; disposables: vscode.Disposable[] } {
  const offer = new AgentOffer(context.workspaceState, homedir(), log);
  const folders = () => (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  const offerAll = () => {
    for (const root of folders()) void offer.offer(root).catch((error: unknown) => log.warn(`Agent hook offer failed in ${root}: ${String(error)}`));
  };
  // After start-up has settled: the offer is no reason to slow activation down.
  const timer = setTimeout(offerAll, 5_000);
  const disposables = [
    { dispose: () => clearTimeout(timer) },
    vscode.workspace.onDidGrantWorkspaceTrust(offerAll),
    vscode.commands.registerCommand(INSTALL_AGENT_HOOKS_COMMAND, async (root?: string, names?: string[]) => {
      const target = root ?? folders()[0];
      if (!target) return [];
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('AI Provenance installs agent hooks only in a trusted workspace.');
        return [];
      }
      const chosen = names ?? (await pickAgents(target));
      return chosen.length > 0 ? offer.install(target, chosen) : [];
    }),
  ];
  return { api: { offer }, disposables };
}

async function pickAgents(root: string): Promise<string[]> {
  const items = await Promise.all(
    AGENTS.map(async (agent) => {
      const state = await agentState(agent, { root, home: homedir() });
      return {
        label: agent.displayName,
        description: state.installed ? `installed (${state.scope})` : agent.files.project,
        name: agent.name,
        picked: false,
      };
    }),
  );
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Install agent hooks (project)',
    placeHolder: 'The agents whose file edits AI Provenance should record',
  });
  return picked?.map((item) => item.name) ?? [];
}
