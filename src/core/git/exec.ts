import { execFile } from 'node:child_process';

export interface GitResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Like GitResult, with stdout as bytes (blob contents, NUL-separated output). */
export interface GitBufferResult {
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly exitCode: number;
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly result?: GitResult,
  ) {
    super(message);
  }
}

export interface GitOptions {
  readonly cwd: string;
  readonly input?: string | Buffer;
  readonly env?: NodeJS.ProcessEnv;
  /** Resolve with the exit code instead of rejecting on a non-zero exit. */
  readonly allowFailure?: boolean;
  /** Kill git after this long (network commands in hooks must not hold the user up); it then fails with exit code -1. */
  readonly timeoutMs?: number;
}

/**
 * Runs git without a shell. Output is bounded only by memory: callers ask
 * for what they need (e.g. `--name-only`) rather than whole histories.
 */
export async function git(args: readonly string[], options: GitOptions): Promise<GitResult> {
  const result = await gitBuffer(args, options);
  return { stdout: result.stdout.toString('utf8'), stderr: result.stderr, exitCode: result.exitCode };
}

/** git() with stdout kept as bytes: byte counts in it (cat-file --batch) stay exact. */
export function gitBuffer(args: readonly string[], options: GitOptions): Promise<GitBufferResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args as string[],
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0' },
        maxBuffer: 512 * 1024 * 1024,
        encoding: 'buffer',
        ...(options.timeoutMs !== undefined ? { timeout: Math.max(1, Math.round(options.timeoutMs)) } : {}),
      },
      (error, stdout, stderrBytes) => {
        const stderr = stderrBytes.toString('utf8');
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const timedOut = error !== null && error.killed === true && options.timeoutMs !== undefined;
        const result = { stdout, stderr: timedOut ? `${stderr}timed out after ${options.timeoutMs} ms\n` : stderr, exitCode };
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new GitError('git is not installed or not on PATH', textResult(result)));
        } else if (exitCode !== 0 && !options.allowFailure) {
          reject(new GitError(`git ${args[0]} failed: ${result.stderr.trim() || `exit code ${exitCode}`}`, textResult(result)));
        } else {
          resolve(result);
        }
      },
    );
    // A child that exits before reading all its input must not crash us with EPIPE.
    child.stdin?.on('error', () => undefined);
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

function textResult(result: GitBufferResult): GitResult {
  return { stdout: result.stdout.toString('utf8'), stderr: result.stderr, exitCode: result.exitCode };
}
