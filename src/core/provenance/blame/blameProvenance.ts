import { listNotes, noteTexts } from '../../git/notes';
import { resolveCommit } from '../../git/revisions';
import { GIT_AI_NOTES_REF } from '../gitAi/authorshipLog';
import { gitAiDocuments, withGitAiDocuments } from '../gitAi/gitAiNotes';
import type { LineOrigin } from '../lineOrigin';
import { viewNote } from '../note/readCommitNote';
import { NOTES_REF } from '../note/schema';
import { blameGroups } from './incrementalBlame';

/** One line of a file at a revision: the commit that last changed it, and whether an AI wrote it there. */
export interface BlameLine {
  /** 1-based. */
  readonly line: number;
  readonly ai: boolean;
  readonly commit: string;
  /** AI lines only: */
  readonly source?: string;
  readonly tool?: string;
  readonly model?: string;
  readonly reviewed?: boolean;
  readonly reviewedBy?: string;
}

export interface FileBlame {
  readonly path: string;
  /** The blamed revision's commit id. */
  readonly rev: string;
  readonly lines: readonly BlameLine[];
  readonly problems: readonly string[];
}

export class BlameInputError extends Error {}

export interface BlameOptions {
  /** Settles when the notes may be read (the CLI merges fetched notes meanwhile); git blame does not wait for it. */
  readonly notesReady?: Promise<unknown>;
}

/**
 * AI provenance per line: git blame says which commit last changed each
 * line and where the line was in that commit; that commit's note (ours, or
 * git-ai's) says whether the line was AI-written there. Lines carried onto a
 * squash or rebase merge are in the note of the commit the merge created.
 * A note can only make AI the lines git blame gives its own commit.
 */
export async function blameProvenance(root: string, path: string, revision = 'HEAD', options: BlameOptions = {}): Promise<FileBlame> {
  // Everything but git blame runs while git blame does: the revision check, `notesReady`, listing the notes
  // refs; then the blamed commits' notes are read in one batch per ref.
  const resolving = resolveCommit(root, revision);
  const blaming = blameGroups(root, `${revision}^{commit}`, path).then(
    (groups) => ({ groups }),
    (error: Error) => ({ error }),
  );
  const listings = (options.notesReady ?? Promise.resolve()).then(() => Promise.all([listNotes(root, NOTES_REF), listNotes(root, GIT_AI_NOTES_REF)]));
  listings.catch(() => undefined); // awaited below; not unhandled meanwhile if blame fails first
  const rev = await resolving;
  if (!rev) throw new BlameInputError(`${revision} is not a commit here`);
  const blamed = await blaming;
  if ('error' in blamed)
    throw new BlameInputError(
      blamed.error.message
        .replace(/^git \S+ failed: (fatal: )?/, '')
        .replaceAll('^{commit}', '')
        .split('\n')[0],
    );
  const { groups } = blamed;
  const commits = [...new Set(groups.map((group) => group.commit))];
  const [oursListed, theirsListed] = await listings;
  const [ours, theirs] = await Promise.all([noteTexts(root, oursListed, commits), noteTexts(root, theirsListed, commits)]);
  const gitAi = await gitAiDocuments(root, theirs, false);
  const texts = withGitAiDocuments(ours, gitAi);
  const problems: string[] = [...gitAi.problems];
  const aiByCommit = new Map<string, Map<string, ReadonlyMap<number, LineOrigin>>>();
  const aiLinesOf = (commit: string) => {
    let files = aiByCommit.get(commit);
    if (!files) {
      const view = viewNote(texts.get(commit));
      for (const problem of view?.problems ?? []) problems.push(`note of ${commit.slice(0, 10)}: ${problem}`);
      files = new Map((view?.files ?? []).map((file) => [file.path, file.aiLines]));
      aiByCommit.set(commit, files);
    }
    return files;
  };
  const lines: BlameLine[] = [];
  for (const group of groups) {
    const ai = aiLinesOf(group.commit).get(group.path);
    for (let offset = 0; offset < group.count; offset++) {
      const origin = ai?.get(group.originalLine + offset);
      const line = group.finalLine + offset;
      lines.push(origin ? aiLine(line, group.commit, origin) : { line, ai: false, commit: group.commit });
    }
  }
  return { path, rev, lines, problems };
}

/** In the order of the JSON contract (docs/TRAILERS.md): line, ai, source, tool, model, commit, reviewed. */
function aiLine(line: number, commit: string, origin: LineOrigin): BlameLine {
  return {
    line,
    ai: true,
    source: origin.source,
    ...(origin.tool ? { tool: origin.tool } : {}),
    ...(origin.model ? { model: origin.model } : {}),
    commit,
    reviewed: origin.reviewed !== undefined,
    ...(origin.reviewed ? { reviewedBy: origin.reviewed.by } : {}),
  };
}
