import * as vscode from 'vscode';
import { type AgentIntegration, AGENTS, agentState, detectAgents, findAgent, hookCommand, installAgent } from '../../core/agents';
import { describeError, type Log } from '../log';

const STATE_KEY = 'aiProvenance.agents.offered';
const BUTTONS = { install: 'Install Hooks', notNow: 'Not Now' } as const;
export const INSTALL_AGENT_HOOKS_COMMAND = 'aiProvenance.installAgentHooks';

/**
 * "Record what Claude Code and Cursor write?" for a workspace where agents
 * leave their traces (.claude/, .cursor/, ...) without our hook: one
 * notification, once per workspace folder and agent (remembered in the
 * workspace state, whatever the answer), opt-in: nothing is written unless
 * the person presses Install. The project-scope hook calls `ai-provenance`
 * from PATH, which integrated terminals get from this extension.
 */
export class AgentOffer {
  private readonly shownRoots: string[] = [];

  constructor(
    private readonly state: vscode.Memento,
    private readonly home: string,
    private readonly log: Log,
  ) {}

  /** Folders the offer was shown for in this session, in order. */
  get shown(): readonly string[] {
    return this.shownRoots;
  }

  /** Agents used in `root` whose hook is not installed and that were never offered there. */
  async candidates(root: string): Promise<AgentIntegration[]> {
    const offered = this.offered(root);
    const detected = detectAgents(AGENTS, root).filter((agent) => !offered.includes(agent.name));
    const states = await Promise.all(detected.map((agent) => agentState(agent, { root, home: this.home })));
    return detected.filter((_, index) => !states[index].installed);
  }

  /** Shows the offer for `root` when it has candidates; resolves once shown (the answer may never come). */
  async offer(root: string): Promise<void> {
    if (!vscode.workspace.getConfiguration('aiProvenance.agents').get<boolean>('offerHooks', true) || !vscode.workspace.isTrusted) return;
    const agents = await this.candidates(root);
    if (agents.length === 0) return;
    // Remembered before asking: a notification closed unanswered is not shown again.
    await this.state.update(STATE_KEY, { ...this.records(), [root]: [...this.offered(root), ...agents.map((agent) => agent.name)] });
    this.shownRoots.push(root);
    const names = agents.map((agent) => agent.displayName).join(', ');
    const files = agents.map((agent) => agent.files.project).join(', ');
    this.log.info(`Offering agent hooks in ${root}: ${agents.map((agent) => agent.name).join(', ')}`);
    void vscode.window
      .showInformationMessage(
        `Record exactly what ${names} write${agents.length === 1 ? 's' : ''}? AI Provenance can add a hook to ${files} that runs \`ai-provenance record\` after each file the agent edits.`,
        BUTTONS.install,
        BUTTONS.notNow,
      )
      .then((choice) =>
        choice === BUTTONS.install
          ? this.install(
              root,
              agents.map((agent) => agent.name),
            )
          : undefined,
      );
  }

  /** Installs the project hooks of `names` in `root` (what the Install button does). */
  async install(root: string, names: readonly string[]): Promise<string[]> {
    const installed: string[] = [];
    for (const name of names) {
      const agent = findAgent(name);
      if (!agent) continue;
      try {
        const { path } = await installAgent(agent, 'project', { root, home: this.home }, hookCommand(agent.name));
        installed.push(path);
        this.log.info(`${agent.displayName}: hook installed in ${path}`);
      } catch (error) {
        void vscode.window.showWarningMessage(`AI Provenance could not install the ${agent.displayName} hook: ${describeError(error)}`);
      }
    }
    return installed;
  }

  private offered(root: string): string[] {
    return this.records()[root] ?? [];
  }

  private records(): Readonly<Record<string, string[]>> {
    const stored = this.state.get<unknown>(STATE_KEY);
    return stored && typeof stored === 'object' ? (stored as Record<string, string[]>) : {};
  }
}
