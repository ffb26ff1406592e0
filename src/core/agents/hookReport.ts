import { isAbsolute, resolve } from 'node:path';
import type { WrittenFile } from './writtenText';

/** What one hook event of an agent says it wrote, normalized across agents. */
export interface HookReport {
  /** The agent, as recorded in regions (`tool`). */
  readonly tool: string;
  /** The capture source; `agent-hook` unless the agent says otherwise (Cursor Tab: `inline`). */
  readonly source?: string;
  /** The model, when the payload names it. */
  readonly model?: string;
  readonly files: readonly WrittenFile[];
}

/** Parses a hook payload; undefined when the event wrote no file (another tool, another event). */
export type HookPayloadParser = (json: unknown) => HookReport | undefined;

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('the hook input on stdin is not JSON');
  }
}

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A path from a payload, absolute (relative ones are taken from `cwd`, else the hook's working directory). */
export function absolutePath(path: string, cwd: string | undefined): string {
  const withoutScheme = path.replace(/^file:\/\//, '');
  return isAbsolute(withoutScheme) ? withoutScheme : resolve(cwd ?? process.cwd(), withoutScheme);
}

/** The first string among `keys` of `object`. */
export function firstString(object: JsonObject | undefined, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = asString(object?.[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}
