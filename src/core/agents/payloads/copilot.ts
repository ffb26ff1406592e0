import { parseApplyPatch } from '../applyPatch';
import { absolutePath, asArray, asObject, asString, firstString, type HookPayloadParser, type JsonObject } from '../hookReport';
import type { WrittenChange, WrittenFile } from '../writtenText';

/**
 * GitHub Copilot's agent hooks, in their two payload shapes:
 * - Copilot CLI and the coding agent (docs.github.com/en/copilot/reference/
 *   hooks-configuration): `postToolUse` with `cwd`, `toolName`, `toolArgs`
 *   (a JSON string) and `toolResult`; the file tools are `edit` /
 *   `str_replace` (path, old_str, new_str) and `create` (path, file_text).
 * - VS Code's agent hooks (code.visualstudio.com/docs/copilot/customization/
 *   hooks), which read the same `.github/hooks/*.json` files: `PostToolUse`
 *   with `cwd`, `tool_name`, `tool_input` (an object); the file tools are
 *   `replace_string_in_file` / `multi_replace_string_in_file` (filePath,
 *   oldString, newString), `create_file` (filePath, content),
 *   `insert_edit_into_file` (filePath, code with "...existing code..."
 *   markers) and `apply_patch` (input).
 */
export const parseCopilot: HookPayloadParser = (json) => {
  const input = asObject(json);
  if (!input) return undefined;
  const cwd = firstString(input, 'cwd', 'workspace_folder', 'workspaceFolder');
  const vsCodeTool = asString(input.tool_name);
  const files = vsCodeTool ? vsCodeFiles(input, vsCodeTool, cwd) : cliFiles(input, cwd);
  if (!files || files.length === 0) return undefined;
  const model = firstString(input, 'model');
  return { tool: 'copilot', ...(model ? { model } : {}), files };
};

function cliFiles(input: JsonObject, cwd: string | undefined): WrittenFile[] | undefined {
  // Only postToolUse carries a result: a preToolUse payload is about an edit not made yet.
  if (input.toolResult === undefined || asString(asObject(input.toolResult)?.resultType) === 'failure') return undefined;
  const tool = asString(input.toolName);
  const args = typeof input.toolArgs === 'string' ? parseArgs(input.toolArgs) : asObject(input.toolArgs);
  if (!tool || !args) return undefined;
  if (tool === 'apply_patch')
    return patchFiles(firstString(args, 'input', 'patch') ?? (typeof input.toolArgs === 'string' ? input.toolArgs : ''), cwd);
  const path = firstString(args, 'path', 'file_path', 'filePath');
  if (!path) return undefined;
  if (tool === 'create')
    return [{ file: absolutePath(path, cwd), changes: [{ kind: 'write', content: firstString(args, 'file_text', 'content') ?? '' }] }];
  if (tool === 'edit' || tool === 'str_replace' || tool === 'str_replace_editor') {
    const written = typeof args.new_str === 'string' ? args.new_str : undefined;
    if (written === undefined) return undefined;
    return [{ file: absolutePath(path, cwd), changes: [{ kind: 'edit', old: typeof args.old_str === 'string' ? args.old_str : '', new: written }] }];
  }
  return undefined;
}

function vsCodeFiles(input: JsonObject, tool: string, cwd: string | undefined): WrittenFile[] | undefined {
  const event = firstString(input, 'hookEventName', 'hook_event_name');
  if (event !== undefined && event !== 'PostToolUse') return undefined;
  const args = asObject(input.tool_input);
  if (!args) return undefined;
  if (tool === 'apply_patch') return patchFiles(firstString(args, 'input', 'patch') ?? '', cwd);
  const replacements = tool === 'multi_replace_string_in_file' ? asArray(args.replacements).map(asObject) : [args];
  const byFile = new Map<string, WrittenChange[]>();
  const add = (path: string | undefined, change: WrittenChange) => {
    if (!path) return;
    const file = absolutePath(path, cwd);
    byFile.set(file, [...(byFile.get(file) ?? []), change]);
  };
  for (const replacement of replacements) {
    const path = firstString(replacement, 'filePath', 'file_path', 'path');
    if (tool === 'create_file') add(path, { kind: 'write', content: firstString(replacement, 'content') ?? '' });
    else if (tool === 'insert_edit_into_file')
      for (const piece of withoutExistingCodeMarkers(firstString(replacement, 'code') ?? '')) add(path, { kind: 'write', content: piece });
    else if ((tool === 'replace_string_in_file' || tool === 'multi_replace_string_in_file') && typeof replacement?.newString === 'string') {
      add(path, { kind: 'edit', old: typeof replacement.oldString === 'string' ? replacement.oldString : '', new: replacement.newString });
    }
  }
  return [...byFile].map(([file, changes]) => ({ file, changes }));
}

function patchFiles(patch: string, cwd: string | undefined): WrittenFile[] {
  return parseApplyPatch(patch).map((file) => ({ file: absolutePath(file.path, cwd), changes: file.changes }));
}

/** The pieces of an insert_edit_into_file `code` between its "...existing code..." placeholders. */
function withoutExistingCodeMarkers(code: string): string[] {
  return code
    .split(/^.*\.\.\.existing code\.\.\..*$/m)
    .map((piece) => piece.replace(/^\n+|\n+$/g, ''))
    .filter((piece) => piece.trim() !== '');
}

function parseArgs(text: string): JsonObject | undefined {
  try {
    return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}
