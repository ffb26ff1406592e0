/** Public API of src/core/agents for the extension and the CLI (pure: no vscode). */
export { agentState, detectAgents, installAgent, uninstallAgent } from './agentFiles';
export { AGENT_NAMES, AGENTS, findAgent, hookCommand } from './agents';
export { parseJson } from './hookReport';
export type { AgentIntegration, AgentPlaces, AgentScope } from './integration';
export { regionsOfChanges } from './writtenText';
