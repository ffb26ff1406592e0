import { absolutePath, asArray, asObject, asString, firstString, type HookPayloadParser } from '../hookReport';
import type { WrittenChange } from '../writtenText';

/**
 * Windsurf's Cascade hooks (docs.windsurf.com/windsurf/cascade/hooks,
 * `.windsurf/hooks.json`): `post_write_code` with `agent_action_name`,
 * `trajectory_id`, `execution_id`, `timestamp` and `tool_info`
 * ({file_path, edits: [{old_string, new_string}]}); recent versions add
 * `model_name`.
 */
export const parseWindsurf: HookPayloadParser = (json) => {
  const input = asObject(json);
  const info = asObject(input?.tool_info);
  const filePath = asString(info?.file_path);
  if (!input || !info || !filePath || asString(input.agent_action_name) !== 'post_write_code') return undefined;
  const changes: WrittenChange[] = asArray(info.edits)
    .map(asObject)
    .filter((edit) => edit !== undefined && typeof edit.new_string === 'string')
    .map((edit) => ({ kind: 'edit', old: typeof edit!.old_string === 'string' ? edit!.old_string : '', new: edit!.new_string as string }));
  const model = firstString(input, 'model_name', 'model');
  return {
    tool: 'windsurf',
    ...(model && model !== 'Unknown' ? { model } : {}),
    files: [{ file: absolutePath(filePath, firstString(info, 'cwd') ?? firstString(input, 'cwd')), changes }],
  };
};
