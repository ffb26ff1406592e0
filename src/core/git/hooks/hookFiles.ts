import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../exec';
import { findRepository, storeDirOf } from '../repository';
import { originalRunner, wrapperScript } from './hookScript';
import { ORIGINAL_SUFFIX, type ManagedHook } from './managedHooks';

export const NOTES_REWRITE_REF = 'refs/notes/ai-provenance';

/** An installation that would be unsafe, or no repository: nothing was changed. */
export class HookInstallError extends Error {}

export async function repositoryOf(repoRoot: string) {
  const repository = await findRepository(repoRoot);
  if (!repository) throw new HookInstallError(`not a git repository: ${repoRoot}`);
  return { repository, storeDir: storeDirOf(repository) };
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A hook's path, and where the hook that was there before ours is kept. */
export function hookPaths(dir: string, name: string) {
  const path = join(dir, name);
  return { path, original: `${path}${ORIGINAL_SUFFIX}` };
}

/** notes.rewriteRef includes our notes ref. */
export async function hasRewriteRef(root: string): Promise<boolean> {
  const { stdout } = await git(['config', '--get-all', 'notes.rewriteRef'], { cwd: root, allowFailure: true });
  return stdout.split('\n').some((value) => value.trim() === NOTES_REWRITE_REF);
}

/** The wrapper this version writes for a hook, given what is kept next to it. */
export function expectedWrapper(dir: string, hook: ManagedHook, nodeFallback: string, cliCopy: string): string {
  const { original } = hookPaths(dir, hook);
  return wrapperScript({
    hook,
    nodeFallback,
    cliCopy,
    ...(existsSync(original) ? { original: originalRunner(readFileSync(original)) } : {}),
  });
}
