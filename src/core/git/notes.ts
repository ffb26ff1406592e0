import { readBlobs } from './blobs';
import { git } from './exec';

/**
 * Plain git notes I/O for one notes ref. Callers decide what the text means.
 */
export async function readNote(cwd: string, ref: string, commit: string): Promise<string | undefined> {
  const { stdout, exitCode } = await git(['notes', '--ref', ref, 'show', commit], { cwd, allowFailure: true });
  return exitCode === 0 ? stdout : undefined;
}

/** Notes of many commits with two processes: the ref's listing and one batch read. */
export async function readNotes(cwd: string, ref: string, commits: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (commits.length === 0) return result;
  const { stdout, exitCode } = await git(['notes', '--ref', ref, 'list'], { cwd, allowFailure: true });
  if (exitCode !== 0) return result;
  const wanted = new Set(commits);
  const blobOf = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [blob, commit] = line.trim().split(/\s+/);
    if (blob && commit && wanted.has(commit)) blobOf.set(commit, blob);
  }
  const blobs = await readBlobs(cwd, [...blobOf.values()]);
  for (const [commit, blob] of blobOf) {
    const content = blobs.get(blob);
    if (content) result.set(commit, content.toString('utf8'));
  }
  return result;
}

export async function writeNote(cwd: string, ref: string, commit: string, text: string): Promise<void> {
  await git(['notes', '--ref', ref, 'add', '-f', '-F', '-', commit], { cwd, input: text });
}
