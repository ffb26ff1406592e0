import childProcess = require('node:child_process');

/**
 * In an untrusted workspace the index must not run git: a repository's
 * configuration can make git run programs (core.fsmonitor, for one). The
 * index lists files with `git ls-files` when it can and walks the folder
 * (with its own .gitignore matcher) when that throws, so this thread's
 * process functions are replaced by ones that throw before anything starts.
 * Only for the index thread (indexHostWorker.ts): module objects are per
 * thread, so the extension host and the other threads keep theirs.
 */
export function forbidChildProcesses(why: string): void {
  const refuse = (): never => {
    throw new Error(`no process is started: ${why}`);
  };
  const names = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
  for (const name of names) Object.defineProperty(childProcess, name, { value: refuse, writable: true, configurable: true, enumerable: true });
}
