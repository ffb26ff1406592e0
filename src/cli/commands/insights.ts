import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { aggregate, insightsDocument, readExportFolder, readPageScript, repositoryInsights, type Insights } from '../../core/insights';
import { parse } from '../args';
import { CliError, UsageError, type CliCommand, type CliIO } from '../command';
import { openRepositoryInput, RANGE_OPTIONS, RANGE_USAGE, reportProblems } from '../insightsInput';

export const insightsCommand: CliCommand = {
  name: 'insights',
  summary: 'charts of a history’s AI code over time: an offline HTML report or the numbers as JSON',
  usage: `Usage: ai-provenance insights [--since <date>] [--base <ref>] (--html <file> | --json)
       ai-provenance insights --from <folder of exports> (--html <file> | --json)

The AI share of added lines per week (overall and per load-bearing class),
unreviewed and signed-off AI lines per class, the 20 files with the most
unreviewed AI lines weighted by blast radius, sources, tools and models,
and review latency (commit to sign-off). Reads the notes
(refs/notes/ai-provenance) incrementally: each commit once, cached in
<git common dir>/ai-provenance/${'insights-cache.json'}.

  --html <file>        write one self-contained HTML file (no network requests; charts and data tables)
  --json               print the numbers behind the charts
  --from <folder>      the *.jsonl and *.parquet files of \`ai-provenance export\` (many repositories)
  --title <text>       the report's title
${RANGE_USAGE}

Without --html or --json, prints a short summary.`,
  async run(argv, io) {
    const { values } = parse(
      argv,
      { ...RANGE_OPTIONS, html: { type: 'string' }, json: { type: 'boolean' }, from: { type: 'string' }, title: { type: 'string' } },
      false,
    );
    if (values.from !== undefined && (values.base !== undefined || values.head !== undefined || values.since !== undefined)) {
      throw new UsageError('--from reads exports as they are: filter when exporting (--since, --base)');
    }
    const insights = values.from !== undefined ? await fromExports(io, values.from) : await fromRepository(io, values);
    if (values.html !== undefined) {
      const title = values.title ?? `AI Provenance insights: ${insights.range.repositories.join(', ') || 'no repository'}`;
      const html = insightsDocument(insights, {
        title,
        nonce: randomBytes(16).toString('base64'),
        script: { inline: await readPageScript() },
        fileLinks: false,
      });
      await writeFile(resolve(io.cwd, values.html), html);
      io.stderr(`ai-provenance: wrote ${values.html} (${insights.range.commits} commits)\n`);
    }
    if (values.json) io.stdout(`${JSON.stringify(insights, null, 2)}\n`);
    else if (values.html === undefined) io.stdout(summaryText(insights));
    return 0;
  },
};

async function fromRepository(io: CliIO, values: { since?: string; base?: string; head?: string; repository?: string }): Promise<Insights> {
  const input = await openRepositoryInput(io, values, true);
  try {
    const { insights, problems } = await repositoryInsights(input.root, input.options);
    reportProblems(io, problems);
    return insights;
  } catch (error) {
    throw new CliError((error as Error).message.split('\n')[0]);
  } finally {
    input.release();
  }
}

async function fromExports(io: CliIO, folder: string): Promise<Insights> {
  let read;
  try {
    read = await readExportFolder(resolve(io.cwd, folder));
  } catch (error) {
    throw new CliError(`cannot read ${folder}: ${(error as Error).message}`);
  }
  if (read.files.length === 0) throw new CliError(`${folder} has no *.jsonl or *.parquet exports`);
  reportProblems(io, read.problems);
  // Sign-offs travel in the rows: any signed-off row means they were recorded.
  const recorded = read.rows.some((row) => row.signed_off);
  return aggregate(read.rows, { range: { from: folder }, signOffs: { recorded, source: recorded ? 'the exports' : 'no sign-offs in the exports' } });
}

function summaryText(insights: Insights): string {
  const { range } = insights;
  const share = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `${range.commits} commits (${range.commitsWithAi} with AI lines)${range.firstCommitAt ? `, ${range.firstCommitAt.slice(0, 10)} to ${range.lastCommitAt!.slice(0, 10)}` : ''}`,
    `AI share of added lines: ${share(range.totals.aiShare)} (${range.totals.aiLines} of ${range.totals.addedLines})`,
    `unreviewed AI lines: ${range.totals.unreviewedLines}; signed off: ${insights.signOffs.recorded ? range.totals.signedOffLines : insights.signOffs.source}`,
    ...insights.classes.map((name) => `  ${name}: ${share(insights.byClass[name].aiShare)} AI, ${insights.byClass[name].unreviewedLines} unreviewed`),
    ...(insights.topFiles.length > 0 ? ['top files (unreviewed AI lines x blast factor):'] : []),
    ...insights.topFiles.slice(0, 5).map((file) => `  ${file.weight.toFixed(1).padStart(7)}  ${file.path}`),
    'Charts: ai-provenance insights --html insights.html',
  ];
  return `${lines.join('\n')}\n`;
}
