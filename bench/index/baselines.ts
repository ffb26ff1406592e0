import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Measured, measure } from './measure';

/**
 * dependency-cruiser and madge on the same tree. They live in
 * bench/index/baselines/ with their own lockfile: both need the TypeScript 5
 * compiler API, while the project builds with TypeScript 7, which has none.
 * Install once with `npm ci --prefix bench/index/baselines --ignore-scripts`.
 */

export const BASELINES_DIR = join(__dirname, '..', '..', '..', 'bench', 'index', 'baselines');

function bin(relative: string): string | undefined {
  const path = join(BASELINES_DIR, 'node_modules', relative);
  return existsSync(path) ? path : undefined;
}

export function baselinesInstalled(): boolean {
  return bin('dependency-cruiser/bin/dependency-cruise.mjs') !== undefined && bin('madge/bin/cli.js') !== undefined;
}

/** Where and how the baselines look at a tree: the folders to scan, the tsconfig, where to write their config. */
export interface BaselineScope {
  readonly directories: readonly string[];
  /** Repo-relative tsconfig for `paths` (omitted when the tree has none). */
  readonly tsConfig?: string;
  /** Folder for dependency-cruiser's config file (default: the tree's root; a real corpus is never written to). */
  readonly configDir?: string;
}

const GENERATED_SCOPE: BaselineScope = { directories: ['packages'], tsConfig: 'tsconfig.base.json' };

/** Runs dependency-cruiser over the tree's TypeScript and JavaScript; its JSON lands in `outFile`. */
export function runDependencyCruiser(root: string, outFile: string, timeoutMs: number, scope: BaselineScope = GENERATED_SCOPE): Measured | undefined {
  const cli = bin('dependency-cruiser/bin/dependency-cruise.mjs');
  if (!cli) return undefined;
  const config = join(scope.configDir ?? root, '.dependency-cruiser.cjs');
  writeFileSync(
    config,
    `module.exports = ${JSON.stringify(
      {
        options: {
          doNotFollow: { path: 'node_modules' },
          exclude: { path: '(^|/)node_modules/' },
          tsPreCompilationDeps: true,
          ...(scope.tsConfig ? { tsConfig: { fileName: join(root, scope.tsConfig) } } : {}),
          enhancedResolveOptions: {
            extensions: ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'],
          },
        },
      },
      null,
      2,
    )};\n`,
  );
  return measure(process.execPath, [cli, ...scope.directories, '-c', config, '-T', 'json', '-f', outFile], root, timeoutMs);
}

export function runMadge(root: string, outFile: string, timeoutMs: number, scope: BaselineScope = GENERATED_SCOPE): Measured | undefined {
  const cli = bin('madge/bin/cli.js');
  if (!cli) return undefined;
  const tsConfig = scope.tsConfig ? ['--ts-config', scope.tsConfig] : [];
  const result = measure(
    process.execPath,
    [cli, '--json', '--extensions', 'ts,tsx,mts,cts,js,jsx,mjs,cjs', ...tsConfig, ...scope.directories],
    root,
    timeoutMs,
  );
  if (result.ok) writeFileSync(outFile, result.stdout);
  return result;
}
