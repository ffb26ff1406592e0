import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXPORT_COLUMNS, type ExportRow, type Insights } from '../../../src/core/insights';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { smallHistory } from './support/historyRepo';

/** Every row DuckDB reads from a Parquet file, as plain JSON values (timestamps as ISO strings). */
async function duckdbRows(path: string): Promise<{ rows: Record<string, unknown>[]; types: Record<string, string> }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const source = `read_parquet('${path.replace(/'/g, "''")}')`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const types = Object.fromEntries(described.getRowObjectsJson().map((column) => [String(column.column_name), String(column.column_type)]));
    const select = EXPORT_COLUMNS.map((column) =>
      column.type === 'timestamp' ? `strftime(${column.name} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS ${column.name}` : `"${column.name}"`,
    ).join(', ');
    const reader = await connection.runAndReadAll(`SELECT ${select} FROM ${source} ORDER BY "commit", file`);
    return { rows: reader.getRowObjectsJson() as Record<string, unknown>[], types };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('insights: export (JSON Lines, Parquet) and insights --from (real git, DuckDB)', function () {
  this.timeout(60_000);
  const tempDir = useTempDir();

  it('writes one row per commit x file; DuckDB reads the Parquet file back with the same values and types', async () => {
    const { repo, commits } = await smallHistory(join(tempDir(), 'orders'));
    const jsonl = runCli(['export', '--format', 'jsonl'], { cwd: repo.root });
    assert.equal(jsonl.code, 0, jsonl.stderr);
    const rows = jsonl.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ExportRow);
    assert.deepEqual(
      rows.map((row) => [row.commit, row.file, row.class, row.added_lines, row.ai_lines, row.reviewed_lines]),
      [
        [commits[2], 'src/auth/session.ts', 'auth', 4, 4, 4],
        [commits[1], 'src/payments/charge.ts', 'payments', 3, 3, 0],
        [commits[1], 'src/util/format.ts', null, 2, 0, 0],
        [commits[0], 'src/util/format.ts', null, 4, 0, 0],
      ],
    );
    const charge = rows[1];
    assert.deepEqual(
      [charge.repository, charge.author_name, charge.committed_at, charge.sources, charge.source_lines, charge.tools, charge.models],
      ['orders', 'Test User', '2026-01-14T09:00:00.000Z', ['inline'], [3], ['copilot'], ['gpt-4o']],
    );
    assert.deepEqual(
      Object.keys(charge),
      EXPORT_COLUMNS.map((column) => column.name),
    );

    const parquet = join(tempDir(), 'orders.parquet');
    const written = runCli(['export', '--format', 'parquet', '--output', parquet], { cwd: repo.root });
    assert.equal(written.code, 0, written.stderr);
    const read = await duckdbRows(parquet);
    const byKey = (list: readonly Record<string, unknown>[]) =>
      [...list].sort((a, b) => `${a.commit}${a.file}`.localeCompare(`${b.commit}${b.file}`));
    assert.deepEqual(byKey(read.rows), byKey(rows as unknown as Record<string, unknown>[]));
    assert.equal(read.types.committed_at, 'TIMESTAMP WITH TIME ZONE');
    assert.equal(read.types.sources, 'VARCHAR[]');
    assert.equal(read.types.source_lines, 'INTEGER[]');
    assert.equal(read.types.signed_off, 'BOOLEAN');
  });

  it('--since limits the rows; bad usage exits 2 with a message', async () => {
    const { repo } = await smallHistory(join(tempDir(), 'orders'));
    const since = runCli(['export', '--format', 'jsonl', '--since', '2026-01-15'], { cwd: repo.root });
    assert.deepEqual(
      since.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as ExportRow).file),
      ['src/auth/session.ts'],
    );
    const noFormat = runCli(['export'], { cwd: repo.root });
    assert.equal(noFormat.code, 2);
    assert.match(noFormat.stderr, /export needs --format jsonl or --format parquet/);
    const noOutput = runCli(['export', '--format', 'parquet'], { cwd: repo.root });
    assert.equal(noOutput.code, 2);
    assert.match(noOutput.stderr, /--format parquet needs --output <file>/);
  });

  it('insights --from draws the same numbers from a folder of Parquet and JSON Lines exports of several repositories', async () => {
    const { repo } = await smallHistory(join(tempDir(), 'orders'));
    const folder = join(tempDir(), 'exports');
    mkdirSync(folder);
    assert.equal(runCli(['export', '--format', 'parquet', '--output', join(folder, 'orders.parquet')], { cwd: repo.root }).code, 0);
    const billing = runCli(['export', '--format', 'jsonl', '--repository', 'billing'], { cwd: repo.root });
    writeFileSync(join(folder, 'billing.jsonl'), `${billing.stdout}not json\n`);
    writeFileSync(join(folder, 'notes.txt'), 'not an export');

    const direct = JSON.parse(runCli(['insights', '--json'], { cwd: repo.root }).stdout) as Insights;
    const merged = runCli(['insights', '--from', folder, '--json'], { cwd: repo.root });
    assert.equal(merged.code, 0, merged.stderr);
    assert.match(merged.stderr, /billing\.jsonl:5: not JSON/);
    const both = JSON.parse(merged.stdout) as Insights;
    assert.deepEqual(both.range.repositories, ['billing', 'orders']);
    assert.equal(both.range.commits, 2 * direct.range.commits);
    assert.equal(both.range.totals.aiLines, 2 * direct.range.totals.aiLines);
    assert.deepEqual(
      both.weekly.map((week) => [week.week, week.addedLines / 2, week.aiLines / 2]),
      direct.weekly.map((week) => [week.week, week.addedLines, week.aiLines]),
    );
    assert.deepEqual(both.classes, direct.classes);
    assert.deepEqual(
      both.topFiles.map((file) => `${file.repository}:${file.path}:${file.unreviewedLines}`),
      ['billing:src/payments/charge.ts:3', 'orders:src/payments/charge.ts:3'],
    );
    assert.deepEqual(both.tools.tools, { 'claude-code': 8, copilot: 6 });

    const empty = join(tempDir(), 'empty');
    mkdirSync(empty);
    const none = runCli(['insights', '--from', empty, '--json'], { cwd: repo.root });
    assert.equal(none.code, 1);
    assert.match(none.stderr, /has no \*\.jsonl or \*\.parquet exports/);
  });
});
