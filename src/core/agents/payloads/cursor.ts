import { absolutePath, asArray, asObject, asString, firstString, type HookPayloadParser } from '../hookReport';
import type { WrittenChange } from '../writtenText';

/**
 * Cursor's hooks (cursor.com/docs/agent/hooks, `.cursor/hooks.json`):
 * `afterFileEdit` after the agent edits a file and `afterTabFileEdit` after
 * a Tab completion is accepted, both with `file_path` and `edits`
 * ([{old_string, new_string}], Tab edits also with a `range`), plus the
 * common fields `workspace_roots`, `model`, `conversation_id`.
 */
export const parseCursor: HookPayloadParser = (json) => {
  const input = asObject(json);
  const event = asString(input?.hook_event_name);
  const filePath = asString(input?.file_path);
  if (!input || !filePath || (event !== 'afterFileEdit' && event !== 'afterTabFileEdit')) return undefined;
  const changes: WrittenChange[] = asArray(input.edits)
    .map(asObject)
    .filter((edit) => edit !== undefined && typeof edit.new_string === 'string')
    .map((edit) => ({ kind: 'edit', old: typeof edit!.old_string === 'string' ? edit!.old_string : '', new: edit!.new_string as string }));
  const root = asString(asArray(input.workspace_roots)[0]);
  const model = firstString(input, 'model');
  return {
    tool: 'cursor',
    ...(event === 'afterTabFileEdit' ? { source: 'inline' } : {}),
    ...(model && model !== 'default' ? { model } : {}),
    files: [{ file: absolutePath(filePath, root), changes }],
  };
};
