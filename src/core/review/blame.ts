import { git } from '../git/exec';
import { unquoteGitPath } from '../git/quotedPath';

/** Who last changed one line of a file, from `git blame --porcelain`. */
export interface BlamedLine {
  /** 1-based line in the blamed version (the work tree's text when `contents` was given). */
  readonly line: number;
  /** The commit that introduced the line; all zeros for uncommitted lines. */
  readonly commit: string;
  /** Its 1-based line number and path in that commit's version (what the provenance notes number). */
  readonly origLine: number;
  readonly origPath: string;
}

export interface BlameCommit {
  readonly sha: string;
  readonly author: string;
  readonly authorEmail: string;
  /** Epoch seconds. */
  readonly authorTime: number;
  readonly summary: string;
  /** The range's boundary: the line is older than the range (on the base). */
  readonly boundary: boolean;
}

export interface Blame {
  readonly lines: readonly BlamedLine[];
  readonly commits: ReadonlyMap<string, BlameCommit>;
}

export const UNCOMMITTED = /^0+$/;
const HEADER = /^([0-9a-f]{40,64}) (\d+) (\d+)(?: \d+)?$/;

export interface BlameOptions {
  /** Blame this text as the file's current version (unsaved editor text); else HEAD's version. */
  readonly contents?: string;
  /** Stop at this commit: older lines are attributed to a boundary commit (much faster on long histories). */
  readonly since?: string;
  /** Blame this commit's version (default HEAD; not with `contents`). */
  readonly rev?: string;
}

/** `git blame --porcelain` of one file at HEAD (or of the given text on top of HEAD); nothing when HEAD has no such file. */
export async function blameFile(root: string, path: string, options: BlameOptions = {}): Promise<Blame> {
  const args = ['blame', '--porcelain'];
  if (options.contents !== undefined) args.push('--contents', '-');
  // --contents cannot be given a final commit: HEAD is implied there.
  args.push(...(options.since ? [`^${options.since}`] : []), ...(options.contents !== undefined ? [] : [options.rev ?? 'HEAD']), '--', path);
  const { stdout, exitCode } = await git(args, {
    cwd: root,
    allowFailure: true,
    ...(options.contents !== undefined ? { input: options.contents } : {}),
  });
  // A file HEAD does not have (new, or outside the repository) has no committed lines.
  return exitCode === 0 ? parseBlamePorcelain(stdout) : { lines: [], commits: new Map() };
}

export function parseBlamePorcelain(output: string): Blame {
  const lines: BlamedLine[] = [];
  const commits = new Map<
    string,
    { sha: string; author: string; authorEmail: string; authorTime: number; summary: string; boundary: boolean; path: string }
  >();
  let current: { sha: string; origLine: number; line: number } | undefined;
  for (const row of output.split('\n')) {
    if (row.startsWith('\t')) {
      if (current)
        lines.push({ line: current.line, commit: current.sha, origLine: current.origLine, origPath: commits.get(current.sha)?.path ?? '' });
      current = undefined;
      continue;
    }
    const header = HEADER.exec(row);
    if (header) {
      current = { sha: header[1], origLine: Number(header[2]), line: Number(header[3]) };
      if (!commits.has(current.sha))
        commits.set(current.sha, { sha: current.sha, author: '', authorEmail: '', authorTime: 0, summary: '', boundary: false, path: '' });
      continue;
    }
    const commit = current && commits.get(current.sha);
    if (!commit) continue;
    const space = row.indexOf(' ');
    const key = space < 0 ? row : row.slice(0, space);
    const value = space < 0 ? '' : row.slice(space + 1);
    if (key === 'author') commit.author = value;
    else if (key === 'author-mail') commit.authorEmail = value.replace(/^<|>$/g, '');
    else if (key === 'author-time') commit.authorTime = Number(value);
    else if (key === 'summary') commit.summary = value;
    else if (key === 'boundary') commit.boundary = true;
    else if (key === 'filename') commit.path = unquoteGitPath(value);
  }
  const result = new Map<string, BlameCommit>();
  for (const { path: _path, ...commit } of commits.values()) result.set(commit.sha, commit);
  return { lines, commits: result };
}
