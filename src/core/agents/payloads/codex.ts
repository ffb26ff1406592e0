import { parseApplyPatch } from '../applyPatch';
import { absolutePath, asArray, asObject, asString, firstString, type HookPayloadParser } from '../hookReport';

/**
 * OpenAI Codex's PostToolUse hook (developers.openai.com/codex/hooks,
 * `.codex/hooks.json`): Claude-style fields `cwd`, `model` (the active
 * model slug), `tool_name`, `tool_input`. Codex edits files with its
 * `apply_patch` tool, whose input carries the patch text
 * (`*** Begin Patch` ...), under `command` (also seen as an argv array).
 */
export const parseCodex: HookPayloadParser = (json) => {
  const input = asObject(json);
  if (!input || (asString(input.hook_event_name) ?? 'PostToolUse') !== 'PostToolUse') return undefined;
  const patch = findPatch(input.tool_input);
  if (!patch) return undefined;
  const cwd = asString(input.cwd);
  const files = parseApplyPatch(patch).map((file) => ({ file: absolutePath(file.path, cwd), changes: file.changes }));
  if (files.length === 0) return undefined;
  const model = firstString(input, 'model');
  return { tool: 'codex', ...(model ? { model } : {}), files };
};

/** The patch text wherever the tool input carries it (a string field, or an element of an argv array). */
function findPatch(toolInput: unknown): string | undefined {
  if (typeof toolInput === 'string') return toolInput.includes('*** Begin Patch') ? toolInput : undefined;
  const object = asObject(toolInput);
  const candidates = object ? Object.values(object) : asArray(toolInput);
  for (const value of candidates) {
    const found =
      typeof value === 'string' ? (value.includes('*** Begin Patch') ? value : undefined) : Array.isArray(value) ? findPatch(value) : undefined;
    if (found) return found;
  }
  return undefined;
}
