import { resolve } from 'node:path';
import { readBlobs, toRepoPath } from '../../core/git';
import { BlameInputError, blameProvenance, type FileBlame } from '../../core/provenance';
import { splitLines } from '../../core/text';
import { parse } from '../args';
import { CliError, UsageError, type CliCommand } from '../command';
import { requireRepository, takeInFetchedNotesFor } from '../workspace';

export const blameCommand: CliCommand = {
  name: 'blame',
  summary: 'show, per line of a file, whether an AI wrote it (source, tool, model, commit, reviewed)',
  usage: `Usage: ai-provenance blame <file> [--rev <rev>] [--json]

For each line of <file> at <rev> (default HEAD): the commit that last
changed it (git blame) and, from that commit's note, whether an AI wrote it,
with its source, tool and model and whether it was reviewed. Reads our notes
(refs/notes/ai-provenance, including lines carried onto squash and rebase
merges) and git-ai's (refs/notes/ai).

--json prints {"path", "rev", "lines": [{"line", "ai", "source", "tool",
"model", "commit", "reviewed"}]}, 1-based, one entry per line (source, tool,
model and reviewed only on AI lines).`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { rev: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('blame needs exactly one file');
    const root = (await requireRepository(io)).root;
    const path = toRepoPath(root, resolve(io.cwd, positionals[0]));
    if (!path) throw new CliError(`${positionals[0]} is outside ${root}`);
    let blame: FileBlame;
    try {
      // The notes git fetch brought are merged while git blame runs.
      blame = await blameProvenance(root, path, values.rev ?? 'HEAD', { notesReady: takeInFetchedNotesFor(root, io) });
    } catch (error) {
      if (error instanceof BlameInputError) throw new CliError(error.message);
      throw error;
    }
    for (const problem of blame.problems) io.stderr(`ai-provenance: ${problem}\n`);
    if (values.json) {
      io.stdout(`${JSON.stringify({ path: blame.path, rev: blame.rev, lines: blame.lines.map(({ reviewedBy: _by, ...line }) => line) })}\n`);
      return 0;
    }
    const text = (await readBlobs(root, [`${blame.rev}:${path}`])).get(`${blame.rev}:${path}`)?.toString('utf8') ?? '';
    io.stdout(formatBlame(blame, splitLines(text)));
    return 0;
  },
};

function formatBlame(blame: FileBlame, texts: readonly string[]): string {
  const labels = blame.lines.map((line) => (line.ai ? ['AI', line.source, line.tool, line.model].filter(Boolean).join(' ') : ''));
  const reviews = blame.lines.map((line) =>
    !line.ai ? '' : line.reviewed ? `reviewed${line.reviewedBy ? ` by ${line.reviewedBy}` : ''}` : 'unreviewed',
  );
  const labelWidth = Math.max(0, ...labels.map((label) => label.length));
  const reviewWidth = Math.max(0, ...reviews.map((review) => review.length));
  const numberWidth = String(blame.lines.length).length;
  const rows = blame.lines.map(
    (line, index) =>
      `${line.commit.slice(0, 10)}  ${labels[index].padEnd(labelWidth)}  ${reviews[index].padEnd(reviewWidth)}  ${String(line.line).padStart(numberWidth)}  ${texts[line.line - 1] ?? ''}`,
  );
  const ai = blame.lines.filter((line) => line.ai);
  const reviewed = ai.filter((line) => line.reviewed).length;
  return `${rows.join('\n')}\n${blame.path} at ${blame.rev.slice(0, 10)}: ${ai.length} of ${blame.lines.length} lines written by AI, ${reviewed} reviewed\n`;
}
