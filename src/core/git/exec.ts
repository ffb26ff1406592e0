import { execFile } from 'node:child_process';

export interface GitResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export class GitError extends Error {
  constructor(message: string, readonly result?: GitResult) {
    super(message);
  }
}

export interface GitOptions {
  readonly cwd: string;
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Resolve with the exit code instead of rejecting on a non-zero exit. */
  readonly allowFailure?: boolean;
}

/**
 * Runs git without a shell. Output is bounded only by memory: callers ask
 * for what they need (e.g. `--name-only`) rather than whole histories.
 */
export function git(args: readonly string[], options: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args as string[],
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0' },
        maxBuffer: 512 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const result = { stdout, stderr, exitCode };
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new GitError('git is not installed or not on PATH', result));
        } else if (exitCode !== 0 && !options.allowFailure) {
          reject(new GitError(`git ${args[0]} failed: ${stderr.trim() || `exit code ${exitCode}`}`, result));
        } else {
          resolve(result);
        }
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
