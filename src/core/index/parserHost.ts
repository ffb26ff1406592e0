import { readFileSync } from 'node:fs';
import { Language, Parser, Query } from 'web-tree-sitter';
import { extractEcmascript } from './extract/ecmascript';
import { extractGo } from './extract/go';
import { extractPython } from './extract/python';
import { languageSpec } from './languages';
import { locateGrammar, locateQuery, locateRuntimeWasm } from './locator';
import type { FileFacts, LanguageId } from './types';

/**
 * One tree-sitter runtime per thread, with each grammar and its queries loaded
 * once on first use and reused for every file: compiling a query costs far
 * more than running it.
 */

interface LoadedLanguage {
  readonly parser: Parser;
  readonly structure: Query;
  readonly nested: Query | undefined;
}

let runtime: Promise<void> | undefined;
const loaded = new Map<LanguageId, Promise<LoadedLanguage>>();

function initRuntime(): Promise<void> {
  const wasm = locateRuntimeWasm();
  runtime ??= Parser.init({ locateFile: () => wasm });
  return runtime;
}

export function querySource(files: readonly string[]): string {
  return files.map((file) => readFileSync(locateQuery(file), 'utf8')).join('\n');
}

async function load(id: LanguageId): Promise<LoadedLanguage> {
  await initRuntime();
  const spec = languageSpec(id);
  const language = await Language.load(locateGrammar(spec.grammar, spec.grammarPackage));
  const parser = new Parser();
  parser.setLanguage(language);
  const structure = new Query(language, querySource(spec.structureQueries));
  const nested = spec.nestedQuery ? new Query(language, querySource([spec.nestedQuery])) : undefined;
  return { parser, structure, nested };
}

export function loadLanguage(id: LanguageId): Promise<LoadedLanguage> {
  let pending = loaded.get(id);
  if (!pending) {
    pending = load(id);
    loaded.set(id, pending);
  }
  return pending;
}

export interface ExtractOptions {
  /** Member uses (`ns.x`) and the names nested import()/require() take (default true). */
  readonly nameLevel?: boolean;
}

/**
 * Loads grammars and their queries ahead of the first file (a cold build does
 * it while git lists the files). A grammar that fails to load fails each file
 * that needs it, as it would without this.
 */
export function warmLanguages(ids: readonly LanguageId[]): void {
  for (const id of ids) loadLanguage(id).catch(() => undefined);
}

/** Parses `text` and extracts its facts. */
export async function extractFacts(id: LanguageId, text: string, options: ExtractOptions = {}): Promise<FileFacts> {
  const { parser, structure, nested } = await loadLanguage(id);
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const root = tree.rootNode;
    // Structure patterns are anchored at the root: depth 0 keeps the cursor out of function bodies.
    const top = structure.captures(root, { maxStartDepth: 0 });
    const deep = nested && languageSpec(id).nestedHint.test(text) ? nested.captures(root) : [];
    switch (id) {
      case 'python':
        return extractPython(root, text, top, deep);
      case 'go':
        return extractGo(root, text, top);
      default:
        return extractEcmascript(id, root, text, top, deep, options.nameLevel !== false);
    }
  } finally {
    tree.delete();
  }
}
