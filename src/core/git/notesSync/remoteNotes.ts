import { git } from '../exec';

/**
 * Where a remote's notes are kept here: refs/remote-notes/<remote>/<name>,
 * outside refs/notes/ so that no `git push 'refs/notes/*'` sends them back
 * and `git notes` never writes to them. Fetching overwrites them (they mirror
 * the remote); local notes are only ever changed by a merge.
 */
export function trackingRef(remote: string, ref: string): string {
  return `refs/remote-notes/${remote}/${shortName(ref)}`;
}

function shortName(ref: string): string {
  if (!ref.startsWith('refs/notes/')) throw new Error(`${ref} is not a notes ref`);
  return ref.slice('refs/notes/'.length);
}

/**
 * Fetch refspecs for the refs: a trailing `*` that may match nothing, because
 * git stops `git fetch` and `git pull` with "couldn't find remote ref" when
 * an exact configured source is missing on the remote (before anyone pushed
 * notes). The glob also catches refs that share the prefix, e.g.
 * refs/notes/ai-provenance-signoffs; refs covered by another's glob get none.
 */
export function fetchRefspecs(remote: string, refs: readonly string[]): string[] {
  const names = [...new Set(refs.map(shortName))].sort();
  const kept = names.filter((name) => !names.some((other) => other !== name && name.startsWith(other)));
  return kept.map((name) => `+refs/notes/${name}*:refs/remote-notes/${remote}/${name}*`);
}

export async function remoteNames(root: string): Promise<string[]> {
  const { stdout } = await git(['remote'], { cwd: root, allowFailure: true });
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

async function configuredFetch(root: string, remote: string): Promise<string[]> {
  const { stdout } = await git(['config', '--get-all', `remote.${remote}.fetch`], { cwd: root, allowFailure: true });
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Makes a plain `git fetch <remote>` (and `git pull`) bring the remote's
 * notes into the tracking refs. Returns the refspecs it added.
 */
export async function ensureFetchRefspecs(root: string, remote: string, refs: readonly string[]): Promise<string[]> {
  const existing = new Set(await configuredFetch(root, remote));
  const added: string[] = [];
  for (const refspec of fetchRefspecs(remote, refs)) {
    if (existing.has(refspec)) continue;
    await git(['config', '--add', `remote.${remote}.fetch`, refspec], { cwd: root });
    added.push(refspec);
  }
  return added;
}

/** The remotes whose `git fetch` brings these notes refs (hook status). */
export async function remotesFetchingNotes(root: string, refs: readonly string[]): Promise<string[]> {
  const result: string[] = [];
  for (const remote of await remoteNames(root)) {
    const configured = new Set(await configuredFetch(root, remote));
    if (fetchRefspecs(remote, refs).every((refspec) => configured.has(refspec))) result.push(remote);
  }
  return result;
}

/** Takes these refspecs out of remote.<name>.fetch (uninstall). */
export async function removeFetchRefspecs(root: string, remote: string, refspecs: readonly string[]): Promise<void> {
  const existing = new Set(await configuredFetch(root, remote));
  for (const refspec of refspecs) {
    if (!existing.has(refspec)) continue;
    const pattern = `^${refspec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
    await git(['config', '--unset-all', `remote.${remote}.fetch`, pattern], { cwd: root, allowFailure: true });
  }
}

export interface NetworkOptions {
  /** Kill git after this long (the pre-push hook is bounded). */
  readonly timeoutMs?: number;
}

/** Fetches only the notes refs into their tracking refs. Throws with git's reason when the remote cannot be reached. */
export async function fetchNotes(root: string, remote: string, refs: readonly string[], options: NetworkOptions = {}): Promise<void> {
  const { exitCode, stderr } = await git(['fetch', '--no-tags', '--no-write-fetch-head', '--quiet', remote, ...fetchRefspecs(remote, refs)], {
    cwd: root,
    allowFailure: true,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  if (exitCode !== 0) throw new Error(`fetching notes from ${remote} failed: ${lastLine(stderr)}`);
}

export type PushStatus = 'pushed' | 'up-to-date' | 'rejected';

/**
 * Pushes the local notes refs without force and without the pre-push hook
 * (which is what may be calling this). A ref the remote moved meanwhile is
 * `rejected`: fetch, merge and push again. Other refusals (a protected
 * ref, a server hook) and failures throw.
 */
export async function pushNotes(
  root: string,
  remote: string,
  refs: readonly string[],
  options: NetworkOptions = {},
): Promise<Map<string, PushStatus>> {
  const result = new Map<string, PushStatus>();
  if (refs.length === 0) return result;
  const { stdout, stderr, exitCode } = await git(['push', '--no-verify', '--porcelain', remote, ...refs.map((ref) => `${ref}:${ref}`)], {
    cwd: root,
    allowFailure: true,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  // Porcelain: "<flag>\t<from>:<to>\t<summary>"; flag '!' is rejected, '=' up to date.
  for (const line of stdout.split('\n')) {
    const match = /^(.)\t([^:\t]+):([^\t]+)\t(.*)$/.exec(line);
    if (!match) continue;
    const status: PushStatus = match[1] === '!' ? 'rejected' : match[1] === '=' ? 'up-to-date' : 'pushed';
    // Lost a race: another push moved the ref first (non-fast-forward), or held its lock at the same moment.
    if (status === 'rejected' && !/fetch first|non-fast-forward|stale info|failed to update ref|cannot lock ref|incorrect old value/.test(match[4])) {
      throw new Error(`pushing ${match[3]} to ${remote} was refused: ${match[4]}`);
    }
    result.set(match[3], status);
  }
  if (exitCode !== 0 && result.size === 0) throw new Error(`pushing notes to ${remote} failed: ${lastLine(stderr)}`);
  return result;
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? 'no reason given';
}
