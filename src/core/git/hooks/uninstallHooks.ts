import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../exec';
import { NOTES_REWRITE_REF, hookPaths, repositoryOf, sha256 } from './hookFiles';
import { hooksLocation } from './hooksLocation';
import { MANAGED_HOOKS } from './managedHooks';
import { readManifest, removeManifest } from './manifest';
import { isWrapper } from './hookScript';
import { reclaimLegacyWrapper } from './legacyWrapper';
import { fetchRefspecs, remoteNames, removeFetchRefspecs } from '../notesSync/remoteNotes';
import { SYNCED_NOTES_REFS } from '../../provenance/syncedNotes';

export interface UninstallResult {
  readonly hooksDir: string;
  /** Hooks put back as they were before installation. */
  readonly restored: readonly string[];
  /** Our wrappers removed where there was no hook before. */
  readonly removed: readonly string[];
  /** Files left alone, with the reason. */
  readonly left: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/** Puts back exactly what was there before `installHooks`, and removes our git config and CLI copy. */
export async function uninstallHooks(repoRoot: string): Promise<UninstallResult> {
  const { repository, storeDir } = await repositoryOf(repoRoot);
  const manifest = readManifest(storeDir);
  const dir = manifest?.hooksDir ?? (await hooksLocation(repository.root, repository.commonDir)).dir;
  const restored: string[] = [];
  const removed: string[] = [];
  const left: Array<{ path: string; reason: string }> = [];
  for (const name of MANAGED_HOOKS) {
    const { path, original } = hookPaths(dir, name);
    if (reclaimLegacyWrapper(path, original)) {
      left.push({ path, reason: 'another tool (pre-commit) took its place and ran ours as its legacy hook; its own hook is left as it is' });
      continue;
    }
    const current = existsSync(path) ? readFileSync(path) : undefined;
    const ours = current !== undefined && isWrapper(current);
    const changed = ours && manifest?.wrappers[name] !== undefined && manifest.wrappers[name] !== sha256(current);
    if (changed) {
      left.push({ path, reason: `changed since installation; the previous hook is still at ${original}` });
      continue;
    }
    if (current !== undefined && !ours) {
      // Someone (Husky, the user) replaced our wrapper: theirs stays, our stale copy of the old hook goes.
      rmSync(original, { force: true });
      if (manifest?.wrappers[name]) left.push({ path, reason: 'replaced by another hook since installation; left as it is' });
      continue;
    }
    if (existsSync(original)) {
      renameSync(original, path); // bytes and mode exactly as they were
      restored.push(path);
    } else if (ours) {
      rmSync(path);
      removed.push(path);
    }
  }
  if (manifest?.addedRewriteRef) {
    // A value pattern rather than --fixed-value, which needs git 2.30.
    await git(['config', '--unset', 'notes.rewriteRef', `^${NOTES_REWRITE_REF}$`], { cwd: repository.root, allowFailure: true });
  }
  // Our notes refspecs write only into refs/remote-notes/, which nothing else uses: removed from every remote.
  const notesRefs = SYNCED_NOTES_REFS.map((spec) => spec.ref);
  for (const remote of await remoteNames(repository.root)) await removeFetchRefspecs(repository.root, remote, fetchRefspecs(remote, notesRefs));
  rmSync(join(storeDir, 'bin'), { recursive: true, force: true });
  removeManifest(storeDir);
  return { hooksDir: dir, restored, removed, left };
}
