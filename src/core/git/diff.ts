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
  /** Diff every file as text, whatever its attributes say (see textDiffsOf). */
  readonly text?: boolean;
}

/**
 * The staged changes against `base` (a commit); without one, against HEAD,
 * or against nothing on an unborn branch. Honors GIT_INDEX_FILE, which git sets for hooks of
 * `commit -a` and `commit <paths>`.
 */
export async function diffStaged(cwd: string, base: string | undefined, options: DiffRunOptions = {}): Promise<FileDiff[]> {
  const args = stagedDiffArgs(base, options.paths);
  if (options.text) args.splice(args.indexOf('--'), 0, '--text');
  const { stdout } = await git(args, { cwd, ...(options.env ? { env: options.env } : {}) });
  return parseDiff(stdout);
}

/** git's arguments for diffStaged (the commit hook starts the same diff itself: see prestartedDiff.ts). */
export function stagedDiffArgs(base?: string, paths: readonly string[] = []): string[] {
  return [...GIT_PATH_CONFIG, 'diff', '--cached', ...STABLE_DIFF, ...(base ? [base] : []), '--', ...paths];
}

/** The changes from `from` (a commit or tree) to `to`. */
export async function diffRevisions(cwd: string, from: string, to: string, options: DiffRunOptions = {}): Promise<FileDiff[]> {
  const args = [...GIT_PATH_CONFIG, 'diff', ...STABLE_DIFF, ...(options.text ? ['--text'] : []), from, to, '--', ...(options.paths ?? [])];
  const { stdout } = await git(args, { cwd, ...(options.env ? { env: options.env } : {}) });
  return parseDiff(stdout);
}

/**
 * What each of many commits changed against its first parent (the empty
 * tree for a root commit), with one `git diff-tree --stdin`. A merge commit
 * gets an empty list (git prints no diff for merges here); an id that is
 * not a commit here gets no entry.
 */
export async function diffCommits(
  cwd: string,
  commits: readonly string[],
  options: Pick<DiffRunOptions, 'paths' | 'text'> = {},
): Promise<Map<string, FileDiff[]>> {
  const result = new Map<string, FileDiff[]>();
  const unique = [...new Set(commits)];
  if (unique.length === 0) return result;
  const args = [
    ...GIT_PATH_CONFIG,
    'diff-tree',
    '--stdin',
    '--always',
    '-r',
    '--root',
    '-p',
    ...STABLE_DIFF,
    ...(options.text ? ['--text'] : []),
    '--',
    ...(options.paths ?? []),
  ];
  const { stdout } = await git(args, { cwd, input: `${unique.join('\n')}\n`, allowFailure: true });
  // Each commit's diff follows a line holding only its id; diff lines always start with a prefix.
  const header = /^([0-9a-f]{40}|[0-9a-f]{64})$/gm;
  const starts = [...stdout.matchAll(header)];
  starts.forEach((match, index) => {
    const end = index + 1 < starts.length ? starts[index + 1].index : stdout.length;
    result.set(match[1], parseDiff(stdout.slice(match.index! + match[0].length, end)));
  });
  return result;
}

/**
 * git shows a file as binary when its content looks binary, and also when an
 * attribute says so (`-diff`, `binary`), read from the work tree's
 * .gitattributes: a change can carry the attribute that hides its own lines
 * (in CI the work tree is the pull request's). Where the lines matter (AI
 * regions at commit time, notes checked against a commit in the gate), the
 * files `wanted` that came out binary are diffed again as text by `again`
 * (one more git run, only when there are such files) and replace their
 * binary entries.
 */
export async function textDiffsOf(
  diff: readonly FileDiff[],
  wanted: (file: FileDiff) => boolean,
  again: (paths: string[]) => Promise<readonly FileDiff[]>,
): Promise<readonly FileDiff[]> {
  const hidden = diff.filter((file) => file.binary && wanted(file));
  if (hidden.length === 0) return diff;
  const paths = [...new Set(hidden.flatMap((file) => [file.oldPath, file.newPath].filter((path): path is string => path !== undefined)))];
  const asText = new Map((await again(paths)).map((file) => [`${file.oldPath}\0${file.newPath}`, file]));
  return diff.map((file) => (file.binary && wanted(file) ? (asText.get(`${file.oldPath}\0${file.newPath}`) ?? file) : file));
}
