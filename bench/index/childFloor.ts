import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, Query } from 'web-tree-sitter';
import { locateGrammar, locateRuntimeWasm } from '../../src/core/index/locator';

/**
 * The floor: one thread, web-tree-sitter parsing every TypeScript and
 * JavaScript file the index would parse (each with its grammar: TypeScript,
 * TSX, JavaScript) with a single import query and nothing else (no
 * resolution, no graph, no cache). Files are listed the way the index lists
 * them: `git ls-files` in a git checkout, else a walk; vendored folders and
 * files over 1 MiB are left out.
 */

const IMPORTS = '(import_statement source: (string) @source) (export_statement source: (string) @source)';
const VENDORED = /(?:^|\/)(?:node_modules|vendor|third_party|third-party|bower_components|\.yarn|\.git)\//;
const MAX_BYTES = 1024 * 1024;

type Grammar = 'typescript' | 'tsx' | 'javascript';

function grammarOf(path: string): Grammar | undefined {
  if (/\.(?:ts|mts|cts)$/.test(path)) return 'typescript';
  if (path.endsWith('.tsx')) return 'tsx';
  if (/\.(?:js|jsx|mjs|cjs)$/.test(path)) return 'javascript';
  return undefined;
}

function listFiles(root: string): string[] {
  if (existsSync(join(root, '.git'))) {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: 1 << 28 });
    return out
      .toString('utf8')
      .split('\0')
      .filter((path) => path !== '');
  }
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(join(root, directory), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const path = directory === '' ? entry.name : `${directory}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk('');
  return files;
}

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root) throw new Error('usage: childFloor <root>');
  const started = performance.now();
  const wasm = locateRuntimeWasm();
  await Parser.init({ locateFile: () => wasm });
  const grammars: Record<Grammar, { parser: Parser; query: Query } | undefined> = { typescript: undefined, tsx: undefined, javascript: undefined };
  const load = async (grammar: Grammar) => {
    const file =
      grammar === 'javascript'
        ? ['tree-sitter-javascript.wasm', 'tree-sitter-javascript']
        : [`tree-sitter-${grammar}.wasm`, 'tree-sitter-typescript'];
    const language = await Language.load(locateGrammar(file[0]!, file[1]!));
    const parser = new Parser();
    parser.setLanguage(language);
    return { parser, query: new Query(language, IMPORTS) };
  };
  let imports = 0;
  let parsed = 0;
  for (const path of listFiles(root)) {
    const grammar = grammarOf(path);
    if (!grammar || VENDORED.test(path)) continue;
    const absolute = join(root, path);
    let size: number;
    try {
      size = statSync(absolute).size;
    } catch {
      continue;
    }
    if (size > MAX_BYTES) continue;
    const loaded = (grammars[grammar] ??= await load(grammar));
    const tree = loaded.parser.parse(readFileSync(absolute, 'utf8'));
    if (!tree) continue;
    parsed++;
    for (const capture of loaded.query.captures(tree.rootNode)) if (capture.node.text.length > 2) imports++;
    tree.delete();
  }
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, files: parsed, imports, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
