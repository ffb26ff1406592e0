import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedWrapper, hasRewriteRef, hookPaths, repositoryOf, sha256 } from './hookFiles';
import { hooksLocation } from './hooksLocation';
import { MANAGED_HOOKS, type ManagedHook } from './managedHooks';
import { readManifest, type HooksManifest } from './manifest';
import { isWrapper } from './hookScript';
import { remotesFetchingNotes } from '../notesSync/remoteNotes';
import { SYNCED_NOTES_REFS } from '../../provenance/syncedNotes';
import { readHookFailures, type HookFailure } from './hookFailures';

/**
 * installed: our current wrapper; outdated: ours, but this version would
 * write another one (install again); changed: ours, edited since; foreign:
 * another hook took its place (Husky regenerating .husky/_); missing.
 */
export type HookState = 'installed' | 'outdated' | 'changed' | 'foreign' | 'missing';

export interface HooksStatus {
  readonly hooksDir: string;
  readonly husky: boolean;
  /** Every managed hook is our current wrapper and the CLI copy is in place (and current, when asked). */
  readonly installed: boolean;
  readonly hooks: ReadonlyArray<{ readonly name: ManagedHook; readonly path: string; readonly state: HookState; readonly chained: boolean }>;
  /** `current`: the copy equals the CLI given to hooksStatus (undefined when none was given). */
  readonly cliCopy: { readonly path: string; readonly present: boolean; readonly current?: boolean };
  readonly nodeFallback?: string;
  /** False when the node recorded at install time is gone (an editor update moved it): install again. */
  readonly nodeFallbackPresent?: boolean;
  /** The latest times our hooks could not run (no node, no CLI copy, the CLI failing), newest last. */
  readonly failures: readonly HookFailure[];
  /** notes.rewriteRef includes refs/notes/ai-provenance. */
  readonly notesRewrite: boolean;
  /** Remotes whose `git fetch` brings the notes into refs/remote-notes/ (pre-push pushes them to any named remote). */
  readonly notesFetchedFrom: readonly string[];
}

/**
 * What is installed. Anything but `installed` everywhere means: run
 * installHooks again (it is idempotent). Give `cliPath` (the bundle the
 * extension ships) to also learn whether the hooks' copy of it is current.
 */
export async function hooksStatus(repoRoot: string, options: { readonly cliPath?: string } = {}): Promise<HooksStatus> {
  const { repository, storeDir } = await repositoryOf(repoRoot);
  const location = await hooksLocation(repository.root, repository.commonDir);
  const manifest = readManifest(storeDir);
  const cliPath = join(storeDir, 'bin', 'cli.js');
  const hooks = MANAGED_HOOKS.map((name) => {
    const { path, original } = hookPaths(location.dir, name);
    const content = existsSync(path) ? readFileSync(path) : undefined;
    return {
      name,
      path,
      state: stateOf(name, content, location.dir, manifest, cliPath),
      chained: content !== undefined && isWrapper(content) && existsSync(original),
    };
  });
  const present = existsSync(cliPath);
  const nodeFallbackPresent = manifest ? isExecutable(manifest.nodeFallback) : undefined;
  const current =
    options.cliPath === undefined
      ? undefined
      : present && existsSync(options.cliPath) && sha256(readFileSync(cliPath)) === sha256(readFileSync(options.cliPath));
  return {
    hooksDir: location.dir,
    husky: location.husky,
    installed: present && current !== false && nodeFallbackPresent !== false && hooks.every((hook) => hook.state === 'installed'),
    hooks,
    cliCopy: { path: cliPath, present, ...(current !== undefined ? { current } : {}) },
    ...(manifest ? { nodeFallback: manifest.nodeFallback, nodeFallbackPresent } : {}),
    failures: readHookFailures(storeDir).slice(-RECENT_FAILURES),
    notesRewrite: await hasRewriteRef(repository.root),
    notesFetchedFrom: await remotesFetchingNotes(
      repository.root,
      SYNCED_NOTES_REFS.map((spec) => spec.ref),
    ),
  };
}

const RECENT_FAILURES = 20;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function stateOf(name: ManagedHook, content: Buffer | undefined, dir: string, manifest: HooksManifest | undefined, cliCopy: string): HookState {
  if (content === undefined) return 'missing';
  if (!isWrapper(content)) return 'foreign';
  const written = manifest?.wrappers[name];
  if (written !== undefined && written !== sha256(content)) return 'changed';
  if (!manifest) return 'installed'; // no record of how it was installed: nothing to compare with
  return expectedWrapper(dir, name, manifest.nodeFallback, cliCopy) === content.toString() ? 'installed' : 'outdated';
}
