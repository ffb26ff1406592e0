import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { GitError } from './exec';

/**
 * Runs git and hands its output over record by record (split on
 * `separator`) while it is still running: a whole history's patches need
 * not fit in one buffer. The text before the first separator is dropped.
 */
export function streamGitRecords(
  args: readonly string[],
  options: { readonly cwd: string; readonly input?: string },
  separator: string,
  onRecord: (record: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args as string[], {
      cwd: options.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A child that exits before reading all its input must not crash us with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let started = false;
    let stderr = '';
    let failed: unknown;
    const take = (text: string, final: boolean) => {
      pending += text;
      const parts = pending.split(separator);
      pending = final ? '' : parts.pop()!;
      for (const part of parts) {
        if (started) onRecord(part);
        started = true;
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        take(decoder.write(chunk), false);
      } catch (error) {
        failed = error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new GitError('git is not installed or not on PATH') : error),
    );
    child.on('close', (code) => {
      if (failed) return reject(failed);
      if (code !== 0) return reject(new GitError(`git ${args[0]} failed: ${stderr.trim() || `exit code ${code}`}`));
      try {
        take(decoder.end(), true);
      } catch (error) {
        return reject(error);
      }
      resolve();
    });
  });
}
