import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Runs a command in a child process and measures its wall time and peak RSS (GNU time, when present). */

export interface Measured {
  readonly ok: boolean;
  readonly ms: number;
  readonly maxRssKb: number | undefined;
  /** User + system CPU seconds: fairer than wall time on a shared machine. */
  readonly cpuSeconds: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const TIMEOUT = '/usr/bin/timeout';

export function measure(command: string, args: readonly string[], cwd: string, timeoutMs: number): Measured {
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  // coreutils `timeout` ends the tool itself; spawnSync's own timeout would only end GNU time and orphan it.
  const limited = existsSync(TIMEOUT) ? [TIMEOUT, '--kill-after=5', String(Math.ceil(timeoutMs / 1000)), command, ...args] : [command, ...args];
  const child = timed
    ? spawnSync(GNU_TIME, ['-f', '__MAXRSS_KB=%M __CPU=%U+%S', ...limited], {
        cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        timeout: timeoutMs + 30_000,
      })
    : spawnSync(limited[0]!, limited.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs + 30_000 });
  const ms = performance.now() - started;
  const rss = /__MAXRSS_KB=(\d+)/.exec(child.stderr ?? '');
  const cpu = /__CPU=([\d.]+)\+([\d.]+)/.exec(child.stderr ?? '');
  return {
    ok: child.status === 0,
    ms,
    maxRssKb: rss ? Number(rss[1]) : undefined,
    cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined,
    stdout: child.stdout ?? '',
    stderr: (child.stderr ?? '').replace(/__MAXRSS_KB=\d+ __CPU=\S+\s*/, ''),
  };
}

/** The last JSON line a child printed. */
export function lastJsonLine<T>(stdout: string): T | undefined {
  const line = stdout.trim().split('\n').pop();
  if (!line) return undefined;
  try {
    return JSON.parse(line) as T;
  } catch {
    return undefined;
  }
}
