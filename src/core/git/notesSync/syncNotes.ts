import { git } from '../exec';
import { resolveCommit } from '../revisions';
import { mergeNotesRef, type NotesRefMerge } from './mergeNotesRef';
import { ensureFetchRefspecs, fetchNotes, pushNotes, remoteNames, trackingRef } from './remoteNotes';
import type { SyncedNotesRef } from './types';

export interface SyncOptions {
  readonly refs: readonly SyncedNotesRef[];
  /**
   * true (`notes sync`): fetch, merge, then push. false (pre-push): merge
   * what was fetched before and push; fetch only when the push is rejected,
   * so a push with nothing new costs no extra round trip.
   */
  readonly fetchFirst: boolean;
  readonly push: boolean;
  /** Pushes tried when other clones keep pushing notes at the same time. */
  readonly attempts?: number;
  /** Budget for the whole sync; network commands are killed when it runs out. */
  readonly timeoutMs?: number;
}

export interface SyncResult {
  readonly remote: string;
  readonly merges: readonly NotesRefMerge[];
  readonly pushed: readonly string[];
  /** Push attempts made (more than one when a concurrent push was rejected first). */
  readonly attempts: number;
  readonly problems: readonly string[];
}

export class NotesSyncError extends Error {}

/**
 * Shares notes refs with a remote without losing any: the remote's notes
 * come into refs/remote-notes/<remote>/..., are merged into the local refs
 * (which then descend from the remote's), and the result is pushed without
 * force. A push rejected because someone else pushed notes meanwhile is
 * fetched, merged and retried, a bounded number of times.
 */
export async function syncNotes(root: string, remote: string, options: SyncOptions): Promise<SyncResult> {
  const deadline = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
  const budget = () => {
    if (deadline === undefined) return {};
    const left = deadline - Date.now();
    if (left <= 0) throw new NotesSyncError(`gave up after ${options.timeoutMs} ms`);
    return { timeoutMs: left };
  };
  if (!(await remoteNames(root)).includes(remote)) throw new NotesSyncError(`"${remote}" is not a remote of this repository (git remote -v)`);
  const names = options.refs.map((spec) => spec.ref);
  await ensureFetchRefspecs(root, remote, names);

  const merges: NotesRefMerge[] = [];
  const problems: string[] = [];
  const mergeAll = async (specs: readonly SyncedNotesRef[]) => {
    for (const spec of specs) {
      const merge = await mergeNotesRef(root, spec, trackingRef(remote, spec.ref));
      merges.push(merge);
      problems.push(...merge.problems);
    }
  };
  if (options.fetchFirst) await fetchNotes(root, remote, names, budget());
  await mergeAll(options.refs);
  if (!options.push) return { remote, merges, pushed: [], attempts: 0, problems };

  const pushed: string[] = [];
  const attempts = options.attempts ?? 4;
  let pending = [...options.refs];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    pending = await needingPush(root, remote, pending);
    if (pending.length === 0) return { remote, merges, pushed, attempts: attempt - 1, problems };
    const statuses = await pushNotes(
      root,
      remote,
      pending.map((spec) => spec.ref),
      budget(),
    );
    for (const spec of pending) {
      const status = statuses.get(spec.ref);
      if (status === 'pushed' || status === 'up-to-date') {
        if (status === 'pushed') pushed.push(spec.ref);
        const local = await resolveCommit(root, spec.ref);
        if (local) await git(['update-ref', trackingRef(remote, spec.ref), local], { cwd: root });
      }
    }
    pending = pending.filter((spec) => statuses.get(spec.ref) === 'rejected');
    if (pending.length === 0) return { remote, merges, pushed, attempts: attempt, problems };
    // Someone pushed notes meanwhile: take theirs in and try again, after a random pause so racing clones fall out of step.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 200 * attempt));
    await fetchNotes(
      root,
      remote,
      pending.map((spec) => spec.ref),
      budget(),
    );
    await mergeAll(pending);
  }
  throw new NotesSyncError(
    `${remote} kept receiving other notes; ${pending.map((spec) => spec.ref).join(', ')} not pushed after ${attempts} attempts`,
  );
}

/** Refs with local notes the remote (as last seen) does not have yet. */
async function needingPush(root: string, remote: string, specs: readonly SyncedNotesRef[]): Promise<SyncedNotesRef[]> {
  const result: SyncedNotesRef[] = [];
  for (const spec of specs) {
    const [local, tracked] = await Promise.all([resolveCommit(root, spec.ref), resolveCommit(root, trackingRef(remote, spec.ref))]);
    if (local && local !== tracked) result.push(spec);
  }
  return result;
}

/**
 * Merges what `git fetch` / `git pull` brought into refs/remote-notes/ for
 * every remote, without the network: readers call it first, so a teammate's
 * notes count as soon as they are fetched.
 */
export async function mergeFetchedNotes(root: string, refs: readonly SyncedNotesRef[]): Promise<NotesRefMerge[]> {
  const { stdout } = await git(['for-each-ref', '--format=%(refname)', 'refs/remote-notes/'], { cwd: root, allowFailure: true });
  const present = new Set(stdout.split('\n').filter(Boolean));
  if (present.size === 0) return [];
  const merges: NotesRefMerge[] = [];
  for (const remote of await remoteNames(root)) {
    for (const spec of refs) {
      const tracking = trackingRef(remote, spec.ref);
      if (present.has(tracking)) merges.push(await mergeNotesRef(root, spec, tracking));
    }
  }
  return merges;
}
