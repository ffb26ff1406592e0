import { readBlobs } from './blobs';
import { git } from './exec';

/**
 * Plain git notes I/O for one notes ref. Callers decide what the text means.
 */
export async function readNote(cwd: string, ref: string, commit: string): Promise<string | undefined> {
  const { stdout, exitCode } = await git(['notes', '--ref', ref, 'show', commit], { cwd, allowFailure: true });
  return exitCode === 0 ? stdout : undefined;
}

/** Every note of a ref: annotated object -> note blob (one process; empty when the ref does not exist). */
export async function listNotes(cwd: string, ref: string): Promise<Map<string, string>> {
  const blobOf = new Map<string, string>();
  const { stdout, exitCode } = await git(['notes', '--ref', ref, 'list'], { cwd, allowFailure: true });
  if (exitCode !== 0) return blobOf;
  for (const line of stdout.split('\n')) {
    const [blob, commit] = line.trim().split(/\s+/);
    if (blob && commit) blobOf.set(commit, blob);
  }
  return blobOf;
}

/** The texts of the notes of `commits` (those that have one), from a listing, with one batch read. */
export async function noteTexts(cwd: string, listing: ReadonlyMap<string, string>, commits: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const wanted = commits.filter((commit) => listing.has(commit));
  if (wanted.length === 0) return result;
  const blobs = await readBlobs(
    cwd,
    wanted.map((commit) => listing.get(commit)!),
  );
  for (const commit of wanted) {
    const content = blobs.get(listing.get(commit)!);
    if (content) result.set(commit, content.toString('utf8'));
  }
  return result;
}

/** Notes of many commits with two processes: the ref's listing and one batch read. */
export async function readNotes(cwd: string, ref: string, commits: readonly string[]): Promise<Map<string, string>> {
  if (commits.length === 0) return new Map();
  return noteTexts(cwd, await listNotes(cwd, ref), commits);
}

export async function writeNote(cwd: string, ref: string, commit: string, text: string): Promise<void> {
  await git(['notes', '--ref', ref, 'add', '-f', '-F', '-', commit], { cwd, input: text });
}
