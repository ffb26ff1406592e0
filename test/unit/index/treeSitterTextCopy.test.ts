import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TreeSitter from 'web-tree-sitter';
import { locateGrammar, locateRuntimeWasm } from '../../../src/core/index/locator';
import { repoRoot } from '../../host/repoRoot';

interface TextCopyModule {
  patchTextCopy(source: string, path: string): string;
}

type Runtime = typeof TreeSitter;

/** Every node as type, span and whether it is missing or an error, in document order. */
function shape(node: TreeSitter.Node, into: string[] = []): string[] {
  into.push(`${node.type} ${node.startIndex}-${node.endIndex}${node.isMissing ? ' missing' : ''}${node.isError ? ' error' : ''}`);
  for (const child of node.children) if (child) shape(child, into);
  return into;
}

async function parserOf(runtime: Runtime): Promise<TreeSitter.Parser> {
  const wasm = locateRuntimeWasm();
  await runtime.Parser.init({ locateFile: () => wasm });
  const parser = new runtime.Parser();
  parser.setLanguage(await runtime.Language.load(locateGrammar('tree-sitter-typescript.wasm', 'tree-sitter-typescript')));
  return parser;
}

// The bundles that parse (esbuild.mjs) replace web-tree-sitter's per-code-unit text copy with node's native one.
describe('build: web-tree-sitter text copy patch', () => {
  const stockPath = join(repoRoot, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.cjs');
  let patch: TextCopyModule;
  let directory: string;

  before(async () => {
    patch = (await import(pathToFileURL(join(repoRoot, 'scripts', 'build', 'treeSitterTextCopy.mjs')).href)) as TextCopyModule;
    directory = mkdtempSync(join(tmpdir(), 'ai-provenance-text-copy-'));
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('parses every text exactly as the unpatched runtime does', async function () {
    this.timeout(20_000);
    const patchedPath = join(directory, 'web-tree-sitter.cjs');
    writeFileSync(patchedPath, patch.patchTextCopy(readFileSync(stockPath, 'utf8'), stockPath));
    const stock = await parserOf(createRequire(__filename)('web-tree-sitter') as Runtime);
    const patched = await parserOf(createRequire(patchedPath)(patchedPath) as Runtime);

    const line = (i: number) =>
      `export const v${i} = "naïve ${'😀'.repeat(i % 3)} 漢字 ${i % 7 === 0 ? '\ud800' : ''}"; // ${'x'.repeat(i % 50)}\r\n`;
    const texts = [
      '',
      'export const ascii = 1;\n',
      // Several of the 5,119-unit chunks the runtime asks for, with surrogate pairs and a lone surrogate across their borders.
      Array.from({ length: 600 }, (_, i) => line(i)).join(''),
      'function broken( {\n  return [1, 2\n',
    ];
    assert.ok(texts[2]!.length > 3 * 5119);
    for (const text of texts) {
      const expected = stock.parse(text)!;
      const actual = patched.parse(text)!;
      try {
        assert.deepEqual(shape(actual.rootNode), shape(expected.rootNode));
        assert.equal(actual.rootNode.text, text);
      } finally {
        expected.delete();
        actual.delete();
      }
    }
  });

  it('fails the build, naming the file, when the runtime no longer holds the loop', () => {
    const stock = readFileSync(stockPath, 'utf8');
    assert.throws(
      () => patch.patchTextCopy(stock.replace('var codeUnit = str.charCodeAt(i2);', 'var unit = str.charCodeAt(i2);'), 'changed.cjs'),
      /changed\.cjs, found it 0 times/,
    );
  });
});
