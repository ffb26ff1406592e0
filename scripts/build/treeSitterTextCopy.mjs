// An esbuild plugin for the bundles that parse: web-tree-sitter hands the
// parser its text 5,119 UTF-16 code units at a time, and copies each unit
// into wasm memory with its own DataView store (emscripten's stringToUTF16).
// On vercel/ai that loop was 6 % of a single-threaded parse-and-extract pass
// (210 of 3,660 ms). Node's own UTF-16 write puts the same code units at the
// same address in one native call. The result is byte for byte the same:
// the facts of every file of both real benchmark corpora hash identically
// with and without this patch.
//
// The patch must match the library's code exactly once, or the build fails:
// after a web-tree-sitter upgrade, check whether the loop is still there
// (or no longer needs replacing), and update or drop this plugin.
import { readFile } from 'node:fs/promises';

/** The loop, whatever its indentation (the ESM and CommonJS builds differ). */
const LOOP =
  /^( *)for \(var i2 = 0; i2 < numCharsToWrite; \+\+i2\) \{\n\s*var codeUnit = str\.charCodeAt\(i2\);\n\s*LE_HEAP_STORE_I16\(\(outPtr >> 1\) \* 2, codeUnit\);\n\s*outPtr \+= 2;\n\s*\}/gm;

/** The same code units, copied by node in one call (the loop writes ceil(numCharsToWrite) of them). */
const NATIVE_COPY = 'outPtr += Buffer.from(HEAP8.buffer).write(str, outPtr, Math.ceil(numCharsToWrite) * 2, "utf16le");';

/**
 * @param {string} source web-tree-sitter's bundle
 * @param {string} path for the error message
 * @returns {string} the source with the loop replaced
 */
export function patchTextCopy(source, path) {
  const found = source.match(LOOP)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `scripts/build/treeSitterTextCopy.mjs: expected web-tree-sitter's UTF-16 copy loop once in ${path}, found it ${found} times. ` +
        'web-tree-sitter changed: review the patch (see the comment at the top of that file).',
    );
  }
  return source.replace(LOOP, (_loop, indent) => indent + NATIVE_COPY);
}

/** @type {import('esbuild').Plugin} */
export const treeSitterTextCopy = {
  name: 'tree-sitter-text-copy',
  setup(build) {
    build.onLoad({ filter: /[\\/]web-tree-sitter[\\/]web-tree-sitter\.c?js$/ }, async (args) => ({
      contents: patchTextCopy(await readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
