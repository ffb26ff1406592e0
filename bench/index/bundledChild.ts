import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The path of a benchmark child process bundled as the product is
 * (`node esbuild.mjs --bench`, which `npm run bench` runs): the index is timed
 * as the CLI and the extension run it, not as tsc's unbundled output.
 */
export function bundledChild(script: 'childOurs.js' | 'childFloor.js'): string {
  const path = join(__dirname, 'bundled', script);
  if (!existsSync(path))
    throw new Error(`${path} is missing: run \`node esbuild.mjs --bench\` after \`npm run compile-tests\` (npm run bench does both)`);
  return path;
}
