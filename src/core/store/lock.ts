import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOptions {
  /** Give up after this long (ms). */
  readonly timeoutMs?: number;
  /** A lock older than this is considered abandoned (ms). */
  readonly staleMs?: number;
}

/**
 * A lock file shared by every process that writes the store (the extension
 * in each window, the CLI, git hooks). Holding it is brief: read, merge,
 * write. A holder that died leaves a lock that others break once it is stale
 * or its process is gone.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let delay = 5;
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await breakIfAbandoned(lockPath, staleMs)) continue;
      if (Date.now() > deadline) {
        throw new Error(`the store is locked by another process (${lockPath}); try again, or delete the lock file if no AI Provenance process is running`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 100);
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

async function breakIfAbandoned(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const [stat, text] = await Promise.all([fs.stat(lockPath), fs.readFile(lockPath, 'utf8')]);
    const holder = safeParse(text);
    const holderGone = holder?.host === hostname() && typeof holder.pid === 'number' && !isAlive(holder.pid);
    if (holderGone || Date.now() - stat.mtimeMs > staleMs) {
      await fs.rm(lockPath, { force: true });
      return true;
    }
  } catch {
    // Released between our attempts: just try again.
    return true;
  }
  return false;
}

function safeParse(text: string): { pid?: unknown; host?: unknown } | undefined {
  try {
    return JSON.parse(text) as { pid?: unknown; host?: unknown };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
