import { createHash } from 'node:crypto';
import { generatorName } from './note/build';
import type { CommitNote, NoteRange } from './note/schema';

/**
 * Export of a commit note to Agent Trace (https://agent-trace.dev, spec
 * 0.1.0, "trace record"). Mapping, documented in docs/TRAILERS.md:
 * - one record per commit: vcs = { git, <commit> }, timestamp = recordedAt;
 * - per file, one "conversation" per distinct (source, tool, model): our
 *   regions do not know conversation URLs, so none is given;
 * - contributor { type: "ai", model_id: the model as captured };
 * - ranges as 1-based start_line/end_line of the commit's version;
 * - what the format has no field for (source, tool, review state, risk,
 *   load-bearing classes) travels losslessly as the whole note under
 *   metadata["dev.ai-provenance"].
 */
/** The specification's version: its schema's `version` pattern is major.minor.patch (docs/TRAILERS.md, Export to Agent Trace). */
export const AGENT_TRACE_VERSION = '0.1.0';

export interface AgentTraceRange {
  readonly start_line: number;
  readonly end_line: number;
}

export interface AgentTraceConversation {
  readonly contributor: { readonly type: 'ai'; readonly model_id?: string };
  readonly ranges: readonly AgentTraceRange[];
}

export interface AgentTraceRecord {
  readonly version: string;
  readonly id: string;
  readonly timestamp: string;
  readonly vcs: { readonly type: 'git'; readonly revision: string };
  readonly tool: { readonly name: string; readonly version: string };
  readonly files: ReadonlyArray<{ readonly path: string; readonly conversations: readonly AgentTraceConversation[] }>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A stable UUID per commit (name-based, version 5 layout), so exporting twice gives the same ids. */
export function traceId(commit: string): string {
  const hex = createHash('sha1').update(`ai-provenance:${commit}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20, 32)}`;
}

export function toAgentTrace(note: CommitNote, commit: string): AgentTraceRecord {
  const files = Object.entries(note.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, file]) => ({ path, conversations: conversationsOf(file.ranges) }));
  const [name, version] = generatorName().split(' ');
  return {
    version: AGENT_TRACE_VERSION,
    id: traceId(commit),
    timestamp: note.recordedAt,
    vcs: { type: 'git', revision: commit },
    tool: { name, version },
    files,
    metadata: { 'dev.ai-provenance': note },
  };
}

function conversationsOf(ranges: readonly NoteRange[]): AgentTraceConversation[] {
  const groups = new Map<string, { model?: string; ranges: AgentTraceRange[] }>();
  for (const range of ranges) {
    const key = JSON.stringify([range.source, range.tool ?? null, range.model ?? null]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ...(range.model ? { model: range.model } : {}), ranges: [] }));
    const last = group.ranges[group.ranges.length - 1];
    // Ranges split only by review state are one range to Agent Trace.
    if (last && last.end_line + 1 === range.start) group.ranges[group.ranges.length - 1] = { start_line: last.start_line, end_line: range.end };
    else group.ranges.push({ start_line: range.start, end_line: range.end });
  }
  return [...groups.values()].map((group) => ({
    contributor: { type: 'ai', ...(group.model ? { model_id: group.model } : {}) },
    ranges: group.ranges,
  }));
}
