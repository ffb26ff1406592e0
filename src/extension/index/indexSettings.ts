import * as vscode from 'vscode';
import { clamp } from '../settings';

/** The `aiProvenance.index.*` settings, with `files.exclude` folded into the excludes. */
export interface IndexSettings {
  readonly enabled: boolean;
  /** `aiProvenance.index.exclude` and the `files.exclude` globs that are switched on. */
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
  readonly debounceMs: number;
}

/**
 * The index's own default (WorkspaceIndex's DEFAULT_MAX_FILE_BYTES), repeated
 * so the extension host's bundle does not take in the parser.
 */
const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Settings whose change needs a new index (its skip rules are fixed when it opens). */
export const RESTART_SETTINGS = ['aiProvenance.index.exclude', 'aiProvenance.index.maxFileBytes', 'files.exclude'] as const;
export const ENABLED_SETTING = 'aiProvenance.index.enabled';

export function readIndexSettings(scope?: vscode.Uri): IndexSettings {
  const section = vscode.workspace.getConfiguration('aiProvenance.index', scope);
  const own = section.get<unknown>('exclude', []);
  return {
    enabled: section.get<boolean>('enabled', true),
    exclude: [...stringsOf(own), ...enabledGlobs(vscode.workspace.getConfiguration('files', scope).get<unknown>('exclude', {}))],
    maxFileBytes: clamp(section.get<number>('maxFileBytes', DEFAULT_MAX_FILE_BYTES), 1024, 64 * 1024 * 1024),
    debounceMs: clamp(section.get<number>('debounceMs', 300), 0, 10_000),
  };
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

/** `files.exclude` maps globs to true, false or `{ when }`; sibling conditions need a file listing, so only `true` counts. */
function enabledGlobs(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([glob, on]) => on === true && glob.trim() !== '')
    .map(([glob]) => glob);
}
