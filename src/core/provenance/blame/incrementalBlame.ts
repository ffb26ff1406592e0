import { git } from '../../git/exec';
import { unquoteGitPath } from '../../git/quotedPath';

/** Consecutive lines of the blamed file that one commit added, where they were in that commit's version. */
export interface BlameGroup {
  readonly commit: string;
  /** Path in `commit` (it differs after a rename). */
  readonly path: string;
  /** 1-based, in `commit`'s version of `path`. */
  readonly originalLine: number;
  /** 1-based, in the blamed revision. */
  readonly finalLine: number;
  readonly count: number;
}

/**
 * `git blame --incremental`: one header per group of lines rather than per
 * line, and no file contents, which is the least git blame can print.
 */
export async function blameGroups(root: string, rev: string, path: string): Promise<BlameGroup[]> {
  const { stdout } = await git(['-c', 'core.quotePath=false', 'blame', '--incremental', rev, '--', path], { cwd: root });
  return parseIncrementalBlame(stdout);
}

export function parseIncrementalBlame(text: string): BlameGroup[] {
  const groups: BlameGroup[] = [];
  let pending: Omit<BlameGroup, 'path'> | undefined;
  for (const line of text.split('\n')) {
    const header = /^([0-9a-f]{40}|[0-9a-f]{64}) (\d+) (\d+) (\d+)$/.exec(line);
    if (header) {
      pending = { commit: header[1], originalLine: Number(header[2]), finalLine: Number(header[3]), count: Number(header[4]) };
      continue;
    }
    // Every group ends with the file name it had in its commit.
    if (pending && line.startsWith('filename ')) {
      groups.push({ ...pending, path: unquoteGitPath(line.slice('filename '.length)) });
      pending = undefined;
    }
  }
  return groups.sort((a, b) => a.finalLine - b.finalLine);
}
