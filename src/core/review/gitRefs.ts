import { git } from '../git/exec';

/** The checked-out branch's short name, or undefined (detached HEAD, no git). */
export async function currentBranch(root: string): Promise<string | undefined> {
  const { stdout, exitCode } = await git(['symbolic-ref', '-q', '--short', 'HEAD'], { cwd: root, allowFailure: true });
  return exitCode === 0 && stdout.trim() !== '' ? stdout.trim() : undefined;
}

/** The absolute common git directory (refs/notes lives there, shared by worktrees). */
export async function commonGitDir(root: string): Promise<string | undefined> {
  const { stdout, exitCode } = await git(['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root, allowFailure: true });
  return exitCode === 0 && stdout.trim() !== '' ? stdout.trim() : undefined;
}

/** Remote and local branches, most recently committed first (a base to choose from); remotes' HEAD aliases left out. */
export async function branchesByDate(root: string): Promise<string[]> {
  const { stdout } = await git(['for-each-ref', '--format=%(refname:short)', '--sort=-committerdate', 'refs/remotes', 'refs/heads'], {
    cwd: root,
    allowFailure: true,
  });
  return stdout
    .split('\n')
    .map((ref) => ref.trim())
    .filter((ref) => ref !== '' && !ref.endsWith('/HEAD'));
}
