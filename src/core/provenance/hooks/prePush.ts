import { remoteNames } from '../../git/notesSync/remoteNotes';
import { syncNotes } from '../../git/notesSync/syncNotes';
import { gitBoolean, lastValue, readGitConfig } from '../settings';
import { SYNCED_NOTES_REFS } from '../syncedNotes';

/** How long the pre-push hook may spend on notes by default (`git config aiProvenance.notesPushTimeout <seconds>`). */
export const DEFAULT_NOTES_PUSH_TIMEOUT_S = 10;

/**
 * pre-push: pushes the notes along with the code, to the remote being
 * pushed to. It merges what was fetched, pushes without fetching first
 * (nothing to push: no network at all), and fetches, merges and retries
 * only when another clone pushed notes meanwhile, all within a time budget.
 * Returns one line for the user, or nothing when there was nothing to do.
 * Skipped when the push goes to a URL rather than a named remote, when it
 * only pushes notes (someone pushing them by hand), for notes refs the push
 * itself carries, and with
 * `git config aiProvenance.pushNotes false`.
 */
export async function runPrePush(root: string, remote: string, refLines: string): Promise<string | undefined> {
  const config = await readGitConfig(root);
  if (gitBoolean(lastValue(config, 'aiprovenance.pushnotes')) === false) return undefined;
  if (!(await remoteNames(root)).includes(remote)) return undefined;
  // stdin: "<local ref> <local sha> <remote ref> <remote sha>" per ref. A notes ref this push already
  // carries (`git push origin main refs/notes/ai-provenance`) is left to it: pushing it too would race it.
  const pushed = new Set(
    refLines
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[2])
      .filter(Boolean),
  );
  const refs = SYNCED_NOTES_REFS.filter((spec) => !pushed.has(spec.ref));
  if (refs.length === 0 || (pushed.size > 0 && [...pushed].every((ref) => ref.startsWith('refs/notes/')))) return undefined;
  const seconds = Number(lastValue(config, 'aiprovenance.notespushtimeout') ?? DEFAULT_NOTES_PUSH_TIMEOUT_S);
  const timeoutMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_NOTES_PUSH_TIMEOUT_S) * 1000;
  const result = await syncNotes(root, remote, { refs, fetchFirst: false, push: true, timeoutMs });
  const problems = result.problems.map((problem) => `; ${problem}`).join('');
  if (result.pushed.length === 0) return problems ? `notes: ${problems.slice(2)}` : undefined;
  return `notes pushed to ${remote} (${result.pushed.join(', ')})${problems}`;
}
