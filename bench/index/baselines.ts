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

/** Runs dependency-cruiser over the TypeScript packages; its JSON lands in `outFile`. */
export function runDependencyCruiser(root: string, outFile: string, timeoutMs: number): Measured | undefined {
  const cli = bin('dependency-cruiser/bin/dependency-cruise.mjs');
  if (!cli) return undefined;
  const config = join(root, '.dependency-cruiser.cjs');
  writeFileSync(
    config,
    `module.exports = ${JSON.stringify(
      {
        options: {
          doNotFollow: { path: 'node_modules' },
          tsPreCompilationDeps: true,
          tsConfig: { fileName: 'tsconfig.base.json' },
          enhancedResolveOptions: {
            extensions: ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'],
          },
        },
      },
      null,
      2,
    )};\n`,
  );
  return measure(process.execPath, [cli, 'packages', '-c', config, '-T', 'json', '-f', outFile], root, timeoutMs);
}

export function runMadge(root: string, outFile: string, timeoutMs: number): Measured | undefined {
  const cli = bin('madge/bin/cli.js');
  if (!cli) return undefined;
  const result = measure(process.execPath, [cli, '--json', '--extensions', 'ts,tsx,js', '--ts-config', 'tsconfig.base.json', 'packages'], root, timeoutMs);
  if (result.ok) writeFileSync(outFile, result.stdout);
  return result;
}
