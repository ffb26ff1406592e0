import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { git } from '../../git/exec';
import type { HookFacts } from '../../git/hookFacts';
import { operationInProgress } from '../../git/operations';
import { storeDirOf } from '../../git/repository';
import type { LoadBearingClassifier } from '../../loadBearing';
import type { RegionSource } from '../attribute';
import type { BlastRadiusProvider } from '../blastRadius';
import { readProvenanceSettings, type ProvenanceSettings } from '../settings';
import { storeVersion } from './handoff';
import { readStoreForHook } from './hookStore';

/**
 * What every hook needs to know about where it runs, read as cheaply as
 * possible: git runs hooks at the top of the work tree, with GIT_DIR and
 * GIT_INDEX_FILE set as needed, and the git process as the hook's parent.
 */
export interface HookContext {
  readonly root: string;
  /** This worktree's git directory (sequencer state lives here). */
  readonly gitDir: string;
  readonly commonDir: string;
  readonly storeDir: string;
  readonly settings: ProvenanceSettings;
  /** The `git commit` running the hook (passed by the hook scripts): the hooks of one commit share its hand-off. */
  readonly gitPid: string | undefined;
}

export async function openHookContext(cwd: string, env: NodeJS.ProcessEnv = {}, facts?: HookFacts): Promise<HookContext> {
  // The settings can be read from cwd while rev-parse runs (or from what the hook script asked git: see hookFacts.ts).
  const where = facts ? undefined : git(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir'], { cwd });
  const settings = readProvenanceSettings(cwd, undefined, facts?.configText);
  const [located, early] = await Promise.all([where, settings]);
  const [root, gitDir, commonDir] = facts ? [facts.root, facts.gitDir, facts.commonDir] : (located?.stdout ?? '').trim().split('\n');
  if (!root || !gitDir || !commonDir) throw new Error('not inside a git work tree');
  const common = isAbsolute(commonDir) ? commonDir : resolve(cwd, commonDir);
  return {
    root,
    gitDir,
    commonDir: common,
    storeDir: storeDirOf({ root, commonDir: common }),
    settings: realpathSync(root) === realpathSync(cwd) ? early : await readProvenanceSettings(root, undefined, facts?.configText),
    gitPid: env.AIP_GIT_PID,
  };
}

/** The region store, read only, and its version (see handoff.ts); an unreadable store is an error, so the hook fails open instead of guessing. */
export async function openStoreForHook(context: HookContext): Promise<{ store: RegionSource; version: number | undefined }> {
  const version = storeVersion(context.storeDir);
  const { regions, problems } = await readStoreForHook(context.storeDir);
  if (problems.length > 0) throw new Error(problems[0]);
  return { store: regions, version };
}

/** The commit a rebase or cherry-pick is replaying: git keeps it in CHERRY_PICK_HEAD while it commits the copy (for both commands). */
export function replayedCommit(context: HookContext): string | undefined {
  try {
    const text = readFileSync(join(context.gitDir, 'CHERRY_PICK_HEAD'), 'utf8').trim();
    return /^[0-9a-f]{40,64}$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True while git merges, replays (rebase, cherry-pick, am) or reverts: the
 * commit keeps git's message as it is (core/git/operations).
 */
export function replayInProgress(context: HookContext): boolean {
  return operationInProgress(context.gitDir);
}

/**
 * Whether the commit being prepared is an `--amend`. git tells
 * prepare-commit-msg only when no message was given (`commit HEAD`); with
 * `--amend -m ...` the only trace is git's own command line (the hook
 * script's parent, AIP_GIT_PID). Linux reads /proc; macOS and the BSDs ask
 * ps; elsewhere an amend with -m is not detected.
 */
export function isAmend(source: string | undefined, sha: string | undefined, context: HookContext): boolean {
  if (source === 'commit' && sha === 'HEAD') return true;
  if (source !== 'message') return false;
  const args = gitCommandLine(context.gitPid);
  return args !== undefined && args.some((arg) => arg === '--amend');
}

function gitCommandLine(pidText: string | undefined): string[] | undefined {
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 1) return undefined;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    // No procfs.
  }
  if (process.platform === 'win32') return undefined;
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000 })
      .trim()
      .split(/\s+/);
  } catch {
    return undefined;
  }
}

export function readMessageFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Replaces the message file whole (temp file + rename): a failure never leaves half a message. */
export function writeMessageFile(path: string, text: string): void {
  const temporary = `${path}.ai-provenance-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export interface HookBlastRadius {
  readonly provider: BlastRadiusProvider | undefined;
  release(): void;
}

/**
 * The index-backed blast radius, only when the user opted in
 * (aiProvenance.hookBlastRadius) and the editor left an index cache. Its
 * code (the parser runtime) is loaded only then: the hooks' own bundle
 * leaves it out (see esbuild.mjs).
 */
export async function blastRadiusForHook(context: HookContext, classifier: LoadBearingClassifier): Promise<HookBlastRadius> {
  const none = { provider: undefined, release: () => undefined };
  if (context.settings.blastRadius === 'off' || !context.settings.hookBlastRadius) return none;
  const { openIndexBlastRadius } = await import('../indexBlastRadius.js');
  return (await openIndexBlastRadius(context.root, context.storeDir, classifier)) ?? none;
}
