import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, Query } from 'web-tree-sitter';
import { locateGrammar, locateRuntimeWasm } from '../../src/core/index/locator';

/**
 * The floor: one thread, web-tree-sitter parsing every TypeScript file with a
 * single import query and nothing else (no resolution, no graph, no cache).
 */

const IMPORTS = '(import_statement source: (string) @source) (export_statement source: (string) @source)';

function listTs(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listTs(path, out);
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root) throw new Error('usage: childFloor <root>');
  const started = performance.now();
  const wasm = locateRuntimeWasm();
  await Parser.init({ locateFile: () => wasm });
  const language = await Language.load(locateGrammar('tree-sitter-typescript.wasm', 'tree-sitter-typescript'));
  const parser = new Parser();
  parser.setLanguage(language);
  const query = new Query(language, IMPORTS);
  let imports = 0;
  const files = listTs(root, []);
  for (const file of files) {
    const tree = parser.parse(readFileSync(file, 'utf8'));
    if (!tree) continue;
    for (const capture of query.captures(tree.rootNode)) if (capture.node.text.length > 2) imports++;
    tree.delete();
  }
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, files: files.length, imports, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
