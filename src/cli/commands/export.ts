import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { repositoryRows, toJsonLines, toParquet } from '../../core/insights';
import { generatorName } from '../../core/provenance';
import { parse } from '../args';
import { CliError, UsageError, type CliCommand } from '../command';
import { openRepositoryInput, RANGE_OPTIONS, RANGE_USAGE, reportProblems } from '../insightsInput';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export the AI provenance of a history as rows (commit x file) in JSON Lines or Parquet',
  usage: `Usage: ai-provenance export --format jsonl|parquet [--output <file>] [--since <date>] [--base <ref>]

One row per commit and file the commit added lines to: repository, commit,
author, time, file, load-bearing class, added/AI/reviewed lines, sign-off,
sources, tools, models and the recorded blast radius. Schema version 1,
documented in docs/INSIGHTS.md. Load the files into DuckDB, BigQuery,
Spark or Trino, or draw them with \`ai-provenance insights --from <folder>\`.

  --format jsonl|parquet   JSON Lines (default: to standard output) or Parquet (needs --output)
  --output <file>          where to write
${RANGE_USAGE}`,
  async run(argv, io) {
    const { values } = parse(argv, { ...RANGE_OPTIONS, format: { type: 'string' }, output: { type: 'string' } }, false);
    if (values.format !== 'jsonl' && values.format !== 'parquet') throw new UsageError('export needs --format jsonl or --format parquet');
    if (values.format === 'parquet' && values.output === undefined) throw new UsageError('--format parquet needs --output <file>');
    const input = await openRepositoryInput(io, values, false);
    let rows;
    try {
      const read = await repositoryRows(input.root, input.options);
      reportProblems(io, read.problems);
      rows = read.rows;
    } catch (error) {
      throw new CliError((error as Error).message.split('\n')[0]);
    } finally {
      input.release();
    }
    const contents = values.format === 'jsonl' ? toJsonLines(rows) : await toParquet(rows, generatorName());
    if (values.output === undefined) io.stdout(contents as string);
    else {
      await writeFile(resolve(io.cwd, values.output), contents);
      io.stderr(`ai-provenance: wrote ${rows.length} rows to ${values.output}\n`);
    }
    return 0;
  },
};
