import { join } from 'node:path';

/** The vendored agent payloads (test/fixtures/agents), from any compiled test under out/test. */
export const AGENT_FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'agents');

/** The agent a fixture is for: its name up to a shape suffix (cursor-tab, copilot-vscode). */
export function agentOf(name: string): string {
  return name === 'cursor-tab' ? 'cursor' : name === 'copilot-vscode' ? 'copilot' : name;
}
