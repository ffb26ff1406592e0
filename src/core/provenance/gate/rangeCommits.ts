import { git } from '../../git/exec';
import { readGitAiDocuments, withGitAiDocuments } from '../gitAi/gitAiNotes';
import { NOTES_REF } from '../note/schema';

export interface RangeCommit {
  readonly sha: string;
  readonly parents: readonly string[];
  readonly subject: string;
  readonly message: string;
  /** Author and committer, for policies that ask who reviewed whose work (sign-off notAuthor). */
  readonly authorName: string;
  readonly authorEmail: string;
  readonly committerEmail: string;
  /** Committer date, milliseconds since the epoch. */
  readonly committedAt: number;
  /** Our note's text, when the commit has one. */
  readonly note?: string;
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * The non-merge commits of `base..head`, oldest first, with their messages
 * and notes: one `git log` (merges carry no provenance of their own).
 * A commit's git-ai note (refs/notes/ai) is added to its note as one more
 * document (docs/TRAILERS.md, "git-ai").
 */
export async function rangeCommits(root: string, base: string, head: string): Promise<RangeCommit[]> {
  const format = `${RECORD}%H${FIELD}%P${FIELD}%an${FIELD}%ae${FIELD}%ce${FIELD}%ct${FIELD}%s${FIELD}%B${FIELD}%N`;
  const { stdout } = await git(
    ['log', '--no-merges', '--reverse', '--no-notes', `--notes=${NOTES_REF}`, `--format=${format}`, `${base}..${head}`, '--'],
    { cwd: root },
  );
  const commits = stdout
    .split(RECORD)
    .slice(1)
    .map((record) => {
      const [sha, parents, authorName, authorEmail, committerEmail, committedAt, subject, message, note] = record.split(FIELD);
      const noteText = (note ?? '').trim();
      return {
        sha: sha.trim(),
        parents: parents.trim().split(/\s+/).filter(Boolean),
        subject,
        authorName,
        authorEmail,
        committerEmail,
        message: message.replace(/\n+$/, '\n'),
        committedAt: Number(committedAt) * 1000,
        ...(noteText ? { note: noteText } : {}),
      };
    });
  const gitAi = await readGitAiDocuments(
    root,
    commits.map((commit) => commit.sha),
    true,
  );
  if (gitAi.documents.size === 0) return commits;
  const ours = new Map(commits.filter((commit) => commit.note).map((commit) => [commit.sha, commit.note!]));
  const notes = withGitAiDocuments(ours, gitAi);
  return commits.map((commit) => (notes.has(commit.sha) ? { ...commit, note: notes.get(commit.sha)! } : commit));
}

/** True when the notes ref exists here (CI clones do not fetch it unless asked). */
export async function notesRefExists(root: string): Promise<boolean> {
  const { exitCode } = await git(['rev-parse', '-q', '--verify', NOTES_REF], { cwd: root, allowFailure: true });
  return exitCode === 0;
}
