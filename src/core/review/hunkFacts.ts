import type { AcceptedSignOff } from '../signoff/judge';
import type { CommittedAiHunk } from './committedAiLines';
import type { ReviewHunk } from './reviewState';

/** A hunk the editor shows: one of the branch's (with sign-off state) or, in whole-file mode, one from the base's history. */
export type ShownHunk = { readonly kind: 'branch'; readonly hunk: ReviewHunk } | { readonly kind: 'base'; readonly hunk: CommittedAiHunk };

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** "in 846bff2 by Ann Author" */
export function committedBy(hunk: CommittedAiHunk): string {
  return `in ${shortSha(hunk.commit.sha)} by ${hunk.commit.author || hunk.commit.authorEmail}`;
}

/** The distinct sign-offs of a hunk, first signed first. */
export function signOffsOf(hunk: ReviewHunk): AcceptedSignOff[] {
  const byId = new Map<string, AcceptedSignOff>();
  for (const accepted of hunk.signedOff.values()) if (!byId.has(accepted.id)) byId.set(accepted.id, accepted);
  return [...byId.values()].sort((a, b) => Date.parse(a.signedOffAt) - Date.parse(b.signedOffAt));
}

/** 1-based lines of the hunk that no accepted sign-off covers. */
export function openLines(hunk: ReviewHunk): number[] {
  const lines: number[] = [];
  for (let line = hunk.start; line <= hunk.end; line++) if (!hunk.signedOff.has(line)) lines.push(line);
  return lines;
}

/** "Bob Reviewer" or "Bob Reviewer, Carol" */
export function signerNames(hunk: ReviewHunk): string {
  return signOffsOf(hunk)
    .map((signOff) => signOff.reviewer.name)
    .join(', ');
}
