import { OWNED_FILE_MARK } from '../integration';

/** `.github/hooks/ai-provenance.json`: Copilot CLI's hook file format, which VS Code's agent hooks read too. */
export function copilotHookFile(command: string): string {
  const hook = { type: 'command', bash: command, powershell: command, timeoutSec: 30 };
  return `${JSON.stringify({ version: 1, hooks: { postToolUse: [hook] } }, null, 2)}\n`;
}

/** Cline runs an executable named after the hook and reads a JSON answer from its stdout. */
export function clineHookScript(command: string): string {
  return [
    '#!/bin/sh',
    `# ${OWNED_FILE_MARK}: records what Cline's file tools wrote (AI Provenance).`,
    '# The event arrives on stdin; recording never blocks Cline (it always answers "go on").',
    `${command} >/dev/null 2>&1`,
    'echo \'{"cancel": false}\'',
    '',
  ].join('\n');
}

/**
 * opencode loads plugins from `.opencode/plugins/`. This one keeps each
 * file tool's arguments from `tool.execute.before` and, once the tool has
 * written, hands them to `record --hook opencode` on stdin.
 */
export function opencodePlugin(command: string): string {
  return `// ${OWNED_FILE_MARK}: records what opencode's file tools wrote (AI Provenance).
import { spawn } from "node:child_process";

const COMMAND = ${JSON.stringify(command)};
const FILE_TOOLS = new Set(["write", "edit", "multiedit", "patch", "apply_patch"]);

export const AiProvenance = async ({ directory }) => {
  const pending = new Map();
  let model;
  const record = (payload) =>
    new Promise((resolve) => {
      const child = spawn(COMMAND, { shell: true, cwd: directory, stdio: ["pipe", "ignore", "ignore"] });
      child.on("error", resolve);
      child.on("close", resolve);
      child.stdin.on("error", () => undefined);
      child.stdin.end(JSON.stringify(payload));
    });
  return {
    "chat.params": async (input) => {
      const used = input && input.model;
      model = (used && (used.id || used.modelID)) || (typeof used === "string" ? used : model);
    },
    "tool.execute.before": async (input, output) => {
      if (FILE_TOOLS.has(input.tool)) pending.set(input.callID, output && output.args);
    },
    "tool.execute.after": async (input) => {
      if (!FILE_TOOLS.has(input.tool)) return;
      const args = input.args || pending.get(input.callID);
      pending.delete(input.callID);
      await record({ hook_event_name: "tool.execute.after", tool: input.tool, sessionID: input.sessionID, callID: input.callID, args, directory, ...(model ? { model } : {}) });
    },
  };
};
`;
}
