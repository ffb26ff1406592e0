// Bundles the extension, the CLI, the parse worker and the extension's index
// thread into dist/, and copies the tree-sitter runtime and grammar .wasm files
// they load at run time.
//
// package.json's "sideEffects" names the files that have side effects on import:
// only src/extension and src/cli. Everything in src/core is pure, so a core
// folder's index.ts (the public entry the extension and the CLI import) brings
// into a bundle only the modules whose exports it uses.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeSitterTextCopy } from './scripts/build/treeSitterTextCopy.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const bench = process.argv.includes('--bench');

/** Entry points: output name -> source. */
const entries = {
  extension: 'src/extension/extension.ts',
  cli: 'src/cli/main.ts',
  // What the installed git hooks run: a tiny loader with a code cache (see src/cli/hook/start.ts)...
  hook: 'src/cli/hook/start.ts',
  // ...and, only for hooks that opted into blast radii, the workspace index behind them.
  hookIndex: 'src/core/provenance/indexBlastRadius.ts',
};
const optionalEntries = {
  indexWorker: 'src/core/index/worker.ts',
  // The extension's index thread: the whole WorkspaceIndex of one repository.
  indexHost: 'src/extension/index/indexHostWorker.ts',
  // The Parquet reader and writer, loaded by the CLI only when it needs them.
  parquetCodec: 'src/core/insights/parquetCodec.ts',
};
for (const [name, source] of Object.entries(optionalEntries)) {
  if (existsSync(join(root, source))) entries[name] = source;
}

/** .wasm files shipped next to the bundles (dist/grammars). */
const wasmFiles = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'node_modules/tree-sitter-typescript/tree-sitter-typescript.wasm',
  'node_modules/tree-sitter-typescript/tree-sitter-tsx.wasm',
  'node_modules/tree-sitter-javascript/tree-sitter-javascript.wasm',
  'node_modules/tree-sitter-python/tree-sitter-python.wasm',
  'node_modules/tree-sitter-go/tree-sitter-go.wasm',
];

function copyAssets() {
  const grammars = join(root, 'dist', 'grammars');
  mkdirSync(grammars, { recursive: true });
  for (const file of wasmFiles) {
    const source = join(root, file);
    if (existsSync(source)) copyFileSync(source, join(grammars, file.split('/').pop()));
  }
  const queries = join(root, 'src', 'core', 'index', 'queries');
  if (existsSync(queries)) {
    const target = join(root, 'dist', 'queries');
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(queries)) copyFileSync(join(queries, file), join(target, file));
  }
}

/** @type {esbuild.BuildOptions} */
const options = {
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, join(root, source)])),
  outdir: join(root, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // jsonc-parser's UMD build (its `main`) requires its modules by computed paths, which a bundle cannot follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  sourcemap: true,
  sourcesContent: !production,
  minify: production,
  keepNames: true,
  define: {
    AI_PROVENANCE_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
    // web-tree-sitter's ESM build (picked for `import` statements) reads
    // import.meta.url, which is empty in a CommonJS bundle: give it the bundle's URL.
    'import.meta.url': '__importMetaUrl',
  },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'info',
  plugins: [
    treeSitterTextCopy,
    {
      name: 'copy-assets',
      setup(build) {
        build.onEnd((result) => {
          if (result.errors.length === 0) copyAssets();
        });
      },
    },
  ],
};

/**
 * The hooks' own bundle: `hook run` without the rest of the CLI, and
 * without the workspace index (about 280 KB of parser runtime a commit
 * rarely needs), which it loads from hookIndex.js when asked to.
 * @type {esbuild.BuildOptions}
 */
const hookOptions = {
  ...options,
  entryPoints: { hookMain: join(root, 'src/cli/hook/main.ts') },
  // import() as require(): the hooks' loader runs this bundle as a plain script (src/cli/hook/start.ts).
  supported: { 'dynamic-import': false },
  plugins: [
    {
      name: 'index-from-hookIndex',
      setup(build) {
        // sideEffects: false lets the re-export in core/provenance/index.ts go: only the hooks' import() loads it.
        build.onResolve({ filter: /\/indexBlastRadius(\.js)?$/ }, () => ({ path: './hookIndex.js', external: true, sideEffects: false }));
      },
    },
    {
      // child_process and crypto (about 5 ms of node's own module loading on every commit) serve only paths off
      // the usual one (node asks git itself, a work-tree file is hashed): loaded when first called.
      name: 'lazy-builtins',
      setup(build) {
        const lazy = { 'node:child_process': ['execFile', 'execFileSync', 'spawn', 'spawnSync'], 'node:crypto': ['createHash', 'randomBytes'] };
        build.onResolve({ filter: /^node:(child_process|crypto)$/ }, (args) =>
          args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-builtin' },
        );
        build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
          contents: [
            'let loaded;',
            `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
            ...lazy[args.path].map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
          ].join('\n'),
          loader: 'js',
        }));
      },
    },
  ],
};

/**
 * The Insights page's script runs in a browser (the editor's webview, or a
 * standalone report that inlines it): its own IIFE bundle, always minified.
 */
/** @type {esbuild.BuildOptions} */
const pageOptions = {
  entryPoints: { insightsPage: join(root, 'src/page/insights/main.ts') },
  outdir: join(root, 'dist'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'eof',
  logLevel: 'info',
};

/**
 * `--bench`: the index benchmark's child processes, bundled as dist/ is (so
 * they run the code users run, patched web-tree-sitter included) into
 * out/bench/index/bundled/, after `npm run compile-tests` made out/.
 * @type {esbuild.BuildOptions}
 */
const benchOptions = {
  ...options,
  entryPoints: {
    childOurs: join(root, 'bench/index/childOurs.ts'),
    childFloor: join(root, 'bench/index/childFloor.ts'),
    indexWorker: join(root, 'src/core/index/worker.ts'),
  },
  outdir: join(root, 'out/bench/index/bundled'),
  sourcemap: false,
  logLevel: 'warning',
  plugins: [treeSitterTextCopy],
};

if (bench) {
  await esbuild.build(benchOptions);
} else if (watch) {
  const contexts = await Promise.all([esbuild.context(options), esbuild.context(hookOptions), esbuild.context(pageOptions)]);
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all([esbuild.build(options), esbuild.build(hookOptions), esbuild.build(pageOptions)]);
}
