import { unquoteGitPath } from '../../git/quotedPath';
import { isRecord } from '../../index/resolve/jsonc';
import type { FileAttribution, LineOrigin } from '../lineOrigin';

/**
 * git-ai's authorship logs (https://github.com/git-ai-project/git-ai, the
 * "Git AI Standard v3.0.0", specs/git_ai_standard_v3.0.0.md at commit
 * e2411d98202af9c9fba60a6f2da70a6cd7af0fa1): one note per commit under
 * refs/notes/ai, an attestation section, a line holding only `---`, then
 * JSON metadata with `"schema_version": "authorship/3.0.0"`.
 *
 *   src/main.rs
 *     s_c9883b05a2487d::t_9f8e7d6c5b4a32 1-10,15-20   <- an AI session (metadata.sessions)
 *     abcd1234abcd1234 25,30-35                       <- a legacy AI prompt (metadata.prompts)
 *     h_31dce776f88375 42-50                          <- a known human (metadata.humans): not AI
 *
 * Line numbers are 1-based, in the commit's version of the file. git-ai has
 * no review state: its lines are unreviewed here.
 */
export const GIT_AI_NOTES_REF = 'refs/notes/ai';
export const GIT_AI_SCHEMA = 'authorship/3.0.0';

export interface AuthorshipLog {
  /** Per file, its attestation entries in order. */
  readonly files: ReadonlyMap<string, ReadonlyArray<{ readonly key: string; readonly lines: readonly number[] }>>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export type ParsedAuthorshipLog = { readonly log: AuthorshipLog } | { readonly problem: string };

/** Reads one git-ai note; a note that does not follow the standard gives a problem, never a guess. */
export function parseAuthorshipLog(text: string): ParsedAuthorshipLog {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const divider = lines.indexOf('---');
  if (divider < 0) return { problem: 'no `---` line between attestations and metadata' };
  let metadata: unknown;
  try {
    metadata = JSON.parse(lines.slice(divider + 1).join('\n'));
  } catch {
    return { problem: 'the metadata section is not JSON' };
  }
  if (!isRecord(metadata) || metadata.schema_version !== GIT_AI_SCHEMA) {
    return { problem: `schema_version ${JSON.stringify(isRecord(metadata) ? metadata.schema_version : undefined)} is not ${GIT_AI_SCHEMA}` };
  }
  const files = new Map<string, Array<{ key: string; lines: number[] }>>();
  let current: Array<{ key: string; lines: number[] }> | undefined;
  for (const line of lines.slice(0, divider)) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      const path = unquoteGitPath(line);
      current = files.get(path) ?? [];
      files.set(path, current);
      continue;
    }
    const entry = /^ {2}(\S+) (\S+)$/.exec(line);
    const numbers = entry ? parseLineRanges(entry[2]) : undefined;
    if (!current || !entry || !numbers) return { problem: `unreadable attestation line ${JSON.stringify(line.trim())}` };
    current.push({ key: entry[1], lines: numbers });
  }
  return { log: { files, metadata } };
}

/** `1,2,19-22` -> [1, 2, 19, 20, 21, 22]; undefined when malformed. */
function parseLineRanges(text: string): number[] | undefined {
  const result: number[] = [];
  for (const part of text.split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return undefined;
    const first = Number(match[1]);
    const last = Number(match[2] ?? match[1]);
    if (first < 1 || last < first || last - first > 1_000_000) return undefined;
    for (let line = first; line <= last; line++) result.push(line);
  }
  return result;
}

/**
 * The AI lines of a log as attributions: session (`s_...::t_...`) and legacy
 * keys are AI, with the agent's tool and model from the metadata; known-human
 * (`h_`) keys are not. Source is `git-ai` (its capture path is not recorded).
 */
export function gitAiAttributions(log: AuthorshipLog): FileAttribution[] {
  const result: FileAttribution[] = [];
  for (const [path, entries] of log.files) {
    const aiLines = new Map<number, LineOrigin>();
    for (const { key, lines } of entries) {
      if (key.startsWith('h_')) continue;
      const origin = originOf(log.metadata, key);
      for (const line of lines) aiLines.set(line, origin);
    }
    if (aiLines.size > 0) result.push({ path, addedLines: aiLines.size, aiLines });
  }
  return result;
}

function originOf(metadata: Readonly<Record<string, unknown>>, key: string): LineOrigin {
  const [table, id] = key.startsWith('s_') ? ['sessions', key.split('::')[0]] : ['prompts', key];
  const records = metadata[table];
  const record = isRecord(records) ? records[id] : undefined;
  const agent = isRecord(record) && isRecord(record.agent_id) ? record.agent_id : {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' && !/[,\n]/.test(value) ? value.trim() : undefined);
  const tool = text(agent.tool);
  const model = text(agent.model);
  return { source: 'git-ai', ...(tool ? { tool } : {}), ...(model ? { model } : {}) };
}
