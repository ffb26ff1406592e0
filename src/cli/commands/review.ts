import { reviewerName } from '../../core/git';
import { parse, parseLineRange } from '../args';
import { UsageError, type CliCommand } from '../command';
import { openWorkspace } from '../workspace';
import { plural } from '../../core/text';

const LINE_OPTIONS = {
  lines: { type: 'string' },
  store: { type: 'string' },
} as const;

/** Start and end positions covering 0-based lines first..last entirely. */
function lineSpan(range: { first: number; last: number }) {
  return { start: { line: range.first, character: 0 }, end: { line: range.last + 1, character: 0 } };
}

function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} needs exactly one <file>`);
  return positionals[0];
}

export const markReviewedCommand: CliCommand = {
  name: 'mark-reviewed',
  summary: 'mark the AI regions of a file (or some of its lines) as reviewed',
  usage: `Usage: ai-provenance mark-reviewed <file> [--lines a-b] [--by <name>] [--store <dir>]

Marks AI regions as reviewed by <name> (default: git user.name). With
--lines, only the regions' parts on those lines (1-based, inclusive).`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { ...LINE_OPTIONS, by: { type: 'string' } });
    const workspace = await openWorkspace(io, { storeDir: values.store, near: oneFile(positionals, 'mark-reviewed') });
    const path = workspace.repoPath(positionals[0]);
    workspace.store.reconcile(path, workspace.readText(path));
    const review = { by: values.by ?? (await reviewerName(workspace.root)), at: Date.now() };
    const span = values.lines ? lineSpan(parseLineRange(values.lines)) : undefined;
    const marked = workspace.store.markReviewed(path, review, span?.start, span?.end);
    await workspace.store.sync();
    io.stdout(marked > 0 ? `${path}: ${plural(marked, 'region')} marked reviewed by ${review.by}\n` : `${path}: nothing left to review there\n`);
    return 0;
  },
};

export const unmarkCommand: CliCommand = {
  name: 'unmark',
  summary: 'stop treating some lines of a file as AI-written',
  usage: `Usage: ai-provenance unmark <file> --lines a-b [--store <dir>]

Removes the AI mark from lines a..b (1-based, inclusive); regions that
extend beyond them are split.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, LINE_OPTIONS);
    if (!values.lines) throw new UsageError('unmark needs --lines (use `clear` for the whole file)');
    const workspace = await openWorkspace(io, { storeDir: values.store, near: oneFile(positionals, 'unmark') });
    const path = workspace.repoPath(positionals[0]);
    workspace.store.reconcile(path, workspace.readText(path));
    const span = lineSpan(parseLineRange(values.lines));
    const changed = workspace.store.unmark(path, span.start, span.end);
    await workspace.store.sync();
    io.stdout(changed ? `${path}: lines ${values.lines} unmarked\n` : `${path}: no AI regions on lines ${values.lines}\n`);
    return 0;
  },
};

export const clearCommand: CliCommand = {
  name: 'clear',
  summary: 'forget every AI region of a file',
  usage: `Usage: ai-provenance clear <file> [--store <dir>]

Forgets every AI region of <file> (the file itself is not touched; it may
also be a file that no longer exists).`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { store: { type: 'string' } });
    const workspace = await openWorkspace(io, { storeDir: values.store, near: oneFile(positionals, 'clear') });
    const path = workspace.repoPath(positionals[0]);
    const count = workspace.store.regions(path).length;
    workspace.store.clearFile(path);
    await workspace.store.sync();
    io.stdout(`${path}: ${plural(count, 'region')} cleared\n`);
    return 0;
  },
};
