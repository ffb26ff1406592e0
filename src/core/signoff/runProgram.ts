import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProgramResult {
  readonly stdout: string;
  readonly stderr: string;
  /** -1 when the program could not be started. */
  readonly exitCode: number;
  /** Set when the program is not installed (ENOENT). */
  readonly missing?: boolean;
}

/**
 * Runs a signing tool (ssh-keygen, gpg) without a shell. Never rejects: the
 * caller turns a failure into a message. Bounded in time, as a signing tool
 * waiting for a passphrase on a terminal we do not have must not hang us.
 */
export function runProgram(
  program: string,
  args: readonly string[],
  options: { input?: string; cwd?: string; timeoutMs?: number } = {},
): Promise<ProgramResult> {
  return new Promise((resolve) => {
    const child = execFile(
      program,
      args as string[],
      { cwd: options.cwd, timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT') resolve({ stdout: '', stderr: `${program} is not installed or not on PATH`, exitCode: -1, missing: true });
        else resolve({ stdout, stderr, exitCode: error ? (typeof code === 'number' ? code : -1) : 0 });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/** Runs `work` with a fresh private temporary directory, removed afterwards. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'ai-provenance-sign-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
