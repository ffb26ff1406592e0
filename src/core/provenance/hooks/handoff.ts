import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '../../git/shellQuote';
import { STORE_FILE_NAME } from '../../store/storeFile';
import type { Trailer } from '../trailers';
import { commitMsgFinishShell, type MessageFinish } from './finishShortcut';

/**
 * The hand-off between the hooks of one commit. prepare-commit-msg works out
 * the commit's provenance (one staged diff, the regions re-anchored); the
 * two hooks after it reuse that instead of diffing every file again, when it
 * still describes the commit being made:
 *
 * - it was written for the same `git commit` (the hooks' parent process,
 *   which the hook scripts pass as AIP_GIT_PID),
 * - the region store was not written since,
 * - and, for post-commit, the new commit has exactly the tree and parents it
 *   was worked out for.
 *
 * Otherwise they work it out themselves, as before. Files, in
 * `<store>/handoff/`, named by git's process id:
 *
 *   <pid>.json     for commit-msg: the trailers, and whether they were only previewed
 *   <pid>.message  the message as prepare-commit-msg left it: when commit-msg
 *                  finds it unchanged (`git commit -m`), it has nothing to do
 *   <pid>.finish, <pid>.rest  (editor flow) what the commit-msg script puts
 *                  around the text typed above that message (finishShortcut.ts)
 *   <pid>.note     the commit's note, with COMMIT_PLACEHOLDER for the commit's id
 *   <pid>.commit   "<tree> <parent>...": the commit the note describes; written
 *                  last, so its presence means the others are complete
 *
 * Those and the next two are read by the scripts themselves; which then writes
 * the note with one `git notes` and never starts node. Every file is written
 * whole (temporary file, then rename); the files of commits that never
 * happened are removed by the next prepare-commit-msg.
 */

export const COMMIT_PLACEHOLDER = '@@ai-provenance-commit@@';
const FORMAT = 2;
const DIRECTORY = 'handoff';

export interface Handoff {
  readonly trailers: readonly Trailer[];
  /** prepare-commit-msg only previewed the trailers (editor flow): commit-msg writes them. */
  readonly previewed: boolean;
  /** core.commentChar as configured (may be 'auto'): with the hand-off, commit-msg reads no settings. */
  readonly commentChar: string;
}

export interface HandoffToWrite extends Handoff {
  readonly gitPid: string;
  readonly message: string;
  /** The note, serialized, for the commit COMMIT_PLACEHOLDER. */
  readonly note: string;
  readonly tree: string;
  readonly parents: readonly string[];
  /** The region store's modification time when it was read: the hand-off is only written if it is still that. */
  readonly storeVersion: number | undefined;
  /** For the commit-msg script (editor flow), when it can finish the message itself. */
  readonly finish?: MessageFinish;
}

interface HandoffFile extends Handoff {
  readonly format: number;
  readonly storeVersion: number | undefined;
}

/** The region store's modification time (undefined: no store file yet), as the hooks compare it. */
export function storeVersion(storeDir: string): number | undefined {
  try {
    return statSync(join(storeDir, STORE_FILE_NAME)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Called first by prepare-commit-msg: the hand-offs of other, finished or abandoned, commits go. */
export function clearHandoffs(storeDir: string, gitPid: string | undefined): void {
  const directory = join(storeDir, DIRECTORY);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.split('.')[0]!;
    // Another commit still running (in another worktree) keeps its files.
    if (pid === gitPid || !isRunning(pid)) rmSync(join(directory, name), { force: true });
  }
}

export function writeHandoff(storeDir: string, handoff: HandoffToWrite): void {
  if (!/^\d+$/.test(handoff.gitPid) || storeVersion(storeDir) !== handoff.storeVersion) return;
  const directory = join(storeDir, DIRECTORY);
  mkdirSync(directory, { recursive: true });
  const base = join(directory, handoff.gitPid);
  const file: HandoffFile = {
    format: FORMAT,
    trailers: handoff.trailers,
    previewed: handoff.previewed,
    commentChar: handoff.commentChar,
    storeVersion: handoff.storeVersion,
  };
  writeWhole(`${base}.json`, JSON.stringify(file));
  writeWhole(`${base}.message`, handoff.message);
  if (handoff.finish) {
    writeWhole(`${base}.finish`, handoff.finish.finish);
    writeWhole(`${base}.rest`, handoff.finish.rest);
  }
  writeWhole(`${base}.note`, handoff.note);
  writeWhole(`${base}.commit`, `${[handoff.tree, ...handoff.parents].join(' ')}\n`);
}

/** What prepare-commit-msg left for this commit, or undefined when it does not apply (see above). */
export function readHandoff(storeDir: string, gitPid: string | undefined): Handoff | undefined {
  if (gitPid === undefined || !/^\d+$/.test(gitPid)) return undefined;
  try {
    const file = JSON.parse(readFileSync(join(storeDir, DIRECTORY, `${gitPid}.json`), 'utf8')) as HandoffFile;
    if (file.format !== FORMAT || file.storeVersion !== storeVersion(storeDir)) return undefined;
    return { trailers: file.trailers, previewed: file.previewed, commentChar: file.commentChar };
  } catch {
    return undefined;
  }
}

/**
 * Shell for the commit-msg script, before it starts node: exits when
 * prepare-commit-msg of this commit left the message as it is now (`git
 * commit -m`), which leaves commit-msg nothing to do. `$aip_store` is the
 * store directory, `$PPID` git, `$1` the message file.
 */
export function commitMsgShortcutShell(exit: string): string {
  return `cmp -s "$1" "$aip_store/${DIRECTORY}/$PPID.message" 2>/dev/null && [ ! "$aip_store/${STORE_FILE_NAME}" -nt "$aip_store/${DIRECTORY}/$PPID.commit" ] && ${exit}`;
}

/** Shell for the commit-msg script, before it starts node: finishes an editor-flow message itself (see finishShortcut.ts). */
export function commitMsgFinishFromHandoffShell(exit: string): string[] {
  return [...commitMsgFinishShell(DIRECTORY, STORE_FILE_NAME), `aip_finish_from_handoff "$1" && ${exit}`];
}

/**
 * Shell for the post-commit script, before it starts node: a function that,
 * when the new commit is the one prepare-commit-msg worked out (same git
 * process, same tree and parents, store unchanged), writes the note it left
 * and succeeds. (A function, so that `set --` leaves the script's arguments.)
 */
export function postCommitShortcutShell(notesRef: string): string[] {
  const handoff = `"$aip_store/${DIRECTORY}/$PPID`;
  return [
    'aip_note_from_handoff() {',
    `  [ -f ${handoff}.commit" ] && [ -s ${handoff}.note" ] && [ ! "$aip_store/${STORE_FILE_NAME}" -nt ${handoff}.commit" ] && IFS= read -r aip_expected < ${handoff}.commit" || return 1`,
    // HEAD, its tree, its parents: one word each.
    `  set -- $(git rev-parse HEAD 'HEAD^{tree}' 'HEAD^@' 2>/dev/null)`,
    '  [ $# -ge 2 ] || return 1',
    '  aip_head=$1; shift',
    '  [ "$*" = "$aip_expected" ] || return 1',
    `  sed "s/${COMMIT_PLACEHOLDER}/$aip_head/" ${handoff}.note" 2>/dev/null | git notes --ref=${shellQuote(notesRef)} add -f -F - "$aip_head" 2>/dev/null`,
    '}',
  ];
}

function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function isRunning(pid: string): boolean {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    // EPERM: running, but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
