import { git } from './exec';

/** A commit's id, or undefined when `rev` names no commit (e.g. HEAD on an unborn branch). */
export async function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  const { stdout, exitCode } = await git(['rev-parse', '-q', '--verify', `${rev}^{commit}`], { cwd, allowFailure: true });
  return exitCode === 0 ? stdout.trim() : undefined;
}

/** Parent ids of a commit, first parent first. */
export async function parentsOf(cwd: string, commit: string): Promise<string[]> {
  const { stdout } = await git(['rev-list', '--parents', '-n', '1', commit], { cwd });
  return stdout.trim().split(/\s+/).slice(1);
}

const emptyTrees = new Map<string, string>();

/** The id of the empty tree in this repository's hash (SHA-1 or SHA-256). */
export async function emptyTree(cwd: string): Promise<string> {
  const { stdout } = await git(['rev-parse', '--show-object-format'], { cwd, allowFailure: true });
  const format = stdout.trim() || 'sha1';
  let id = emptyTrees.get(format);
  if (!id) {
    id = (await git(['hash-object', '-t', 'tree', '--stdin'], { cwd, input: '' })).stdout.trim();
    emptyTrees.set(format, id);
  }
  return id;
}

/** What a commit's changes are measured against: its first parent, or the empty tree for a root commit. */
export async function diffBaseOf(cwd: string, commit: string): Promise<{ base: string; parents: string[] }> {
  const parents = await parentsOf(cwd, commit);
  return { base: parents[0] ?? (await emptyTree(cwd)), parents };
}
