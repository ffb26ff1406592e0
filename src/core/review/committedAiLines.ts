import type { LineOrigin } from '../provenance/lineOrigin';
import { sameOrigin } from '../provenance/lineOrigin';
import { blameFile, UNCOMMITTED, type BlameCommit } from './blame';
import type { NoteCache } from './noteCache';

/**
 * Consecutive lines of a file that one commit's AI wrote with one origin,
 * found by blame (who last changed each line) and that commit's note
 * (which of its lines an AI wrote).
 */
export interface CommittedAiHunk {
  readonly path: string;
  /** 1-based, inclusive, in the blamed text (the editor's, or HEAD's). */
  readonly start: number;
  readonly end: number;
  readonly commit: BlameCommit;
  /** The file's path and the lines' numbers in that commit (what notes and sign-offs name). */
  readonly origPath: string;
  readonly origLines: readonly number[];
  readonly origin: LineOrigin;
}

export interface CommittedAiOptions {
  readonly notes: NoteCache;
  /** The editor's text of the file (unsaved changes included); else HEAD's version. */
  readonly contents?: string;
  /** Only commits after this one (the merge base of a review): older lines are left out, and blame stops early. */
  readonly since?: string;
  /** Blame this commit's version instead of HEAD's (not with `contents`). */
  readonly rev?: string;
}

export async function committedAiHunks(root: string, path: string, options: CommittedAiOptions): Promise<CommittedAiHunk[]> {
  const blame = await blameFile(root, path, {
    ...(options.contents !== undefined ? { contents: options.contents } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.rev ? { rev: options.rev } : {}),
  });
  const candidates = [...blame.commits.values()].filter((commit) => !commit.boundary && !UNCOMMITTED.test(commit.sha)).map((commit) => commit.sha);
  const notes = await options.notes.attributions(candidates);
  const hunks: Array<CommittedAiHunk & { origLines: number[] }> = [];
  for (const blamed of blame.lines) {
    const origin = notes.get(blamed.commit)?.get(blamed.origPath)?.aiLines.get(blamed.origLine);
    if (!origin) continue;
    const last = hunks[hunks.length - 1];
    if (
      last &&
      last.end === blamed.line - 1 &&
      last.commit.sha === blamed.commit &&
      last.origPath === blamed.origPath &&
      sameOrigin(last.origin, origin)
    ) {
      (last as { end: number }).end = blamed.line;
      last.origLines.push(blamed.origLine);
      continue;
    }
    hunks.push({
      path,
      start: blamed.line,
      end: blamed.line,
      commit: blame.commits.get(blamed.commit)!,
      origPath: blamed.origPath,
      origLines: [blamed.origLine],
      origin,
    });
  }
  return hunks;
}
