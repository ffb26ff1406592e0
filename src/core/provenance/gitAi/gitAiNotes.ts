import { diffCommits, textDiffsOf } from '../../git/diff';
import { readNotes } from '../../git/notes';
import type { FileAttribution } from '../lineOrigin';
import { rangesOf, serializeNote } from '../note/build';
import { restrictToAdded } from '../note/merge';
import { addedLinesByPath } from '../note/record';
import { NOTE_SCHEMA, NOTE_VERSION, type CommitNote, type NoteFile } from '../note/schema';
import { GIT_AI_NOTES_REF, gitAiAttributions, parseAuthorshipLog } from './authorshipLog';

export interface GitAiDocuments {
  /** Per commit with a readable git-ai note that has AI lines: the same lines as one of our note documents. */
  readonly documents: ReadonlyMap<string, CommitNote>;
  readonly problems: readonly string[];
}

/**
 * git-ai's notes of `commits` (refs/notes/ai), as documents of our note
 * format, so blame, gate and report read them like ours (source `git-ai`,
 * never reviewed). With `checkAgainstDiff`, lines are limited to the ones
 * each commit adds (one `git diff-tree` for all), which also gives the
 * commit's added-line count; blame does not need it (git blame already
 * only gives a commit the lines it added).
 */
export async function readGitAiDocuments(root: string, commits: readonly string[], checkAgainstDiff: boolean): Promise<GitAiDocuments> {
  return gitAiDocuments(root, await readNotes(root, GIT_AI_NOTES_REF, commits), checkAgainstDiff);
}

/** readGitAiDocuments from note texts already read (commit -> git-ai note). */
export async function gitAiDocuments(root: string, texts: ReadonlyMap<string, string>, checkAgainstDiff: boolean): Promise<GitAiDocuments> {
  const documents = new Map<string, CommitNote>();
  const problems: string[] = [];
  if (texts.size === 0) return { documents, problems };
  const attributed = new Map<string, { files: FileAttribution[]; version: unknown }>();
  for (const [commit, text] of texts) {
    const parsed = parseAuthorshipLog(text);
    if ('problem' in parsed) {
      problems.push(`git-ai note of ${commit.slice(0, 10)} not read: ${parsed.problem}`);
      continue;
    }
    const files = gitAiAttributions(parsed.log);
    if (files.length > 0) attributed.set(commit, { files, version: parsed.log.metadata.git_ai_version });
  }
  const diffs = checkAgainstDiff ? await diffCommits(root, [...attributed.keys()]) : undefined;
  for (const [commit, { files, version }] of attributed) {
    const found = diffs?.get(commit);
    // An attribute in the work tree (the pull request's, in CI) must not hide the lines git-ai attributes.
    const attributedPaths = new Set(files.map((file) => file.path));
    const diff =
      found &&
      (await textDiffsOf(
        found,
        (file) => file.newPath !== undefined && attributedPaths.has(file.newPath),
        (paths) => diffCommits(root, [commit], { paths, text: true }).then((again) => again.get(commit) ?? []),
      ));
    const kept = diff ? restrictToAdded(files, addedLinesByPath(diff)) : files;
    const document = gitAiDocument(commit, kept, typeof version === 'string' ? version : 'unknown');
    if (document.totals.aiLines > 0) documents.set(commit, document);
  }
  return { documents, problems };
}

function gitAiDocument(commit: string, files: readonly FileAttribution[], version: string): CommitNote {
  const noteFiles: Record<string, NoteFile> = {};
  for (const file of files) {
    if (file.aiLines.size === 0) continue;
    noteFiles[file.path] = {
      addedLines: Math.max(file.addedLines, file.aiLines.size),
      aiLines: file.aiLines.size,
      reviewedLines: 0,
      ranges: rangesOf(file.aiLines),
    };
  }
  const values = Object.values(noteFiles);
  return {
    schema: NOTE_SCHEMA,
    version: NOTE_VERSION,
    commit,
    recordedAt: '',
    generator: `git-ai ${version} (${GIT_AI_NOTES_REF})`,
    totals: {
      aiLines: values.reduce((sum, file) => sum + file.aiLines, 0),
      addedLines: values.reduce((sum, file) => sum + file.addedLines, 0),
      reviewedLines: 0,
    },
    files: noteFiles,
  };
}

/** Note texts with each commit's git-ai document added as one more line (readers unite a note's documents). */
export function withGitAiDocuments(notes: ReadonlyMap<string, string>, gitAi: GitAiDocuments): Map<string, string> {
  const result = new Map(notes);
  for (const [commit, document] of gitAi.documents) {
    const ours = result.get(commit);
    result.set(commit, `${ours ? `${singleLine(ours).replace(/\n*$/, '\n')}` : ''}${serializeNote(document)}`);
  }
  return result;
}

/** A hand-formatted (multi-line) document on one line, so that one more line keeps both readable. */
function singleLine(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text; // already one document per line (or unreadable, which stays so)
  }
}
