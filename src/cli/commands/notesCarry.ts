import { git } from '../../core/git';
import { carryNotes, findMergedWork, readProvenanceSettings, type CarryOutcome, type MergedWork } from '../../core/provenance';
import { parse } from '../args';
import { UsageError, type CliIO } from '../command';
import { requireCommit, requireRepository, takeInFetchedNotesFor } from '../workspace';

function splitRange(text: string, option: string): [string, string] {
  const match = /^(.+?)\.\.(.+)$/.exec(text);
  if (!match || match[1].endsWith('.')) throw new UsageError(`${option} expects <base>..<head>, got "${text}"`);
  return [match[1], match[2]];
}

/** The commits `--to` names: one commit, or the non-merge commits of a range (a rebase merge), oldest first. */
async function targetsOf(root: string, text: string): Promise<string[]> {
  if (!text.includes('..')) return [await requireCommit(root, text)];
  const [from, to] = splitRange(text, '--to');
  const { stdout } = await git(
    ['rev-list', '--first-parent', '--no-merges', '--reverse', `${await requireCommit(root, from)}..${await requireCommit(root, to)}`],
    { cwd: root },
  );
  return stdout.split('\n').filter(Boolean);
}

/**
 * `notes carry --from <base>..<head> --to <commit>|<first>..<last>` and
 * `notes carry --auto --before <sha> [--after <sha>] [--remote <r>] [--pr-head <sha> [--pr-base <sha>]]`.
 */
export async function carryAction(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parse(
    argv,
    {
      from: { type: 'string' },
      to: { type: 'string' },
      auto: { type: 'boolean' },
      before: { type: 'string' },
      after: { type: 'string' },
      remote: { type: 'string' },
      'pr-head': { type: 'string' },
      'pr-base': { type: 'string' },
      json: { type: 'boolean' },
    },
    false,
  );
  const root = (await requireRepository(io)).root;
  await takeInFetchedNotesFor(root, io);
  const settings = await readProvenanceSettings(root);
  const options = { classifier: settings.classifier, riskModel: settings.project.risk };
  const work: MergedWork[] = [];
  const lines: string[] = [];
  if (values.auto) {
    if (values.from || values.to) throw new UsageError('--auto finds --from and --to itself');
    if (!values.before) throw new UsageError('--auto needs --before <sha> (the default branch before the push)');
    const after = await requireCommit(root, values.after ?? 'HEAD');
    const before = /^0+$/.test(values.before) ? await requireCommit(root, `${after}^`) : await requireCommit(root, values.before);
    const plan = await findMergedWork(root, {
      before,
      after,
      ...(values.remote ? { remote: values.remote } : {}),
      ...(values['pr-head'] ? { prHead: await requireCommit(root, values['pr-head']) } : {}),
      ...(values['pr-base'] ? { prBase: await requireCommit(root, values['pr-base']) } : {}),
    });
    work.push(...plan.work);
    for (const commit of plan.annotated) lines.push(`${commit.slice(0, 10)}: has a note already (made with the hooks)`);
    for (const commit of plan.unmatched) lines.push(`${commit.slice(0, 10)}: no merged pull request found; nothing carried`);
  } else {
    if (!values.from || !values.to) throw new UsageError('carry needs --from <base>..<head> and --to <commit> (or --auto)');
    const [base, head] = splitRange(values.from, '--from');
    work.push({
      base: await requireCommit(root, base),
      head: await requireCommit(root, head),
      targets: await targetsOf(root, values.to),
      foundBy: 'given',
    });
  }
  const results: Array<MergedWork & { outcomes: CarryOutcome[] }> = [];
  for (const item of work) {
    const outcomes = await carryNotes(root, item.base, item.head, item.targets, options);
    results.push({ ...item, outcomes });
    for (const outcome of outcomes) lines.push(describe(outcome, item));
  }
  if (values.json) io.stdout(`${JSON.stringify({ carried: results, messages: lines }, null, 2)}\n`);
  else io.stdout(lines.length > 0 ? `${lines.join('\n')}\n` : 'No new commits to carry notes onto.\n');
  return 0;
}

function describe(outcome: CarryOutcome, work: MergedWork): string {
  const short = outcome.target.slice(0, 10);
  const range = `${work.base.slice(0, 10)}..${work.head.slice(0, 10)}${work.foundBy === 'given' ? '' : `, found by ${work.foundBy}`}`;
  if (outcome.kind === 'merge-commit') return `${short}: a merge commit; its merged commits keep their own notes`;
  // A fresh clone has no notes until they are fetched: say so instead of "no AI line".
  if (outcome.kind === 'none' && outcome.sources.length === 0)
    return `${short}: no commit of ${range} has a note here (fetch the notes first: ai-provenance notes sync --no-push)`;
  if (outcome.kind === 'none') return `${short}: no AI line of ${range} is in it`;
  const sources = outcome.sources.length;
  return `${short}: carried ${outcome.aiLines} AI line${outcome.aiLines === 1 ? '' : 's'} from ${sources} commit${sources === 1 ? '' : 's'} of ${range}`;
}
