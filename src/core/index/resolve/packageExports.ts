import { isRecord } from './jsonc';

/**
 * Node's package.json `exports` resolution (subpaths, `*` patterns, nested
 * conditions), returning every candidate target in preference order so the
 * caller can pick the first that maps to a workspace source file.
 */

/** Conditions tried in order: source-ish first, since we want the code the repo edits, not its build. */
const CONDITIONS = ['source', 'development', 'types', 'import', 'module', 'require', 'node', 'default'];

export function exportsTargets(exportsField: unknown, subpath: string): string[] {
  if (exportsField === undefined || exportsField === null) return [];
  const map = normaliseExports(exportsField);
  if (!map) return [];
  const exact = map[subpath];
  if (exact !== undefined) return conditionTargets(exact, undefined);
  // Longest matching pattern key wins, as in Node.
  let best: { key: string; captured: string } | undefined;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (!subpath.startsWith(prefix) || !subpath.endsWith(suffix) || subpath.length < key.length - 1) continue;
    if (!best || prefix.length > best.key.indexOf('*')) best = { key, captured: subpath.slice(prefix.length, subpath.length - suffix.length) };
  }
  return best ? conditionTargets(map[best.key], best.captured) : [];
}

/** `exports` as a subpath map: a bare string or conditions object means the '.' entry. */
function normaliseExports(field: unknown): Record<string, unknown> | undefined {
  if (typeof field === 'string' || Array.isArray(field)) return { '.': field };
  if (!isRecord(field)) return undefined;
  const keys = Object.keys(field);
  if (keys.length > 0 && keys.every((key) => !key.startsWith('.'))) return { '.': field };
  return field;
}

function conditionTargets(value: unknown, captured: string | undefined): string[] {
  if (typeof value === 'string') return [captured === undefined ? value : value.split('*').join(captured)];
  if (Array.isArray(value)) return value.flatMap((item) => conditionTargets(item, captured));
  if (!isRecord(value)) return [];
  const result: string[] = [];
  for (const condition of CONDITIONS) if (condition in value) result.push(...conditionTargets(value[condition], captured));
  // Custom conditions (e.g. "browser", "worker") as a last resort.
  for (const [condition, nested] of Object.entries(value)) {
    if (!CONDITIONS.includes(condition)) result.push(...conditionTargets(nested, captured));
  }
  return [...new Set(result)];
}
