import { readBlobs } from '../git/blobs';
import { git } from '../git/exec';
import { parseSignOffNote } from './parse';
import { serializeSignOff, signOffId } from './payload';
import { SIGNOFFS_REF, type SignOff, type SignOffDocument } from './schema';

export interface SignOffListing {
  /** Every readable sign-off of the ref, oldest first; a document stored twice is listed once. */
  readonly signOffs: readonly SignOff[];
  /** Unreadable documents (not JSON, a newer version), for a notice. */
  readonly problems: readonly string[];
}

/**
 * Every sign-off in refs/notes/ai-provenance-signoffs (two git processes,
 * whatever the number of notes). This is the reading API for other tools
 * (reports, insights): each SignOff has the reviewer, the time, the comment,
 * the commits, and per commit the files and 1-based line ranges it covers.
 * It does not judge them: see judgeSignOffs() for what a policy accepts.
 */
export async function listSignOffs(root: string): Promise<SignOffListing> {
  const { stdout, exitCode } = await git(['notes', '--ref', SIGNOFFS_REF, 'list'], { cwd: root, allowFailure: true });
  if (exitCode !== 0) return { signOffs: [], problems: [] };
  const attached = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [blob, commit] = line.trim().split(/\s+/);
    if (blob && commit) attached.set(commit, blob);
  }
  const blobs = await readBlobs(root, [...attached.values()]);
  const byId = new Map<string, SignOff>();
  const problems: string[] = [];
  for (const [commit, blob] of attached) {
    const text = blobs.get(blob)?.toString('utf8');
    if (text === undefined) continue;
    const parsed = parseSignOffNote(text);
    problems.push(...parsed.problems.map((problem) => `${SIGNOFFS_REF} on ${commit.slice(0, 10)}: ${problem}`));
    for (const document of parsed.documents) {
      const id = signOffId(document);
      if (!byId.has(id)) byId.set(id, { id, attachedTo: commit, document });
    }
  }
  const signOffs = [...byId.values()].sort((a, b) => Date.parse(a.document.signedOffAt) - Date.parse(b.document.signedOffAt));
  return { signOffs, problems };
}

/**
 * Adds a sign-off to the note of `commit`, after any already there (git
 * separates appended notes with a blank line; each document stays one line).
 */
export async function appendSignOff(root: string, commit: string, document: SignOffDocument): Promise<void> {
  const args = ['notes', '--ref', SIGNOFFS_REF, 'append', '-F', '-', commit];
  const result = await git(args, { cwd: root, input: `${serializeSignOff(document)}\n`, allowFailure: true });
  // Another sign-off written at the same moment holds the ref's lock: once more.
  if (result.exitCode !== 0) await git(args, { cwd: root, input: `${serializeSignOff(document)}\n` });
}
