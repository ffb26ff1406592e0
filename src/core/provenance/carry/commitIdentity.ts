import { git } from '../../git/exec';

/**
 * Author email, author date and subject per commit: what a rebase merge or
 * a cherry-pick keeps of a commit, so a rebased copy is recognised by it.
 */
export async function commitIdentities(root: string, commits: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const unique = [...new Set(commits)];
  if (unique.length === 0) return result;
  const { stdout } = await git(['log', '--no-walk=unsorted', '--stdin', '-z', '--format=%H%x1f%ae%x1f%at%x1f%s'], {
    cwd: root,
    input: `${unique.join('\n')}\n`,
  });
  for (const record of stdout.split('\0')) {
    const [sha, ...identity] = record.trim().split('\x1f');
    if (sha) result.set(sha, identity.join('\x1f'));
  }
  return result;
}
