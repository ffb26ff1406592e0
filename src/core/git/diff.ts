import { git } from './exec';
import { parseDiff, type FileDiff } from './diffParse';

/**
 * Diff options that make the output parseable whatever the user's config
 * says: no colors, external diff drivers, textconv or custom prefixes, full
 * object ids, rename detection, and no context lines.
 */
export const STABLE_DIFF = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--ignore-submodules=all',
  '--full-index',
  '-M',
  '-U0',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/** Paths with non-ASCII letters stay readable; only control characters and quotes are quoted. */
export const GIT_PATH_CONFIG = ['-c', 'core.quotePath=false'];

export interface DiffRunOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Limit to these repo-relative paths. */
  readonly paths?: readonly string[];
}

/**
 * The staged changes against `base` (a commit); without one, against HEAD,
 * or against nothing on an unborn branch. Honors GIT_INDEX_FILE, which git sets for hooks of
 * `commit -a` and `commit <paths>`.
 */
export async function diffStaged(cwd: string, base: string | undefined, options: DiffRunOptions = {}): Promise<FileDiff[]> {
  const { stdout } = await git(stagedDiffArgs(base, options.paths), { cwd, ...(options.env ? { env: options.env } : {}) });
  return parseDiff(stdout);
}

/** git's arguments for diffStaged (the commit hook starts the same diff itself: see prestartedDiff.ts). */
export function stagedDiffArgs(base?: string, paths: readonly string[] = []): string[] {
  return [...GIT_PATH_CONFIG, 'diff', '--cached', ...STABLE_DIFF, ...(base ? [base] : []), '--', ...paths];
}

/** The changes from `from` (a commit or tree) to `to`. */
export async function diffRevisions(cwd: string, from: string, to: string, options: DiffRunOptions = {}): Promise<FileDiff[]> {
  const args = [...GIT_PATH_CONFIG, 'diff', ...STABLE_DIFF, from, to, '--', ...(options.paths ?? [])];
  const { stdout } = await git(args, { cwd, ...(options.env ? { env: options.env } : {}) });
  return parseDiff(stdout);
}

/**
 * What each of many commits changed against its first parent (the empty
 * tree for a root commit), with one `git diff-tree --stdin`. A merge commit
 * gets an empty list (git prints no diff for merges here); an id that is
 * not a commit here gets no entry.
 */
export async function diffCommits(cwd: string, commits: readonly string[]): Promise<Map<string, FileDiff[]>> {
  const result = new Map<string, FileDiff[]>();
  const unique = [...new Set(commits)];
  if (unique.length === 0) return result;
  const { stdout } = await git([...GIT_PATH_CONFIG, 'diff-tree', '--stdin', '--always', '-r', '--root', '-p', ...STABLE_DIFF], { cwd, input: `${unique.join('\n')}\n`, allowFailure: true });
  // Each commit's diff follows a line holding only its id; diff lines always start with a prefix.
  const header = /^([0-9a-f]{40}|[0-9a-f]{64})$/gm;
  const starts = [...stdout.matchAll(header)];
  starts.forEach((match, index) => {
    const end = index + 1 < starts.length ? starts[index + 1].index : stdout.length;
    result.set(match[1], parseDiff(stdout.slice(match.index! + match[0].length, end)));
  });
  return result;
}
