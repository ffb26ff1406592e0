import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Whether the commit being prepared is an `--amend`. git tells
 * prepare-commit-msg only when no message was given (`commit HEAD`); with
 * `--amend -m ...` the only trace is git's own command line, which the hook
 * script passes as AIP_GIT_PID (its parent process). Linux reads /proc;
 * macOS and the BSDs ask ps; elsewhere an amend with -m is not detected.
 */
export function isAmend(source: string | undefined, sha: string | undefined, env: NodeJS.ProcessEnv): boolean {
  if (source === 'commit' && sha === 'HEAD') return true;
  if (source !== 'message') return false;
  const args = gitCommandLine(env.AIP_GIT_PID);
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
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000 }).trim().split(/\s+/);
  } catch {
    return undefined;
  }
}
