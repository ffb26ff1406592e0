import { git } from '../git/exec';

export interface ReviewBase {
  /** A ref git resolves: `origin/main`, `main`. */
  readonly ref: string;
  /** How it was found, for people ("the default branch of origin"). */
  readonly reason: string;
}

async function quiet(root: string, args: string[]): Promise<string | undefined> {
  const { stdout, exitCode } = await git(args, { cwd: root, allowFailure: true });
  return exitCode === 0 && stdout.trim() !== '' ? stdout.trim() : undefined;
}

/**
 * The branch a checkout is reviewed against: the default branch of the
 * current branch's upstream remote (else of `origin`), as `refs/remotes/<remote>/HEAD`
 * names it; else `<remote>/main` or `<remote>/master`; else a local `main` or
 * `master`. Undefined when there is none (a repository with one branch).
 */
export async function detectReviewBase(root: string): Promise<ReviewBase | undefined> {
  const upstream = await quiet(root, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
  const branch = await quiet(root, ['symbolic-ref', '-q', '--short', 'HEAD']);
  const remotes = (await quiet(root, ['remote']))?.split('\n') ?? [];
  const upstreamRemote = upstream ? remotes.find((remote) => upstream.startsWith(`${remote}/`)) : undefined;
  for (const remote of [...new Set([upstreamRemote, 'origin', ...remotes].filter((name): name is string => !!name && remotes.includes(name)))]) {
    const head = await quiet(root, ['symbolic-ref', '-q', '--short', `refs/remotes/${remote}/HEAD`]);
    if (head) return { ref: head, reason: `the default branch of ${remote}` };
    for (const name of ['main', 'master']) {
      if (await quiet(root, ['rev-parse', '-q', '--verify', `refs/remotes/${remote}/${name}`]))
        return { ref: `${remote}/${name}`, reason: `${remote}'s ${name} branch` };
    }
  }
  for (const name of ['main', 'master']) {
    if (name !== branch && (await quiet(root, ['rev-parse', '-q', '--verify', `refs/heads/${name}`])))
      return { ref: name, reason: `the local ${name} branch` };
  }
  return undefined;
}
