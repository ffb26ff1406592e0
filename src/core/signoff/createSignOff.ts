import { git } from '../git/exec';
import { resolveCommit } from '../git/revisions';
import { rangeCommits, type RangeCommit } from '../provenance/gate/rangeCommits';
import { toRanges, type LineRange } from '../provenance/lineRanges';
import { generatorName } from '../provenance/note/build';
import { lastValue, readGitConfig } from '../provenance/settings';
import { committedAiHunks } from '../review/committedAiLines';
import { NoteCache } from '../review/noteCache';
import { readFileAt } from './baseFiles';
import { gitLines, linesHash } from './contentHash';
import { patchIds } from './patchIds';
import { signedPayload, signOffId } from './payload';
import { SIGNOFF_SCHEMA, SIGNOFF_VERSION, type Reviewer, type SignOff, type SignOffDocument, type SignedOffCommit } from './schema';
import { appendSignOff } from './signOffNotes';
import { signPayload, SigningError } from './sign';
import { readSigningConfig } from './signingConfig';
import { plural } from '../text/plural';

export class SignOffError extends Error {}

/** What to sign off: everything the range's commits wrote with AI, some files, or some lines. */
export interface SignOffRequest {
  /** The base branch (the range is merge-base(base, head)..head). */
  readonly base: string;
  readonly head?: string;
  /** Repo-relative paths: only their AI lines. */
  readonly files?: readonly string[];
  /** Lines of one file as it is now (1-based), mapped to their commits by blame. */
  readonly lines?: { readonly path: string; readonly ranges: readonly LineRange[]; readonly contents?: string };
  readonly comment?: string;
  readonly now?: Date;
}

export interface PreparedSignOff {
  readonly document: SignOffDocument;
  /** AI lines covered, over all commits. */
  readonly aiLines: number;
  readonly files: readonly string[];
  /** Commits covered that the reviewer made: policy.signOff.notAuthor will not count the sign-off for them. */
  readonly ownCommits: readonly RangeCommit[];
}

/** The reviewer: git's user.name and user.email (an e-mail is required: policies name reviewers by it). */
export async function reviewerIdentity(root: string): Promise<Reviewer> {
  const config = await readGitConfig(root);
  const email = lastValue(config, 'user.email')?.trim();
  if (!email)
    throw new SignOffError(
      'git config user.email is not set: a sign-off names its reviewer by e-mail (git config --global user.email you@example.com)',
    );
  return { name: lastValue(config, 'user.name')?.trim() || email, email };
}

/** Works out what a sign-off covers (commits, files, line ranges and their hashes) without writing it. */
export async function prepareSignOff(root: string, request: SignOffRequest): Promise<PreparedSignOff> {
  const reviewer = await reviewerIdentity(root);
  const [base, head] = await Promise.all([resolveCommit(root, request.base), resolveCommit(root, request.head ?? 'HEAD')]);
  if (!base) throw new SignOffError(`--base ${request.base} is not a commit here`);
  if (!head) throw new SignOffError(`${request.head ?? 'HEAD'} is not a commit here`);
  const mergeBase = (await git(['merge-base', base, head], { cwd: root, allowFailure: true })).stdout.trim() || base;
  const commits = await rangeCommits(root, mergeBase, head);
  const chosen = request.lines ? await linesOfHunks(root, mergeBase, commits, request.lines) : await linesOfNotes(root, commits, request.files);
  // A sign-off of the whole range reviews every commit in it, those without AI lines too (a change to the policy, say).
  const wholeRange = !request.lines && !(request.files && request.files.length > 0);
  if (chosen.size === 0 && !(wholeRange && commits.length > 0))
    throw new SignOffError(
      `no AI-written lines to sign off in ${describeScope(request)} (${mergeBase.slice(0, 10)}..${head.slice(0, 10)}, ${plural(commits.length, 'commit')}); are the notes fetched? (refs/notes/ai-provenance)`,
    );

  const ids = await patchIds(root, wholeRange ? commits.map((commit) => commit.sha) : [...chosen.keys()]);
  const signedCommits: SignedOffCommit[] = [];
  let aiLines = 0;
  const files = new Set<string>();
  for (const commit of commits) {
    const byPath = chosen.get(commit.sha) ?? new Map<string, number[]>();
    if (byPath.size === 0 && !wholeRange) continue;
    const signedFiles = [];
    for (const [path, lines] of [...byPath].sort(([a], [b]) => a.localeCompare(b))) {
      const text = await readFileAt(root, commit.sha, path);
      if (text === undefined) continue;
      const fileLines = gitLines(text);
      const ranges = toRanges(lines).flatMap(([start, end]) => {
        const sha256 = linesHash(fileLines, start, end);
        return sha256 ? [{ start, end, sha256 }] : [];
      });
      if (ranges.length === 0) continue;
      aiLines += ranges.reduce((sum, range) => sum + range.end - range.start + 1, 0);
      files.add(path);
      signedFiles.push({ path, ranges });
    }
    if (signedFiles.length > 0 || wholeRange)
      signedCommits.push({ sha: commit.sha, ...(ids.get(commit.sha) ? { patchId: ids.get(commit.sha)! } : {}), files: signedFiles });
  }
  const document: SignOffDocument = {
    schema: SIGNOFF_SCHEMA,
    version: SIGNOFF_VERSION,
    reviewer,
    signedOffAt: (request.now ?? new Date()).toISOString(),
    ...(request.comment?.trim() ? { comment: request.comment.trim() } : {}),
    base: mergeBase,
    head,
    scope: request.lines ? 'lines' : wholeRange ? 'range' : 'files',
    commits: signedCommits,
    generator: generatorName(),
  };
  const email = reviewer.email.toLowerCase();
  const ownCommits = commits.filter(
    (commit) => (wholeRange || chosen.has(commit.sha)) && [commit.authorEmail, commit.committerEmail].some((who) => who.toLowerCase() === email),
  );
  return { document, aiLines, files: [...files].sort(), ownCommits };
}

