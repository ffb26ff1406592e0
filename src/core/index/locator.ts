import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds the files the parser loads at run time. The same code runs from three
 * layouts: the esbuild bundles in dist/ (assets copied to dist/grammars and
 * dist/queries), compiled tests in out/src/core/index/ (assets in node_modules
 * and src/), and the extension installed from a .vsix (like dist/). Walking up
 * from this module's directory covers all of them without configuration.
 */

export function ancestors(start: string): string[] {
  const result: string[] = [];
  let current = start;
  for (;;) {
    result.push(current);
    const parent = dirname(current);
    if (parent === current) return result;
    current = parent;
  }
}

export function firstExisting(candidates: string[], what: string): string {
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  throw new Error(`ai-provenance: cannot find ${what} (looked in ${candidates.slice(0, 4).join(', ')}, ...)`);
}

const cache = new Map<string, string>();

function memo(key: string, find: () => string): string {
  let found = cache.get(key);
  if (found === undefined) {
    found = find();
    cache.set(key, found);
  }
  return found;
}

/** A grammar's .wasm: dist/grammars/<file> or node_modules/<package>/<file>. */
export function locateGrammar(file: string, npmPackage: string): string {
  return memo(`grammar:${file}`, () =>
    firstExisting(
      ancestors(__dirname).flatMap((dir) => [join(dir, 'grammars', file), join(dir, 'node_modules', npmPackage, file)]),
      file,
    ),
  );
}

/** The web-tree-sitter runtime's own .wasm. */
export function locateRuntimeWasm(): string {
  return locateGrammar('web-tree-sitter.wasm', 'web-tree-sitter');
}

/** A query file: dist/queries/<file> or src/core/index/queries/<file>. */
export function locateQuery(file: string): string {
  return memo(`query:${file}`, () =>
    firstExisting(
      ancestors(__dirname).flatMap((dir) => [join(dir, 'queries', file), join(dir, 'src', 'core', 'index', 'queries', file)]),
      file,
    ),
  );
}

/** The worker script: dist/indexWorker.js next to a bundle, or worker.js next to this compiled module. */
export function locateWorkerScript(): string {
  return memo('worker', () => firstExisting([join(__dirname, 'indexWorker.js'), join(__dirname, 'worker.js')], 'the index worker script'));
}
