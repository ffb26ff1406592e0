import { readNote, storeDirOf } from '../../core/git';
import { NOTES_REF, parseNoteText, rangeCommits, readProvenanceSettings, recordCommitNote, toAgentTrace } from '../../core/provenance';
import { RegionStore } from '../../core/store';
import { parse } from '../args';
import { CliError, UsageError, type CliCommand, type CliIO } from '../command';
import { requireCommit, requireRepository, takeInFetchedNotesFor } from '../workspace';
import { carryAction } from './notesCarry';
import { syncAction } from './notesSync';

const USAGE = `Usage:
  ai-provenance notes show [<commit>]
  ai-provenance notes export --agent-trace (--base <ref> [--head <ref>] | <commit>...)
  ai-provenance notes write [<commit>]
  ai-provenance notes sync [<remote>] [--no-push] [--json]
  ai-provenance notes carry --from <base>..<head> --to <commit>|<first>..<last> [--json]
  ai-provenance notes carry --auto --before <sha> [--after <sha>] [--remote <name>]
                            [--pr-head <sha> [--pr-base <sha>]] [--json]

show     prints the note of <commit> (default HEAD), one JSON document
export   prints Agent Trace records (https://agent-trace.dev), one JSON
         object per line, for the commits that have notes
write    computes and writes the note of <commit> from the region store
         (for commits made without the hooks); merges with a note already there
sync     fetches <remote>'s notes (default: origin) into refs/remote-notes/,
         merges them with the local ones (nothing local is lost) and pushes
         the result, retrying when someone else pushed notes meanwhile
carry    after a squash or rebase merge on a forge: carries the notes of the
         merged commits <base>..<head> onto the commit(s) the merge made, by
         content (a line stays AI only where it survived unchanged, and only
         among the lines the new commit adds); reviews carry over. --auto
         finds them for the new commits of a push to the default branch:
         from --pr-head (forge metadata), "(#123)" in the subject and the
         pull request's ref (fetched from --remote), or patch content
Notes live in ${NOTES_REF}. After \`ai-provenance hook install\`, a plain
git push pushes them and git fetch / git pull bring the remote's.`;

export const notesCommand: CliCommand = {
  name: 'notes',
  summary: 'show, export (Agent Trace), write, sync or carry the provenance notes of commits',
  usage: USAGE,
  async run(argv, io) {
    const [action, ...rest] = argv;
    switch (action) {
      case 'show':
        return show(rest, io);
      case 'export':
        return exportTraces(rest, io);
      case 'write':
        return write(rest, io);
      case 'sync':
        return syncAction(rest, io);
      case 'carry':
        return carryAction(rest, io);
      default:
        throw new UsageError(action === undefined ? 'notes needs show, export, write, sync or carry' : `unknown notes action "${action}"`);
    }
  },
};

async function show(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals } = parse(argv, {});
  const rootDir = (await requireRepository(io)).root;
  await takeInFetchedNotesFor(rootDir, io);
  const commit = await requireCommit(rootDir, positionals[0] ?? 'HEAD');
  const text = await readNote(rootDir, NOTES_REF, commit);
  if (text === undefined) throw new CliError(`${commit.slice(0, 10)} has no AI Provenance note`);
  const { documents, problems } = parseNoteText(text);
  for (const problem of problems) io.stderr(`ai-provenance: ${problem}\n`);
  for (const document of documents) io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  return documents.length > 0 ? 0 : 1;
}

async function exportTraces(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { 'agent-trace': { type: 'boolean' }, base: { type: 'string' }, head: { type: 'string' } });
  if (!values['agent-trace']) throw new UsageError('export needs --agent-trace (the only export format)');
  if (!values.base === (positionals.length === 0)) throw new UsageError('export needs either --base <ref> or commits');
  const rootDir = (await requireRepository(io)).root;
  await takeInFetchedNotesFor(rootDir, io);
  const entries: Array<{ sha: string; note?: string }> = values.base
    ? await rangeCommits(rootDir, await requireCommit(rootDir, values.base), await requireCommit(rootDir, values.head ?? 'HEAD'))
    : await Promise.all(
        positionals.map(async (rev) => {
          const sha = await requireCommit(rootDir, rev);
          const note = await readNote(rootDir, NOTES_REF, sha);
          return note === undefined ? { sha } : { sha, note };
        }),
      );
  for (const { sha, note } of entries) {
    if (!note) continue;
    for (const document of parseNoteText(note).documents) io.stdout(`${JSON.stringify(toAgentTrace(document, sha))}\n`);
  }
  return 0;
}

async function write(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals } = parse(argv, {});
  const repository = await requireRepository(io);
  const commit = await requireCommit(repository.root, positionals[0] ?? 'HEAD');
  const store = await RegionStore.open({ storeDir: storeDirOf(repository) });
  for (const problem of store.problems) io.stderr(`ai-provenance: ${problem}\n`);
  const settings = await readProvenanceSettings(repository.root);
  const outcome = await recordCommitNote(repository.root, store, commit, { settings, classifier: settings.classifier });
  const short = commit.slice(0, 10);
  const messages = {
    written: `${short}: note written${outcome.kind === 'written' && outcome.note.totals.aiLines === 0 ? ' (no AI lines)' : ''}`,
    none: `${short}: no commit`,
    'merge-commit': `${short} is a merge commit: merges get no note`,
  } as const;
  io.stdout(`${messages[outcome.kind]}\n`);
  return 0;
}
