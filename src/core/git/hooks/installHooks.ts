import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { git } from '../exec';
import { copyCliBundle } from './cliCopy';
import { HookInstallError, NOTES_REWRITE_REF, expectedWrapper, hasRewriteRef, hookPaths, repositoryOf, sha256 } from './hookFiles';
import { hooksLocation, trackedFiles, type HooksLocation } from './hooksLocation';
import { MANAGED_HOOKS, type ManagedHook } from './managedHooks';
import { readManifest, writeManifest } from './manifest';
import { isWrapper } from './hookScript';
import { reclaimLegacyWrapper } from './legacyWrapper';
import { uninstallHooks } from './uninstallHooks';
import { ensureFetchRefspecs, remoteNames } from '../notesSync/remoteNotes';
import { SYNCED_NOTES_REFS } from '../../provenance/syncedNotes';

export interface InstallOptions {
  /** The CLI bundle to copy into `<git common dir>/ai-provenance/bin/` (the running dist/cli.js). */
  readonly cliPath: string;
  /**
   * A node binary for when `node` is not on PATH at commit time. Inside the
   * editor, process.execPath is the editor itself: the hooks run it with
   * ELECTRON_RUN_AS_NODE=1, which makes it behave as node.
   */
  readonly nodePath: string;
}

export interface InstalledHook {
  readonly name: ManagedHook;
  readonly path: string;
  /** A hook was there before: it is kept and runs first. */
  readonly chained: boolean;
}

export interface InstallResult {
  readonly hooksDir: string;
  readonly husky: boolean;
  readonly hooks: readonly InstalledHook[];
  readonly cliCopy: string;
  readonly warnings: readonly string[];
}

/** Refuses locations where a wrapper would affect other repositories or other people. */
async function checkLocation(root: string, location: HooksLocation): Promise<void> {
  if (location.shared) {
    throw new HookInstallError(
      `core.hooksPath (${location.dir}) is outside this repository and may be shared with others; ` +
        'hooks are not installed there. Call `ai-provenance hook run <hook> "$@"` from those hooks instead (docs/TRAILERS.md).',
    );
  }
  if (!location.inWorkTree) return;
  const existing = MANAGED_HOOKS.map((name) => join(location.dir, name)).filter((path) => existsSync(path));
  const tracked = [...(await trackedFiles(root, existing))].filter((path) => !isWrapper(readFileSync(path)));
  if (tracked.length > 0) {
    throw new HookInstallError(
      `${tracked.join(', ')} ${tracked.length === 1 ? 'is' : 'are'} tracked by git; replacing ${tracked.length === 1 ? 'it' : 'them'} would change ` +
        'the hooks of everyone who clones the repository. Add `ai-provenance hook run <hook> "$@"` to them instead (docs/TRAILERS.md).',
    );
  }
}

/**
 * Installs the hooks, chaining to the hooks already there (they are kept
 * byte for byte, mode included, as `<hook>.ai-provenance-original` and run
 * first). Running it again refreshes the wrappers and the CLI copy.
 */
export async function installHooks(repoRoot: string, options: InstallOptions): Promise<InstallResult> {
  const { repository, storeDir } = await repositoryOf(repoRoot);
  const location = await hooksLocation(repository.root, repository.commonDir);
  await checkLocation(repository.root, location);
  const previous = readManifest(storeDir);
  if (previous && previous.hooksDir !== location.dir) await uninstallHooks(repoRoot); // core.hooksPath moved

  const cliCopy = copyCliBundle(options.cliPath, join(storeDir, 'bin'));
  const warnings: string[] = [];
  const hooks: InstalledHook[] = [];
  const wrappers: Record<string, string> = {};
  mkdirSync(location.dir, { recursive: true });
  for (const name of MANAGED_HOOKS) {
    const { path, original } = hookPaths(location.dir, name);
    reclaimLegacyWrapper(path, original);
    if (existsSync(path) && !isWrapper(readFileSync(path))) {
      // A hook that is not ours: the new original (a leftover copy is from before, e.g. Husky regenerated its stub).
      rmSync(original, { force: true });
      keepOriginal(path, original);
    }
    const chained = existsSync(original);
    const script = expectedWrapper(location.dir, name, options.nodePath, cliCopy);
    writeHookAtomic(path, script);
    wrappers[name] = sha256(script);
    hooks.push({ name, path, chained });
  }
  const addedRewriteRef = (await ensureRewriteRef(repository.root)) || (previous?.addedRewriteRef ?? false);
  // git fetch / git pull bring every remote's notes into refs/remote-notes/<remote>/ (pre-push and notes sync add later remotes).
  for (const remote of await remoteNames(repository.root))
    await ensureFetchRefspecs(
      repository.root,
      remote,
      SYNCED_NOTES_REFS.map((spec) => spec.ref),
    );
  await writeManifest(storeDir, {
    format: 'ai-provenance/hooks',
    version: 1,
    hooksDir: location.dir,
    installedAt: new Date().toISOString(),
    wrappers,
    addedRewriteRef,
    nodeFallback: options.nodePath,
  });
  if (location.husky) warnings.push('Husky regenerates .husky/_ on install: run `ai-provenance hook install` again after it does.');
  else if (location.inWorkTree) warnings.push(`the hooks are in the work tree (${location.dir}): keep them out of commits (they are per clone).`);
  return { hooksDir: location.dir, husky: location.husky, hooks, cliCopy, warnings };
}

/** Makes git copy our notes on amend and rebase (post-rewrite then merges them properly). */
async function ensureRewriteRef(root: string): Promise<boolean> {
  if (await hasRewriteRef(root)) return false;
  await git(['config', '--add', 'notes.rewriteRef', NOTES_REWRITE_REF], { cwd: root });
  return true;
}

/**
 * Keeps the hook at `path` as `original` without ever removing it from
 * `path`: git keeps running it until our wrapper is renamed over it. A hard
 * link keeps the bytes and the mode; a symlink stays a symlink.
 */
function keepOriginal(path: string, original: string): void {
  if (lstatSync(path).isSymbolicLink()) {
    symlinkSync(readlinkSync(path), original);
    return;
  }
  try {
    linkSync(path, original);
  } catch {
    copyFileSync(path, original);
    chmodSync(original, statSync(path).mode & 0o7777);
  }
}

/** Writes an executable hook so that git never runs half of it: a temporary file renamed over the old one. */
function writeHookAtomic(path: string, script: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.ai-provenance-new.${process.pid}`);
  try {
    writeFileSync(temporary, script, { mode: 0o755 });
    chmodSync(temporary, 0o755); // whatever the umask
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
