// The .vsix that `npm run package` writes: what `npm start` and the
// end-to-end test install into the editor, so they run what users get.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../test/host/repoRoot';

export function packagedExtensionPath(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(repoRoot, 'dist-vsix', `${manifest.name}-${manifest.version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first.`);
  return vsix;
}
