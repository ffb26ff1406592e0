import { userInfo } from 'node:os';
import { git } from './exec';

/** Who is reviewing: git's user.name (or email), else the OS user. */
export async function reviewerName(cwd: string): Promise<string> {
  for (const key of ['user.name', 'user.email']) {
    try {
      const { stdout, exitCode } = await git(['config', '--get', key], { cwd, allowFailure: true });
      if (exitCode === 0 && stdout.trim() !== '') return stdout.trim();
    } catch {
      break; // no git at all
    }
  }
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** git's user.email in `cwd` (whose commits are one's own), or undefined when none is set or there is no git. */
export async function configuredEmail(cwd: string): Promise<string | undefined> {
  const result = await git(['config', '--get', 'user.email'], { cwd, allowFailure: true }).catch(() => undefined);
  const email = result?.exitCode === 0 ? result.stdout.trim() : '';
  return email === '' ? undefined : email;
}
