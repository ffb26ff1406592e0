import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOptions {
  /** Give up after this long (ms). */
  readonly timeoutMs?: number;
  /**
   * A holder on another host (or one whose lock file cannot be read) that
   * has not refreshed the lock for this long is taken for dead (ms).
   */
  readonly staleMs?: number;
}

/** What a holder writes into the lock file; `token` tells this holding apart from every other one. */
interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  readonly at: number;
}

/**
 * A lock file shared by every process that writes the store (the extension
 * in each window, the CLI, git hooks). Holding it is brief: read, merge,
 * write.
 *
 * - It is taken and released with an owner token: a holder only ever
 *   removes the lock file that carries its own token.
 * - A holder refreshes the file's time while it works (a heartbeat), so a
 *   slow but live holder never looks abandoned.
 * - A lock is broken only when its holder is gone: on this host, its process
 *   no longer exists (or, pid reused, it has not refreshed the lock for
 *   REUSED_PID_STALE_MS); on another host, no heartbeat for `staleMs`.
 *   Breakers take a second, short-lived lock and check again, under it, that
 *   the lock is still the one they judged abandoned; so two waiters cannot
 *   both break it and one remove the lock the other just took.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  const holder: Holder = { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex'), at: Date.now() };
  let delay = 5;
  for (;;) {
    if (await tryCreate(lockPath, JSON.stringify(holder))) break;
    if (await breakIfAbandoned(lockPath, staleMs)) continue;
    if (Date.now() > deadline) {
      throw new Error(
        `the store is locked by another process (${lockPath}); try again, or delete the lock file if no AI Provenance process is running`,
      );
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
  const heartbeat = setInterval(
    () => {
      const now = new Date();
      fs.utimes(lockPath, now, now).catch(() => undefined);
    },
    Math.max(50, Math.floor(staleMs / 4)),
  );
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await releaseIfOurs(lockPath, holder.token);
  }
}

/** On this host, a holder whose pid is alive but that has not refreshed the lock for this long is a reused pid. */
const REUSED_PID_STALE_MS = 60_000;
/** The breakers' own lock is held for a few file operations: older than this, its holder died. */
const BREAK_LOCK_STALE_MS = 5000;

async function tryCreate(path: string, content: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes the lock only if it still carries our token (it may have been
 * broken and taken by another process). When the directory refuses (it
 * became read-only while we worked), the removal is retried in the
 * background: a live process's lock that stayed behind would otherwise hold
 * every other writer off for REUSED_PID_STALE_MS.
 */
async function releaseIfOurs(lockPath: string, token: string, attempt = 0): Promise<void> {
  const current = await readHolder(lockPath);
  if (current?.holder?.token !== token) return;
  try {
    await fs.rm(lockPath, { force: true });
  } catch {
    if (attempt >= 300) return; // a minute: by then it is abandoned in others' eyes too
    const retry = setTimeout(() => void releaseIfOurs(lockPath, token, attempt + 1), 200);
    retry.unref();
  }
}

async function readHolder(lockPath: string): Promise<{ holder?: Partial<Holder>; mtimeMs: number } | undefined> {
  try {
    const [stat, text] = await Promise.all([fs.stat(lockPath), fs.readFile(lockPath, 'utf8')]);
    return { ...(safeParse(text) ? { holder: safeParse(text) } : {}), mtimeMs: stat.mtimeMs };
  } catch {
    return undefined; // released meanwhile
  }
}

function abandoned(state: { holder?: Partial<Holder>; mtimeMs: number }, staleMs: number): boolean {
  const age = Date.now() - state.mtimeMs;
  const { holder } = state;
  if (holder?.host === hostname() && typeof holder.pid === 'number') return !isAlive(holder.pid) || age > REUSED_PID_STALE_MS;
  // Another host, or a lock file being written or damaged: only its heartbeat tells.
  return age > staleMs;
}

/** True when the lock is gone or was broken (try again at once), false to wait. */
async function breakIfAbandoned(lockPath: string, staleMs: number): Promise<boolean> {
  const seen = await readHolder(lockPath);
  if (!seen) return true;
  if (!abandoned(seen, staleMs)) return false;
  const breakPath = `${lockPath}.break`;
  if (!(await tryCreate(breakPath, String(process.pid)))) {
    // Another waiter is breaking it; its own break lock is abandoned only if it died doing so.
    const stat = await fs.stat(breakPath).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > BREAK_LOCK_STALE_MS) await fs.rm(breakPath, { force: true });
    return false;
  }
  try {
    // Under the break lock: is it still the very lock we judged, and still abandoned?
    const now = await readHolder(lockPath);
    if (!now) return true;
    const same = now.holder?.token !== undefined ? now.holder.token === seen.holder?.token : now.mtimeMs === seen.mtimeMs;
    if (!same || !abandoned(now, staleMs)) return false;
    await fs.rm(lockPath, { force: true });
    return true;
  } finally {
    await fs.rm(breakPath, { force: true });
  }
}

function safeParse(text: string): Partial<Holder> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Partial<Holder>) : undefined;
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
