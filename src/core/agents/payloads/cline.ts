import { parseSearchReplaceBlocks } from '../applyPatch';
import { absolutePath, asArray, asObject, asString, firstString, type HookPayloadParser } from '../hookReport';
import type { WrittenChange } from '../writtenText';

/**
 * Cline's hooks (docs.cline.bot/features/hooks; an executable named
 * `PostToolUse` in `.clinerules/hooks/`): JSON with `clineVersion`,
 * `hookName`, `taskId`, `workspaceRoots` and `postToolUse` ({toolName,
 * parameters, result, success}). The file tools are `write_to_file`
 * (path, content) and `replace_in_file` (path, diff of SEARCH/REPLACE
 * blocks). Recent versions name the model (`model`: {provider, slug}).
 */
export const parseCline: HookPayloadParser = (json) => {
  const input = asObject(json);
  const post = asObject(input?.postToolUse);
  const parameters = asObject(post?.parameters);
  const path = firstString(parameters, 'path', 'target_file', 'absolutePath');
  if (!input || !post || !parameters || !path || asString(input.hookName) !== 'PostToolUse' || post.success === false) return undefined;
  const tool = asString(post.toolName);
  let changes: WrittenChange[];
  if (tool === 'write_to_file') changes = [{ kind: 'write', content: firstString(parameters, 'content') ?? '' }];
  else if (tool === 'replace_in_file') changes = parseSearchReplaceBlocks(firstString(parameters, 'diff') ?? '');
  else return undefined;
  const model = modelName(input.model);
  return { tool: 'cline', ...(model ? { model } : {}), files: [{ file: absolutePath(path, asString(asArray(input.workspaceRoots)[0])), changes }] };
};

function modelName(model: unknown): string | undefined {
  return asString(model) ?? firstString(asObject(model), 'slug', 'id', 'modelId');
}
