// Packages demo/completions (the demo's inline-completion provider) into a
// .vsix the editor installs next to AI Provenance. Built in a staging folder
// so the source tree stays clean; never part of AI Provenance's own .vsix.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createVSIX } from '@vscode/vsce';
import { build } from 'esbuild';
import { repoRoot } from '../../test/host/repoRoot';

const sourceDir = join(repoRoot, 'demo', 'completions');

/** Writes `demo-completions.vsix` into `outDir` and returns its path. */
export async function packageDemoExtension(outDir: string): Promise<string> {
  const staging = join(outDir, 'demo-completions');
  mkdirSync(staging, { recursive: true });
  for (const file of ['package.json', 'README.md', '.vscodeignore']) copyFileSync(join(sourceDir, file), join(staging, file));
  await build({
    entryPoints: [join(sourceDir, 'src', 'extension.ts')],
    outfile: join(staging, 'dist', 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const packagePath = join(outDir, 'demo-completions.vsix');
  await quietly(() =>
    createVSIX({ cwd: staging, packagePath, dependencies: false, allowMissingRepository: true, skipLicense: true, allowStarActivation: true }),
  );
  return packagePath;
}

/** vsce lists every packaged file on the console; the demo's are of no interest. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = console.log;
  const info = console.info;
  console.log = console.info = () => undefined;
  try {
    return await run();
  } finally {
    console.log = log;
    console.info = info;
  }
}
