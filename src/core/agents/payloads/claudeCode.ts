import { absolutePath, asArray, asObject, asString, firstString, type HookPayloadParser } from '../hookReport';
import type { PatchHunk, WrittenChange } from '../writtenText';

/**
 * Claude Code's PostToolUse hook input (code.claude.com/docs/en/hooks):
 * `tool_name`, `tool_input` (Write: file_path, content; Edit: file_path,
 * old_string, new_string, replace_all; MultiEdit: file_path, edits[]),
 * `tool_response` (Write reports the `structuredPatch` it applied), `cwd`.
 */
export const parseClaudeCode: HookPayloadParser = (json) => {
  const input = asObject(json);
  const tool = asString(input?.tool_name);
  const toolInput = asObject(input?.tool_input);
  const filePath = asString(toolInput?.file_path);
  if (!input || !toolInput || !filePath || (tool !== 'Write' && tool !== 'Edit' && tool !== 'MultiEdit')) return undefined;
  let changes: WrittenChange[];
  if (tool === 'Write') {
    const patch = asArray(asObject(input.tool_response)?.structuredPatch)
      .map(asObject)
      .filter((hunk) => hunk !== undefined);
    const hunks: PatchHunk[] = patch.map((hunk) => ({
      newStart: typeof hunk.newStart === 'number' ? hunk.newStart : 1,
      lines: asArray(hunk.lines).filter((line) => typeof line === 'string'),
    }));
    changes =
      hunks.length > 0 ? [{ kind: 'hunks', hunks }] : [{ kind: 'write', content: typeof toolInput.content === 'string' ? toolInput.content : '' }];
  } else {
    const edits =
      tool === 'Edit'
        ? [toolInput]
        : asArray(toolInput.edits)
            .map(asObject)
            .filter((edit) => edit !== undefined);
    changes = edits.map((edit) => ({
      kind: 'edit',
      old: typeof edit.old_string === 'string' ? edit.old_string : '',
      new: typeof edit.new_string === 'string' ? edit.new_string : '',
      replaceAll: edit.replace_all === true,
    }));
  }
  const model = firstString(input, 'model');
  return { tool: 'claude-code', ...(model ? { model } : {}), files: [{ file: absolutePath(filePath, asString(input.cwd)), changes }] };
};
