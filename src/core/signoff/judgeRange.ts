import type { RangeCommit } from '../provenance/gate/rangeCommits';
import { viewNote } from '../provenance/note/readCommitNote';
import type { FileJudgement, SignOffJudge } from './judge';

/**
 * What the sign-offs say about every AI line of the range's notes, by commit
 * and path. Empty (no work) when there are no sign-offs and no class needs one.
 */
export async function judgeRange(judge: SignOffJudge, commits: readonly RangeCommit[]): Promise<Map<string, Map<string, FileJudgement>>> {
  const result = new Map<string, Map<string, FileJudgement>>();
  if (judge.signOffs.length === 0 && judge.rules.requireSignOff.length === 0) return result;
  for (const commit of commits) {
    const note = viewNote(commit.note);
    if (!note) continue;
    const byPath = new Map<string, FileJudgement>();
    for (const file of note.files) {
      if (file.aiLines.size > 0) byPath.set(file.path, await judge.judge(commit, file.path, [...file.aiLines.keys()]));
    }
    result.set(commit.sha, byPath);
  }
  return result;
}
