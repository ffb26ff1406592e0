import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../exec';
import { resolveCommit } from '../revisions';

/** One entry of a notes ref's tree: a note (named by the object it annotates) or any other file kept there. */
export interface NotesTreeEntry {
  readonly mode: string;
  readonly blob: string;
}

/** A notes ref at one commit: annotated object id -> its note blob, plus non-note files by path. */
export interface NotesSnapshot {
  readonly commit?: string;
  readonly notes: ReadonlyMap<string, NotesTreeEntry>;
  readonly others: ReadonlyMap<string, NotesTreeEntry>;
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Reads a notes ref's tree with one `ls-tree -r`. Notes may sit at any
 * fanout (`ab/cdef...` or flat): the path without slashes is the object id.
 */
export async function readNotesSnapshot(root: string, ref: string): Promise<NotesSnapshot> {
  const commit = await resolveCommit(root, ref);
  const notes = new Map<string, NotesTreeEntry>();
  const others = new Map<string, NotesTreeEntry>();
  if (!commit) return { notes, others };
  const { stdout } = await git(['ls-tree', '-r', '-z', '--full-tree', commit], { cwd: root });
  for (const record of stdout.split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.+)$/s.exec(record);
    if (!match || match[2] !== 'blob') continue;
    const entry = { mode: match[1], blob: match[3] };
    const object = match[4].replace(/\//g, '');
    if (OBJECT_ID.test(object)) notes.set(object, entry);
    else others.set(match[4], entry);
  }
  return { commit, notes, others };
}

/** Stores texts as blobs with one `hash-object -w --stdin-paths`; returns text -> blob id. */
export async function writeBlobs(root: string, texts: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(texts)];
  const ids = new Map<string, string>();
  if (unique.length === 0) return ids;
  const dir = mkdtempSync(join(tmpdir(), 'aip-notes-'));
  try {
    const paths = unique.map((text, index) => {
      const path = join(dir, String(index));
      writeFileSync(path, text);
      return path;
    });
    const { stdout } = await git(['hash-object', '-w', '--no-filters', '--stdin-paths'], { cwd: root, input: `${paths.join('\n')}\n` });
    stdout
      .trim()
      .split('\n')
      .forEach((id, index) => ids.set(unique[index], id.trim()));
    return ids;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes a notes tree through a throw-away index (git builds the nested
 * trees). Notes go flat below 256 entries and under a two-character fanout
 * above, as git itself would lay them out.
 */
export async function writeNotesTree(
  root: string,
  notes: ReadonlyMap<string, NotesTreeEntry>,
  others: ReadonlyMap<string, NotesTreeEntry>,
): Promise<string> {
  const fanout = notes.size > 256;
  const lines: string[] = [];
  for (const [object, entry] of notes) lines.push(`${entry.mode} ${entry.blob}\t${fanout ? `${object.slice(0, 2)}/${object.slice(2)}` : object}`);
  for (const [path, entry] of others) lines.push(`${entry.mode} ${entry.blob}\t${path}`);
  const dir = mkdtempSync(join(tmpdir(), 'aip-notes-index-'));
  const env = { GIT_INDEX_FILE: join(dir, 'index') };
  try {
    await git(['update-index', '-z', '--index-info'], { cwd: root, env, input: lines.map((line) => `${line}\0`).join('') });
    return (await git(['write-tree'], { cwd: root, env })).stdout.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Who commits notes merges: the user's identity, or a stand-in when git has none configured (CI). */
async function identityEnv(root: string): Promise<NodeJS.ProcessEnv> {
  const { exitCode } = await git(['var', 'GIT_COMMITTER_IDENT'], { cwd: root, allowFailure: true });
  if (exitCode === 0) return {};
  const name = 'AI Provenance';
  const email = 'ai-provenance@localhost';
  return { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
}

export async function commitNotesTree(root: string, tree: string, parents: readonly string[], message: string): Promise<string> {
  const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-m', message];
  return (await git(args, { cwd: root, env: await identityEnv(root) })).stdout.trim();
}

/**
 * Moves `ref` to `next` only if it still points at `expected` (undefined:
 * the ref must not exist): a note written meanwhile (a commit, another
 * sync) is never overwritten. Returns false when the ref moved.
 */
export async function compareAndSwapRef(root: string, ref: string, next: string, expected: string | undefined, reason: string): Promise<boolean> {
  const { exitCode } = await git(['update-ref', '-m', reason, ref, next, expected ?? ''], { cwd: root, allowFailure: true });
  return exitCode === 0;
}

export async function isAncestor(root: string, ancestor: string, descendant: string): Promise<boolean> {
  const { exitCode } = await git(['merge-base', '--is-ancestor', ancestor, descendant], { cwd: root, allowFailure: true });
  return exitCode === 0;
}
