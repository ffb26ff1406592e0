import { NotesSyncError, remoteNames, syncNotes, type SyncResult } from '../../core/git';
import { SYNCED_NOTES_REFS } from '../../core/provenance';
import { parse } from '../args';
import { CliError, UsageError, type CliIO } from '../command';
import { requireRepository } from '../workspace';

/** `origin` when there is one, else the only remote. */
export async function defaultRemote(root: string): Promise<string> {
  const remotes = await remoteNames(root);
  if (remotes.includes('origin')) return 'origin';
  if (remotes.length === 1) return remotes[0];
  throw new UsageError(remotes.length === 0 ? 'this repository has no remote' : `name the remote: one of ${remotes.join(', ')}`);
}

/** `notes sync [<remote>] [--no-push] [--json]`: fetch, merge and push the notes refs. */
export async function syncAction(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { 'no-push': { type: 'boolean' }, json: { type: 'boolean' } });
  if (positionals.length > 1) throw new UsageError('sync takes at most one remote');
  const root = (await requireRepository(io)).root;
  const remote = positionals[0] ?? (await defaultRemote(root));
  let result: SyncResult;
  try {
    result = await syncNotes(root, remote, { refs: SYNCED_NOTES_REFS, fetchFirst: true, push: !values['no-push'] });
  } catch (error) {
    if (error instanceof NotesSyncError || error instanceof Error) throw new CliError(`${remote}: ${error.message.split('\n')[0]}`);
    throw error;
  }
  for (const problem of result.problems) io.stderr(`ai-provenance: ${problem}\n`);
  if (values.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  for (const merge of result.merges) {
    const what = {
      'no-remote': `${remote} has no ${merge.ref} yet`,
      'up-to-date': `${merge.ref}: nothing new from ${remote}`,
      'fast-forward': `${merge.ref}: took ${remote}'s notes (${merge.changed} new or changed)`,
      merged: `${merge.ref}: merged ${remote}'s notes with the local ones (${merge.changed} new or changed)`,
    }[merge.kind];
    io.stdout(`${what}\n`);
  }
  if (!values['no-push'])
    io.stdout(result.pushed.length > 0 ? `pushed ${result.pushed.join(', ')} to ${remote}\n` : `${remote} already has every local note\n`);
  return 0;
}
