import { git } from './exec';

/**
 * Reflog actions that create a commit in this repository (git commit, amend,
 * cherry-pick, revert, am, the picks of a rebase). Fetches, pulls that
 * fast-forward, resets and checkouts only move refs to commits made elsewhere.
 */
const CREATING_ACTION =
  /^(?:commit\b|cherry-pick\b|revert\b|am\b|(?:pull --rebase|rebase(?: -[im])?) \((?:pick|reword|edit|squash|fixup|continue)\))/;

/**
 * The commits this repository made, as far as its reflogs remember (90 days
 * by default). The hooks recorded the provenance of these here, so this
 * clone's note of such a commit knows which of its lines are human.
 */
export async function commitsMadeHere(root: string): Promise<Set<string>> {
  const { stdout, exitCode } = await git(['log', '--walk-reflogs', '--all', '--format=%H%x09%gs'], { cwd: root, allowFailure: true });
  const made = new Set<string>();
  if (exitCode !== 0) return made;
  for (const line of stdout.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0 && CREATING_ACTION.test(line.slice(tab + 1))) made.add(line.slice(0, tab));
  }
  return made;
}
