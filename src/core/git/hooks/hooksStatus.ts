import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasRewriteRef, hookPaths, repositoryOf, sha256 } from './hookFiles';
import { hooksLocation } from './hooksLocation';
import { MANAGED_HOOKS, type ManagedHook } from './managedHooks';
import { readManifest } from './manifest';
import { isWrapper } from './hookScript';

export type HookState = 'installed' | 'missing' | 'foreign' | 'changed';

export interface HooksStatus {
  readonly hooksDir: string;
  readonly husky: boolean;
  /** Every managed hook is our current wrapper and the CLI copy is in place. */
  readonly installed: boolean;
  readonly hooks: ReadonlyArray<{ readonly name: ManagedHook; readonly path: string; readonly state: HookState; readonly chained: boolean }>;
  readonly cliCopy: { readonly path: string; readonly present: boolean };
  readonly nodeFallback?: string;
  /** notes.rewriteRef includes refs/notes/ai-provenance. */
  readonly notesRewrite: boolean;
}

/**
 * What is installed. `foreign` means another hook took the place of ours
 * (Husky regenerating .husky/_, a tool writing its own hook): install again.
 */
export async function hooksStatus(repoRoot: string): Promise<HooksStatus> {
  const { repository, storeDir } = await repositoryOf(repoRoot);
  const location = await hooksLocation(repository.root, repository.commonDir);
  const manifest = readManifest(storeDir);
  const hooks = MANAGED_HOOKS.map((name) => {
    const { path, original } = hookPaths(location.dir, name);
    const content = existsSync(path) ? readFileSync(path) : undefined;
    let state: HookState = 'missing';
    if (content !== undefined) {
      if (!isWrapper(content)) state = 'foreign';
      else state = manifest?.wrappers[name] !== undefined && manifest.wrappers[name] !== sha256(content) ? 'changed' : 'installed';
    }
    return { name, path, state, chained: state !== 'foreign' && existsSync(original) };
  });
  const cliPath = join(storeDir, 'bin', 'cli.js');
  const present = existsSync(cliPath);
  return {
    hooksDir: location.dir,
    husky: location.husky,
    installed: present && hooks.every((hook) => hook.state === 'installed'),
    hooks,
    cliCopy: { path: cliPath, present },
    ...(manifest ? { nodeFallback: manifest.nodeFallback } : {}),
    notesRewrite: await hasRewriteRef(repository.root),
  };
}
