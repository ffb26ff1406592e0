import { GIT_PATH_CONFIG, STABLE_DIFF } from '../git/diff';
import { parseDiff, pathOf } from '../git/diffParse';
import { readBlobs } from '../git/blobs';
import { git } from '../git/exec';
import { resolveCommit } from '../git/revisions';
import { streamGitRecords } from '../git/stream';
import { NOTES_REF } from '../provenance/note/schema';
import { loadCommitCache, saveCommitCache } from './commitCache';
import type { CommitRecord } from './commitRecord';
import { noteFacts, type NoteFacts } from './noteFacts';

export interface HistoryOptions {
  /** Only commits made after this date (anything `git log --since` takes). */
  readonly since?: string;
  /** Only commits not reachable from this ref (`<base>..<head>`). */
  readonly base?: string;
  readonly head?: string;
  /** Where the per-commit cache lives; without one nothing is cached. */
  readonly cacheDir?: string;
}

export interface History {
  /** Non-merge commits of the range, newest first. */
  readonly commits: readonly CommitRecord[];
  readonly head: string;
  /** Commits whose diff was read from git in this run (the rest came from the cache). */
  readonly commitsRead: number;
  /** Notes read from git in this run. */
  readonly notesRead: number;
  /** Notes that could not be read (`<commit>: <problem>`). */
  readonly problems: readonly string[];
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * The commits of a range with their provenance notes, read incrementally: a
 * commit's diff is read once and cached; its note again only when the notes
 * ref gives it another blob (rewritten, fetched, merged). A second run on the
 * same history starts two git processes and reads no diff.
 */
export async function readHistory(root: string, options: HistoryOptions = {}): Promise<History> {
  const headRef = options.head ?? 'HEAD';
  const head = await resolveCommit(root, headRef);
  if (!head) throw new Error(headRef === 'HEAD' ? 'the repository has no commits yet' : `${headRef} is not a commit here`);
  let base: string | undefined;
  if (options.base !== undefined) {
    base = await resolveCommit(root, options.base);
    if (!base) throw new Error(`${options.base} is not a commit here`);
  }
  const [shas, noteBlobs, cache] = await Promise.all([
    listCommits(root, head, base, options.since),
    listNoteBlobs(root),
    options.cacheDir ? loadCommitCache(options.cacheDir) : Promise.resolve(new Map<string, CommitRecord>()),
  ]);

  const unread = shas.filter((sha) => !cache.has(sha));
  // A note to read: a new commit's, or one the notes ref now gives another blob (or none).
  const stale = shas.filter((sha) => cache.get(sha)?.noteBlob !== noteBlobs.get(sha));
  // git diffs the new commits while the note blobs are read and parsed.
  const [fresh, notes] = await Promise.all([
    readCommits(root, unread),
    readBlobs(
      root,
      stale.map((sha) => noteBlobs.get(sha)).filter((blob): blob is string => blob !== undefined),
    ),
  ]);
  const problems: string[] = [];
  for (const [sha, record] of fresh) cache.set(sha, record);
  for (const sha of stale) {
    const known = cache.get(sha);
    if (!known) continue; // not a commit git could show: counted as missing below
    const { noteBlob: _old, ...record } = known;
    const blob = noteBlobs.get(sha);
    const text = blob ? notes.get(blob) : undefined;
    let facts: NoteFacts = { ai: {}, problems: [] };
    if (text) facts = noteFacts(text.toString('utf8'));
    for (const problem of facts.problems) problems.push(`${sha.slice(0, 12)}: ${problem}`);
    cache.set(sha, { ...record, ...(text ? { noteBlob: blob } : {}), ai: facts.ai });
  }
  const changed = fresh.size > 0 || stale.length > 0;

  const commits = shas.map((sha) => cache.get(sha)).filter((record): record is CommitRecord => record !== undefined);
  if (options.cacheDir && changed) {
    // The whole history's run also forgets commits no longer reachable (rebased away).
    const keep = options.since === undefined && base === undefined ? commits : cache.values();
    await saveCommitCache(options.cacheDir, keep).catch(() => undefined); // a cache that cannot be written only costs time
  }
  return { commits, head, commitsRead: unread.length, notesRead: stale.length, problems };
}

async function listCommits(root: string, head: string, base: string | undefined, since: string | undefined): Promise<string[]> {
  const args = [
    'rev-list',
    '--no-merges',
    ...(since !== undefined ? [`--since=${startOfDay(since)}`] : []),
    head,
    ...(base ? [`^${base}`] : []),
    '--',
  ];
  const { stdout } = await git(args, { cwd: root });
  return stdout.split('\n').filter(Boolean);
}

/** commit -> note blob, from the notes ref's listing (no ref: no notes). */
async function listNoteBlobs(root: string): Promise<Map<string, string>> {
  const { stdout, exitCode } = await git(['notes', `--ref=${NOTES_REF}`, 'list'], { cwd: root, allowFailure: true });
  const blobs = new Map<string, string>();
  if (exitCode !== 0) return blobs;
  for (const line of stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) blobs.set(line.slice(space + 1).trim(), line.slice(0, space));
  }
  return blobs;
}

/** Author, time and non-blank added lines per file of each commit: one streamed `git log -p`. */
async function readCommits(root: string, shas: readonly string[]): Promise<Map<string, CommitRecord>> {
  const records = new Map<string, CommitRecord>();
  if (shas.length === 0) return records;
  const args = [
    ...GIT_PATH_CONFIG,
    'log',
    '--no-walk=unsorted',
    '--stdin',
    '--no-notes',
    '-p',
    ...STABLE_DIFF,
    `--format=${RECORD}%H${FIELD}%an${FIELD}%ae${FIELD}%ct${FIELD}`,
  ];
  await streamGitRecords(args, { cwd: root, input: `${shas.join('\n')}\n` }, RECORD, (record) => {
    const [sha, author, email, time, patch] = record.split(FIELD);
    const added: Record<string, number> = {};
    for (const file of parseDiff(patch ?? '')) {
      if (file.newPath !== undefined && file.addedLines.length > 0) added[pathOf(file)] = file.addedLines.length;
    }
    records.set(sha, { sha, author, email, time: Number(time), added, ai: {} });
  });
  return records;
}

/** git reads a bare date as that day at the current time of day; a person means the whole day (from midnight, local time). */
function startOfDay(since: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(since.trim()) ? `${since.trim()} 00:00:00` : since;
}
