import { isAbsolute, resolve } from 'node:path';
import type { RegionOrigin } from '../regions/create';
import type { AiRegion } from '../regions/region';
import { createLineRegion, createRegion } from '../regions/create';
import { changedLineRanges } from './changedLines';
import { countOccurrences, locateWrittenText } from './locateWrittenText';
import { normalizeLineEnds, splitLines } from '../text/lines';

/**
 * Claude Code's PostToolUse hook input (the fields we use). See
 * docs/CAPTURE.md for the hook configuration that sends it.
 */
export interface ClaudeCodeHookInput {
  cwd?: string;
  tool_name?: string;
  tool_input?: {
    file_path?: string;
    content?: string;
    old_string?: string;
    new_string?: string;
    replace_all?: boolean;
    edits?: Array<{ old_string?: string; new_string?: string; replace_all?: boolean }>;
  };
  tool_response?: {
    structuredPatch?: Array<{ newStart?: number; lines?: string[] }>;
  };
}

export interface HookCapture {
  /** Absolute path of the file the tool wrote. */
  readonly file: string;
  /** What the tool wrote, given the file's text now. */
  regionsIn(fileText: string): AiRegion[];
}

const FILE_TOOLS = new Set(['Write', 'Edit', 'MultiEdit']);

/** Parses the hook input; undefined for tools that do not write files. */
export function parseClaudeCodeHook(json: string, origin: RegionOrigin): HookCapture | undefined {
  let input: ClaudeCodeHookInput;
  try {
    input = JSON.parse(json) as ClaudeCodeHookInput;
  } catch {
    throw new Error('the hook input on stdin is not JSON');
  }
  if (!input || typeof input !== 'object' || !FILE_TOOLS.has(input.tool_name ?? '')) return undefined;
  const filePath = input.tool_input?.file_path;
  if (typeof filePath !== 'string' || filePath === '') return undefined;
  const file = isAbsolute(filePath) ? filePath : resolve(input.cwd ?? process.cwd(), filePath);
  const tool = input.tool_name!;
  const toolInput = input.tool_input!;
  return {
    file,
    regionsIn(fileText) {
      if (tool === 'Write') return writtenByWrite(origin, toolInput.content ?? '', input.tool_response, fileText);
      const edits = tool === 'Edit' ? [toolInput] : (toolInput.edits ?? []);
      return edits.flatMap((edit) => writtenByEdit(origin, edit, fileText));
    },
  };
}

/**
 * An edit replaces `old_string` by `new_string`; lines the two share at
 * their start and end (context the agent repeated) are not new. An edit
 * replaces one occurrence unless replace_all is set: when the new text now
 * occurs several times, the others were there before and we cannot tell
 * which is new, so each is marked with a confidence to match.
 */
function writtenByEdit(
  origin: RegionOrigin,
  edit: { old_string?: string; new_string?: string; replace_all?: boolean },
  fileText: string,
): AiRegion[] {
  const written = edit.new_string ?? '';
  const occurrences = countOccurrences(written, fileText);
  const ambiguous = !edit.replace_all && occurrences > 1;
  const placed = locateWrittenText(
    ambiguous ? { ...origin, confidence: Math.min(origin.confidence ?? 1, 1 / occurrences) } : origin,
    written,
    fileText,
    edit.replace_all || ambiguous ? occurrences : 1,
  );
  if (occurrences === 0) return placed; // found by similarity after a formatter ran: keep as is
  const newLines = splitLines(normalizeLineEnds(written));
  const changed = changedLineRanges(edit.old_string ?? '', written);
  return placed.flatMap((region) =>
    changed.flatMap(({ first, last }) => {
      const start = { line: region.start.line + first, character: first === 0 ? region.start.character : 0 };
      const piece = createRegion({ ...origin, confidence: region.confidence }, start, newLines.slice(first, last + 1).join('\n'));
      return piece ? [piece] : [];
    }),
  );
}

/**
 * A Write replaces the whole file. When Claude Code reports the patch it
 * applied, only the added lines are the agent's; otherwise every line of the
 * new content is.
 */
function writtenByWrite(
  origin: RegionOrigin,
  content: string,
  response: ClaudeCodeHookInput['tool_response'],
  fileText: string,
): AiRegion[] {
  const patch = response?.structuredPatch;
  if (Array.isArray(patch) && patch.length > 0) {
    const lines = splitLines(fileText);
    const regions: AiRegion[] = [];
    for (const hunk of patch) {
      let line = (hunk.newStart ?? 1) - 1;
      let runStart = -1;
      const flush = () => {
        if (runStart >= 0) {
          const region = createLineRegion(origin, lines, runStart, line - 1);
          if (region) regions.push(region);
        }
        runStart = -1;
      };
      for (const patchLine of hunk.lines ?? []) {
        if (patchLine.startsWith('-')) continue;
        if (patchLine.startsWith('+')) {
          if (runStart < 0) runStart = line;
        } else {
          flush();
        }
        line++;
      }
      flush();
    }
    return regions;
  }
  return locateWrittenText(origin, content, fileText);
}
