import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Files next to the CLI bundle that the hooks run or load: the hooks' own
 * entry and bundle (see src/cli/hook/start.ts), the workspace index for
 * hooks that opted into blast radii, its worker and grammars.
 */
const RUNTIME_ASSETS = ['hook.js', 'hookMain.js', 'hookIndex.js', 'indexWorker.js', 'grammars', 'queries'];

/**
 * Copies the running CLI bundle into `<store>/bin/` so the hooks keep
 * working when the extension that installed them is updated or removed.
 * The bundle is renamed into place, so a hook running meanwhile never reads
 * half a file.
 */
export function copyCliBundle(cliPath: string, binDir: string): string {
  if (!existsSync(cliPath)) throw new Error(`the CLI bundle ${cliPath} does not exist`);
  mkdirSync(binDir, { recursive: true });
  const target = join(binDir, 'cli.js');
  const temporary = `${target}.${process.pid}.tmp`;
  copyFileSync(cliPath, temporary);
  renameSync(temporary, target);
  // The hooks' code cache belongs to the bundle it was made from (V8 only checks its length).
  rmSync(join(binDir, 'hookMain.js.cache'), { force: true });
  for (const asset of RUNTIME_ASSETS) {
    const source = join(dirname(cliPath), asset);
    if (!existsSync(source)) continue;
    const destination = join(binDir, asset);
    rmSync(destination, { recursive: true, force: true });
    cpSync(source, destination, { recursive: true });
  }
  return target;
}
