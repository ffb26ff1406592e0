import { git } from '../git/exec';

/**
 * `git patch-id --stable` of commits: equal for a commit and its rebased
 * copy when the change is the same (line numbers and whitespace aside).
 * Two git processes for any number of commits. Merges and empty commits have none.
 */
export async function patchIds(root: string, commits: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (commits.length === 0) return result;
  const shown = await git(['show', '--no-color', '--no-ext-diff', '--no-renames', '--format=commit %H', '-p', ...commits, '--'], {
    cwd: root,
    allowFailure: true,
  });
  if (shown.exitCode !== 0) return result;
  const { stdout } = await git(['patch-id', '--stable'], { cwd: root, input: shown.stdout, allowFailure: true });
  for (const line of stdout.split('\n')) {
    const [patchId, commit] = line.trim().split(/\s+/);
    if (patchId && commit) result.set(commit, patchId);
  }
  return result;
}
