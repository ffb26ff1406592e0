import { absolutePath, asObject, asString, firstString, type HookPayloadParser } from '../hookReport';
import type { WrittenChange } from '../writtenText';

/**
 * Gemini CLI's AfterTool hook (geminicli.com/docs/hooks/reference):
 * `tool_name` and `tool_input` as the model sent them, `cwd`. The file
 * tools are `write_file` (file_path, content) and `replace` (file_path,
 * old_string, new_string; packages/core/src/tools/tool-names.ts).
 */
export const parseGeminiCli: HookPayloadParser = (json) => {
  const input = asObject(json);
  const tool = asString(input?.tool_name);
  const toolInput = asObject(input?.tool_input);
  const filePath = firstString(toolInput, 'file_path', 'absolute_path', 'path');
  if (!input || !toolInput || !filePath || asString(input.hook_event_name) === 'BeforeTool') return undefined;
  let change: WrittenChange;
  if (tool === 'write_file') change = { kind: 'write', content: typeof toolInput.content === 'string' ? toolInput.content : '' };
  else if (tool === 'replace')
    change = {
      kind: 'edit',
      old: typeof toolInput.old_string === 'string' ? toolInput.old_string : '',
      new: typeof toolInput.new_string === 'string' ? toolInput.new_string : '',
      replaceAll: typeof toolInput.expected_replacements === 'number' && toolInput.expected_replacements > 1,
    };
  else return undefined;
  const model = firstString(input, 'model');
  return { tool: 'gemini-cli', ...(model ? { model } : {}), files: [{ file: absolutePath(filePath, asString(input.cwd)), changes: [change] }] };
};
