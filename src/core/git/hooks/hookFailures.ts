import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '../shellQuote';

/**
 * Times our hooks could not do their part: no node to run the CLI, the CLI
 * copy gone, or the CLI failing. The hook script appends a line itself when
 * it cannot start node, so a commit made that way is not silently missing
 * its provenance: `hook status`, the editor and a local `gate` report them.
 * One line per failure, tab-separated: seconds since the epoch, hook,
 * reason, the commit (post-commit only; empty otherwise), detail.
 */
export const HOOK_FAILURES_FILE = 'hook-failures.log';

export type HookFailureReason = 'node-not-found' | 'cli-missing' | 'error';

export interface HookFailure {
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly hook: string;
  readonly reason: HookFailureReason | string;
  readonly commit?: string;
  readonly detail: string;
}

/** Older lines are dropped beyond this many (a machine without node would grow the file with every commit). */
const KEEP = 500;

export function hookFailuresPath(storeDir: string): string {
  return join(storeDir, HOOK_FAILURES_FILE);
}

export function readHookFailures(storeDir: string): HookFailure[] {
  let text: string;
  try {
    text = readFileSync(hookFailuresPath(storeDir), 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line): HookFailure[] => {
    const [seconds, hook, reason, commit, ...detail] = line.split('\t');
    const at = Number(seconds) * 1000;
    if (!hook || !reason || !Number.isFinite(at)) return [];
    return [{ at, hook, reason, ...(commit ? { commit } : {}), detail: detail.join('\t') }];
  });
}

/** Appends a failure from node (the CLI failed inside a hook); keeps the file short. */
export function recordHookFailure(storeDir: string, failure: Omit<HookFailure, 'at'>, now = Date.now()): void {
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  const line = [Math.floor(now / 1000), failure.hook, failure.reason, failure.commit ?? '', clean(failure.detail)].join('\t');
  try {
    appendFileSync(hookFailuresPath(storeDir), `${line}\n`);
    const lines = readFileSync(hookFailuresPath(storeDir), 'utf8').split('\n').filter(Boolean);
    if (lines.length > KEEP) writeFileSync(hookFailuresPath(storeDir), `${lines.slice(-KEEP).join('\n')}\n`);
  } catch {
    // The store directory is gone or read-only: the hook's stderr line is all we can do.
  }
}

/**
 * Shell text for the hook script: appends a failure line to the log in
 * `$aip_store`. post-commit names the commit it could not attest.
 */
export function hookFailureShell(hook: string, reason: HookFailureReason, detail: string): string {
  const commit = hook === 'post-commit' ? '$(git rev-parse -q --verify HEAD 2>/dev/null)' : '';
  const cleanDetail = detail.replace(/[\t\r\n]+/g, ' ');
  return `printf '%s\\t%s\\t%s\\t%s\\t%s\\n' "$(date +%s)" ${shellQuote(hook)} ${shellQuote(reason)} "${commit}" ${shellQuote(cleanDetail)} >>"$aip_store/${HOOK_FAILURES_FILE}" 2>/dev/null`;
}
