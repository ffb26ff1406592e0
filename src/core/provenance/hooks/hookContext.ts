import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { git } from '../../git/exec';
import { storeDirOf } from '../../git/repository';
import { RegionStore } from '../../store/regionStore';
import { readProvenanceSettings, type ProvenanceSettings } from '../settings';

/** Where a hook runs: git runs hooks at the top of the work tree, with GIT_DIR/GIT_INDEX_FILE as needed. */
export interface HookContext {
  readonly root: string;
  /** This worktree's git directory (sequencer state lives here). */
  readonly gitDir: string;
  readonly commonDir: string;
  readonly storeDir: string;
  readonly settings: ProvenanceSettings;
}

export async function openHookContext(cwd: string): Promise<HookContext> {
  // git runs hooks at the top of the work tree: the settings can be read from cwd while rev-parse runs.
  const [{ stdout }, early] = await Promise.all([
    git(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir'], { cwd }),
    readProvenanceSettings(cwd),
  ]);
  const [root, gitDir, commonDir] = stdout.trim().split('\n');
  if (!root || !gitDir || !commonDir) throw new Error('not inside a git work tree');
  const common = isAbsolute(commonDir) ? commonDir : resolve(cwd, commonDir);
  const settings = realpathSync(root) === realpathSync(cwd) ? early : await readProvenanceSettings(root);
  return { root, gitDir, commonDir: common, storeDir: storeDirOf({ root, commonDir: common }), settings };
}

/** The region store, read only; an unreadable store is an error so the hook fails open instead of guessing. */
export async function openStoreForHook(context: HookContext): Promise<RegionStore> {
  const store = await RegionStore.open({ storeDir: context.storeDir });
  if (store.problems.length > 0) throw new Error(store.problems[0]);
  return store;
}

/**
 * The commit a rebase or cherry-pick is replaying: git keeps it in
 * CHERRY_PICK_HEAD while it commits the copy (for both commands).
 */
export function replayedCommit(context: HookContext): string | undefined {
  try {
    const text = readFileSync(join(context.gitDir, 'CHERRY_PICK_HEAD'), 'utf8').trim();
    return /^[0-9a-f]{40,64}$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** True while git replays existing commits (rebase, cherry-pick, am): their messages are kept as they are. */
export function replayInProgress(context: HookContext): boolean {
  return (
    replayedCommit(context) !== undefined ||
    existsSync(join(context.gitDir, 'rebase-merge')) ||
    existsSync(join(context.gitDir, 'rebase-apply'))
  );
}
