import { isRecord } from './jsonc';

/**
 * Node's package.json `exports` resolution (subpaths, `*` patterns, nested
 * conditions) under the condition set of one flavor of resolution, returning
 * every matching target in Node's preference order (object key order), so the
 * caller can take the first that maps back to a workspace source file.
 *
 * - `types`: what the type checker reads (`types` first);
 * - `node`: what Node runs (`import`/`require`, `node`, `default`);
 * - `browser`: what a bundler builds for the browser (`browser`, `import`, `module`, `default`).
 */

export type PackageFlavor = 'types' | 'node' | 'browser';

export const PACKAGE_FLAVORS: readonly PackageFlavor[] = ['types', 'node', 'browser'];

const CONDITIONS: Record<PackageFlavor, ReadonlySet<string>> = {
  types: new Set(['types', 'typings', 'import', 'require', 'default']),
  node: new Set(['import', 'require', 'node', 'module-sync', 'default']),
  browser: new Set(['browser', 'import', 'module', 'default']),
};

/** Legacy entry fields per flavor, before `index`: `source` is what `main`/`module` are built from. */
export const ENTRY_FIELDS: Record<PackageFlavor, readonly string[]> = {
  types: ['types', 'typings', 'main'],
  node: ['source', 'main'],
  browser: ['source', 'browser', 'module', 'main'],
};

export function exportsTargets(exportsField: unknown, subpath: string, flavor: PackageFlavor): string[] {
  if (exportsField === undefined || exportsField === null) return [];
  const map = normaliseExports(exportsField);
  if (!map) return [];
  const conditions = CONDITIONS[flavor];
  const exact = map[subpath];
  if (exact !== undefined) return conditionTargets(exact, undefined, conditions);
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
  return best ? conditionTargets(map[best.key], best.captured, conditions) : [];
}

/** `exports` as a subpath map: a bare string or conditions object means the '.' entry. */
function normaliseExports(field: unknown): Record<string, unknown> | undefined {
  if (typeof field === 'string' || Array.isArray(field)) return { '.': field };
  if (!isRecord(field)) return undefined;
  const keys = Object.keys(field);
  if (keys.length > 0 && keys.every((key) => !key.startsWith('.'))) return { '.': field };
  return field;
}

function conditionTargets(value: unknown, captured: string | undefined, conditions: ReadonlySet<string>): string[] {
  if (typeof value === 'string') return [captured === undefined ? value : value.split('*').join(captured)];
  if (Array.isArray(value)) return value.flatMap((item) => conditionTargets(item, captured, conditions));
  if (!isRecord(value)) return [];
  const result: string[] = [];
  // Key order decides, as in Node; later matches are fallbacks when a target maps to no source.
  for (const [condition, nested] of Object.entries(value)) {
    if (conditions.has(condition)) result.push(...conditionTargets(nested, captured, conditions));
  }
  return [...new Set(result)];
}
