import { parseApplyPatch } from '../applyPatch';
import { absolutePath, asArray, asObject, asString, firstString, type HookPayloadParser } from '../hookReport';
import type { WrittenChange, WrittenFile } from '../writtenText';

/**
 * opencode has plugins, not command hooks (opencode.ai/docs/plugins). The
 * plugin `agents install opencode` writes (see integrations/opencodePlugin)
 * passes what opencode's `tool.execute.before`/`after` hooks give it:
 * `tool`, `sessionID`, `callID`, the tool's `args`, the session's
 * `directory`, and the `model` of the last `chat.params`. The file tools
 * are `write` (filePath, content), `edit` (filePath, oldString, newString,
 * replaceAll), `multiedit` (filePath, edits[]) and `patch`/`apply_patch`
 * (patchText).
 */
export const parseOpencode: HookPayloadParser = (json) => {
  const input = asObject(json);
  const args = asObject(input?.args);
  const tool = asString(input?.tool);
  if (!input || !args || !tool || asString(input.hook_event_name) !== 'tool.execute.after') return undefined;
  const cwd = asString(input.directory);
  const files = filesOf(tool, args, cwd);
  if (files.length === 0) return undefined;
  const model = firstString(input, 'model');
  return { tool: 'opencode', ...(model ? { model } : {}), files };
};

function filesOf(tool: string, args: Record<string, unknown>, cwd: string | undefined): WrittenFile[] {
  if (tool === 'patch' || tool === 'apply_patch') {
    return parseApplyPatch(firstString(args, 'patchText', 'patch', 'input') ?? '').map((file) => ({
      file: absolutePath(file.path, cwd),
      changes: file.changes,
    }));
  }
  const path = firstString(args, 'filePath', 'file_path', 'path');
  if (!path) return [];
  const edit = (object: Record<string, unknown> | undefined): WrittenChange[] =>
    typeof object?.newString === 'string'
      ? [
          {
            kind: 'edit',
            old: typeof object.oldString === 'string' ? object.oldString : '',
            new: object.newString,
            replaceAll: object.replaceAll === true,
          },
        ]
      : [];
  let changes: WrittenChange[] = [];
  if (tool === 'write') changes = [{ kind: 'write', content: firstString(args, 'content') ?? '' }];
  else if (tool === 'edit') changes = edit(args);
  else if (tool === 'multiedit') changes = asArray(args.edits).flatMap((item) => edit(asObject(item)));
  return changes.length > 0 ? [{ file: absolutePath(path, cwd), changes }] : [];
}
