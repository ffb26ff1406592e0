import { flatHooks, matcherGroupHooks, ownedFile, type AgentIntegration } from './integration';
import { clineHookScript, copilotHookFile, opencodePlugin } from './integrations/ownedFiles';
import { parseClaudeCode } from './payloads/claudeCode';
import { parseCline } from './payloads/cline';
import { parseCodex } from './payloads/codex';
import { parseCopilot } from './payloads/copilot';
import { parseCursor } from './payloads/cursor';
import { parseGeminiCli } from './payloads/geminiCli';
import { parseOpencode } from './payloads/opencode';
import { parseWindsurf } from './payloads/windsurf';

/**
 * The agents AI Provenance hooks into, each through the mechanism its own
 * documentation describes (see docs/AGENTS.md for the sources). Their names
 * are a contract (`agents list --json`, `record --hook <name>`).
 */
export const AGENTS: readonly AgentIntegration[] = [
  {
    name: 'claude-code',
    displayName: 'Claude Code',
    mechanism: 'hooks',
    markers: ['.claude', 'CLAUDE.md'],
    files: { project: '.claude/settings.json', user: '.claude/settings.json' },
    parse: parseClaudeCode,
    ...matcherGroupHooks('claude-code', 'PostToolUse', 'Write|Edit|MultiEdit'),
  },
  {
    name: 'cursor',
    displayName: 'Cursor',
    mechanism: 'hooks',
    markers: ['.cursor', '.cursorrules'],
    files: { project: '.cursor/hooks.json', user: '.cursor/hooks.json' },
    parse: parseCursor,
    ...flatHooks('cursor', ['afterFileEdit', 'afterTabFileEdit'], {}, { version: 1 }),
  },
  {
    name: 'gemini-cli',
    displayName: 'Gemini CLI',
    mechanism: 'hooks',
    markers: ['.gemini', 'GEMINI.md'],
    files: { project: '.gemini/settings.json', user: '.gemini/settings.json' },
    note: 'Gemini CLI runs hooks from version 0.26; earlier previews also need "tools": {"enableHooks": true} in the same settings file.',
    parse: parseGeminiCli,
    ...matcherGroupHooks('gemini-cli', 'AfterTool', 'write_file|replace', { name: 'ai-provenance' }),
  },
  {
    name: 'codex',
    displayName: 'OpenAI Codex CLI',
    mechanism: 'hooks',
    markers: ['.codex', 'AGENTS.md'],
    files: { project: '.codex/hooks.json', user: '.codex/hooks.json' },
    note: 'Codex runs hooks by default since they left the experimental stage; an older Codex needs `[features]` `hooks = true` (earlier: `codex_hooks = true`) in ~/.codex/config.toml.',
    parse: parseCodex,
    ...matcherGroupHooks('codex', 'PostToolUse', 'apply_patch|Edit|Write', { timeout: 30 }),
  },
  {
    name: 'copilot',
    displayName: 'GitHub Copilot (VS Code agent hooks, Copilot CLI)',
    mechanism: 'hooks',
    markers: ['.github/copilot-instructions.md', '.github/hooks', '.github/agents', '.github/prompts'],
    files: { project: '.github/hooks/ai-provenance.json', user: '.copilot/hooks/ai-provenance.json' },
    note: 'VS Code reads .github/hooks/*.json when its agent hooks are on (setting chat.hooks.enabled, preview); Copilot CLI reads them in the repository and ~/.copilot/hooks/.',
    parse: parseCopilot,
    ...ownedFile('copilot', copilotHookFile, 'the hook file', false),
  },
  {
    name: 'windsurf',
    displayName: 'Windsurf (Cascade)',
    mechanism: 'hooks',
    markers: ['.windsurf', '.windsurfrules'],
    files: { project: '.windsurf/hooks.json', user: '.codeium/windsurf/hooks.json' },
    parse: parseWindsurf,
    ...flatHooks('windsurf', ['post_write_code'], { show_output: false }),
  },
  {
    name: 'cline',
    displayName: 'Cline',
    mechanism: 'hooks',
    markers: ['.clinerules'],
    files: { project: '.clinerules/hooks/PostToolUse', user: 'Documents/Cline/Hooks/PostToolUse' },
    executable: true,
    note: 'Cline runs hooks when they are enabled in its settings (Hooks, from Cline 3.36).',
    parse: parseCline,
    ...ownedFile('cline', clineHookScript, 'a PostToolUse hook'),
  },
  {
    name: 'opencode',
    displayName: 'opencode',
    mechanism: 'plugin',
    markers: ['.opencode', 'opencode.json', 'opencode.jsonc'],
    files: { project: '.opencode/plugins/ai-provenance.js', user: '.config/opencode/plugins/ai-provenance.js' },
    parse: parseOpencode,
    ...ownedFile('opencode', opencodePlugin, 'the plugin file'),
  },
];

export const AGENT_NAMES = AGENTS.map((agent) => agent.name);

export function findAgent(name: string): AgentIntegration | undefined {
  return AGENTS.find((agent) => agent.name === name);
}

/** The command an agent's hook runs. */
export function hookCommand(agent: string, executable = 'ai-provenance'): string {
  return `${executable} record --hook ${agent}`;
}
