import { readBlobs } from '../blobs';
import { resolveCommit } from '../revisions';
import { commitNotesTree, compareAndSwapRef, isAncestor, readNotesSnapshot, writeBlobs, writeNotesTree, type NotesTreeEntry } from './notesTree';
import type { NoteConflict, SyncedNotesRef } from './types';

export interface NotesRefMerge {
  /**
   * no-remote: nothing fetched; up-to-date: the local ref already holds it;
   * fast-forward: the local ref now is the fetched one; merged: a merge
   * commit with both as parents (so the next push is a fast-forward).
   */
  readonly kind: 'no-remote' | 'up-to-date' | 'fast-forward' | 'merged';
  readonly ref: string;
  /** Notes that came from the remote or changed by the merge. */
  readonly changed: number;
  readonly problems: readonly string[];
}

const ATTEMPTS = 3;

/**
 * Merges `incoming` (a remote-tracking notes ref) into `spec.ref`. Notes
 * only one side has are kept; notes both have and that differ go through
 * the ref's merge function; notes only the remote has go through it too,
 * so it can reject what it must not trust. A local note is never dropped.
 * The local ref moves by compare-and-swap: when a commit writes a note
 * meanwhile, the merge starts again.
 */
export async function mergeNotesRef(root: string, spec: SyncedNotesRef, incoming: string): Promise<NotesRefMerge> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await mergeOnce(root, spec, incoming);
    if (outcome !== 'raced') return outcome;
    if (attempt >= ATTEMPTS) throw new Error(`${spec.ref} kept moving while its notes were merged; try again`);
  }
}

async function mergeOnce(root: string, spec: SyncedNotesRef, incoming: string): Promise<NotesRefMerge | 'raced'> {
  // The usual case (every reader calls this) costs two rev-parses and no tree listing: nothing new fetched.
  const [localCommit, remoteCommit] = await Promise.all([resolveCommit(root, spec.ref), resolveCommit(root, incoming)]);
  const none = { ref: spec.ref, changed: 0, problems: [] };
  if (!remoteCommit) return { kind: 'no-remote', ...none };
  if (localCommit && (localCommit === remoteCommit || (await isAncestor(root, remoteCommit, localCommit)))) return { kind: 'up-to-date', ...none };
  const [local, remote] = await Promise.all([readNotesSnapshot(root, spec.ref), readNotesSnapshot(root, incoming)]);
  if (!remote.commit) return { kind: 'no-remote', ...none };

  // Even when the remote's notes descend from ours, its versions are judged against the local ones: a note
  // rewritten or removed on the remote must not take lines, reviews or whole notes away from this clone.
  const localBehind = !local.commit || (await isAncestor(root, local.commit, remote.commit));
  const differing = [...remote.notes].filter(([object, entry]) => local.notes.get(object)?.blob !== entry.blob);
  const localBlob = (object: string) => local.notes.get(object)?.blob;
  const blobs = await readBlobs(
    root,
    differing.flatMap(([object, entry]) => [entry.blob, localBlob(object) ?? []].flat()),
  );
  const conflicts: NoteConflict[] = differing.map(([object, entry]) => {
    const blob = localBlob(object);
    const localText = blob ? blobs.get(blob)?.toString('utf8') : undefined;
    return { object, remote: blobs.get(entry.blob)?.toString('utf8') ?? '', ...(localText !== undefined ? { local: localText } : {}) };
  });
  const { texts, problems } = await spec.merge(root, conflicts);

  // Every local note stays, also one the remote removed since.
  const merged = new Map<string, NotesTreeEntry>([...remote.notes, ...local.notes]);
  const written = await writeBlobs(
    root,
    [...texts.values()].filter((text): text is string => text !== undefined),
  );
  let changed = 0;
  for (const [object, entry] of differing) {
    const text = texts.get(object);
    if (text === undefined) {
      // Rejected: the local note (if any) stays, the remote's is not taken.
      const kept = local.notes.get(object);
      if (kept) merged.set(object, kept);
      else merged.delete(object);
      continue;
    }
    const blob = written.get(text)!;
    const mode = local.notes.get(object)?.mode ?? entry.mode;
    if (local.notes.get(object)?.blob !== blob) changed++;
    merged.set(object, { mode, blob });
  }
  const others = localBehind ? remote.others : new Map([...remote.others, ...local.others]);

  // Nothing of ours that the remote lacks, and the remote's notes taken as they are: just move to it.
  const sameAsRemote =
    merged.size === remote.notes.size &&
    [...merged].every(([object, entry]) => remote.notes.get(object)?.blob === entry.blob) &&
    others.size === remote.others.size;
  if (sameAsRemote && localBehind) {
    if (!(await compareAndSwapRef(root, spec.ref, remote.commit, local.commit, `notes: fast-forward to ${incoming}`))) return 'raced';
    return { kind: 'fast-forward', ref: spec.ref, changed, problems };
  }
  const tree = await writeNotesTree(root, merged, others);
  const parents = local.commit ? [local.commit, remote.commit] : [remote.commit];
  const commit = await commitNotesTree(root, tree, parents, `Notes merged from ${incoming} by ai-provenance`);
  if (!(await compareAndSwapRef(root, spec.ref, commit, local.commit, `notes: merge ${incoming}`))) return 'raced';
  return { kind: 'merged', ref: spec.ref, changed, problems };
}