/**
 * Signs (when asked, or by default when git has user.signingkey) and stores
 * the sign-off in refs/notes/ai-provenance-signoffs, on the head commit.
 */
export async function recordSignOff(root: string, prepared: PreparedSignOff, options: { sign?: boolean } = {}): Promise<SignOff> {
  let document = prepared.document;
  const config = await readSigningConfig(root);
  const sign = options.sign ?? config.signingKey !== undefined;
  if (sign) {
    try {
      document = { ...document, signature: await signPayload(root, config, signedPayload(document)) };
    } catch (error) {
      const reason = error instanceof SigningError ? error.message : String(error);
      throw new SignOffError(`could not sign the sign-off: ${reason} (nothing was recorded; to record it unsigned, use --no-sign)`);
    }
  }
  await appendSignOff(root, document.head, document);
  return { id: signOffId(document), attachedTo: document.head, document };
}

function describeScope(request: SignOffRequest): string {
  if (request.lines) return `${request.lines.path} ${request.lines.ranges.map(([a, b]) => (a === b ? `L${a}` : `L${a}-${b}`)).join(', ')}`;
  if (request.files && request.files.length > 0) return request.files.join(', ');
  return 'the range';
}

type Chosen = Map<string, Map<string, number[]>>;

function add(chosen: Chosen, commit: string, path: string, line: number): void {
  let byPath = chosen.get(commit);
  if (!byPath) chosen.set(commit, (byPath = new Map()));
  const lines = byPath.get(path);
  if (lines) lines.push(line);
  else byPath.set(path, [line]);
}

/** Every AI line the range's notes record, in the given files (all files without a filter). */
async function linesOfNotes(root: string, commits: readonly RangeCommit[], files: readonly string[] | undefined): Promise<Chosen> {
  const wanted = files && files.length > 0 ? new Set(files) : undefined;
  const notes = await new NoteCache(root).attributions(commits.filter((commit) => commit.note).map((commit) => commit.sha));
  const chosen: Chosen = new Map();
  for (const [commit, byPath] of notes) {
    for (const [path, file] of byPath) {
      if (wanted && !wanted.has(path)) continue;
      for (const line of file.aiLines.keys()) add(chosen, commit, path, line);
    }
  }
  return chosen;
}

/** The AI lines of the range among some lines of a file as it is now: blame says which commit wrote each. */
async function linesOfHunks(
  root: string,
  mergeBase: string,
  commits: readonly RangeCommit[],
  selection: NonNullable<SignOffRequest['lines']>,
): Promise<Chosen> {
  const inRange = new Set(commits.map((commit) => commit.sha));
  const hunks = await committedAiHunks(root, selection.path, {
    notes: new NoteCache(root),
    since: mergeBase,
    ...(selection.contents !== undefined ? { contents: selection.contents } : {}),
  });
  const chosen: Chosen = new Map();
  for (const hunk of hunks) {
    if (!inRange.has(hunk.commit.sha)) continue;
    for (let line = hunk.start; line <= hunk.end; line++) {
      if (selection.ranges.some(([start, end]) => line >= start && line <= end))
        add(chosen, hunk.commit.sha, hunk.origPath, hunk.origLines[line - hunk.start]);
    }
  }
  return chosen;
}
