import * as assert from 'node:assert/strict';
import { aggregate, EXPORT_SCHEMA_VERSION, type ExportRow } from '../../../src/core/insights';

function row(fields: Partial<ExportRow> & Pick<ExportRow, 'commit' | 'file' | 'committed_at'>): ExportRow {
  return {
    schema_version: EXPORT_SCHEMA_VERSION,
    repository: 'orders',
    author_name: 'Ann',
    author_email: 'ann@example.com',
    class: null,
    added_lines: 0,
    ai_lines: 0,
    reviewed_lines: 0,
    signed_off: false,
    signed_off_at: null,
    signed_off_by: null,
    sources: [],
    source_lines: [],
    tools: [],
    tool_lines: [],
    models: [],
    model_lines: [],
    blast_radius_files: null,
    blast_radius_load_bearing: null,
    ...fields,
  };
}

const NONE = { recorded: false, source: 'no sign-offs recorded' };

describe('insights: aggregation of export rows', () => {
  it('fills quiet weeks with zeros, so the weekly chart shows the gap', () => {
    const insights = aggregate(
      [
        row({ commit: 'a', file: 'x.ts', committed_at: '2026-03-02T10:00:00.000Z', added_lines: 10, ai_lines: 5 }),
        row({ commit: 'b', file: 'x.ts', committed_at: '2026-03-22T23:59:00.000Z', added_lines: 4 }),
      ],
      { range: {}, signOffs: NONE },
    );
    assert.deepEqual(
      insights.weekly.map((week) => [week.week, week.addedLines, week.aiLines, week.aiShare]),
      [
        ['2026-03-02', 10, 5, 0.5],
        ['2026-03-09', 0, 0, 0],
        ['2026-03-16', 4, 0, 0],
      ],
    );
  });

  it('counts signed-off AI lines as reviewed, and review latency from commit to the earliest sign-off', () => {
    const signed = (commit: string, file: string, committed: string, at: string, ai: number) =>
      row({
        commit,
        file,
        committed_at: committed,
        class: 'payments',
        added_lines: ai,
        ai_lines: ai,
        signed_off: true,
        signed_off_at: at,
        signed_off_by: 'Bo',
      });
    const insights = aggregate(
      [
        signed('a', 'pay.ts', '2026-03-02T10:00:00.000Z', '2026-03-02T10:30:00.000Z', 4), // 0.5 h
        signed('b', 'pay.ts', '2026-03-02T10:00:00.000Z', '2026-03-03T12:00:00.000Z', 2), // 26 h
        signed('b', 'refund.ts', '2026-03-02T10:00:00.000Z', '2026-03-02T14:00:00.000Z', 1), // same commit, earlier: 4 h
        row({
          commit: 'c',
          file: 'pay.ts',
          committed_at: '2026-03-03T10:00:00.000Z',
          class: 'payments',
          added_lines: 6,
          ai_lines: 6,
          reviewed_lines: 2,
        }),
      ],
      { range: {}, signOffs: { recorded: true, source: 'refs/notes/ai-provenance-signoffs' } },
    );
    assert.deepEqual(insights.byClass.payments, { addedLines: 13, aiLines: 13, aiShare: 1, reviewedLines: 2, signedOffLines: 7, unreviewedLines: 4 });
    assert.equal(insights.reviewLatency.signedOffCommits, 2);
    assert.equal(insights.reviewLatency.medianHours, 0.5);
    assert.equal(insights.reviewLatency.p90Hours, 4);
    assert.deepEqual(
      insights.reviewLatency.buckets.map((bucket) => [bucket.label, bucket.commits]),
      [
        ['< 1 h', 1],
        ['1–4 h', 0],
        ['4–24 h', 1],
        ['1–3 days', 0],
        ['3–7 days', 0],
        ['> 7 days', 0],
      ],
    );
  });

  it('ranks files by unreviewed AI lines x blast factor: the index first, else the radius the notes recorded', () => {
    const rows = [
      row({
        commit: 'a',
        file: 'hub.ts',
        committed_at: '2026-03-02T10:00:00.000Z',
        added_lines: 10,
        ai_lines: 10,
        blast_radius_files: 15,
        blast_radius_load_bearing: 0,
      }),
      row({ commit: 'a', file: 'leaf.ts', committed_at: '2026-03-02T10:00:00.000Z', added_lines: 12, ai_lines: 12 }),
      row({ commit: 'a', file: 'done.ts', committed_at: '2026-03-02T10:00:00.000Z', added_lines: 50, ai_lines: 50, reviewed_lines: 50 }),
    ];
    const fromNotes = aggregate(rows, { range: {}, signOffs: NONE });
    // 1 + 0.2 x log2(1 + 15) = 1.8: 10 x 1.8 = 18 beats 12 x 1.
    assert.deepEqual(
      fromNotes.topFiles.map((file) => [file.path, file.unreviewedLines, file.blastFactor, file.weight, file.blastRadius?.source ?? null]),
      [
        ['hub.ts', 10, 1.8, 18, 'notes'],
        ['leaf.ts', 12, 1, 12, null],
      ],
    );
    const fromIndex = aggregate(rows, {
      range: {},
      signOffs: NONE,
      blastRadius: (_repository, path) => (path === 'leaf.ts' ? { files: 3, loadBearing: 2 } : undefined),
    });
    // leaf: 1 + 0.2 x 2 + 0.25 x 2 = 1.9 -> 22.8
    assert.deepEqual(
      fromIndex.topFiles.map((file) => [file.path, file.weight, file.blastRadius?.source]),
      [
        ['leaf.ts', 22.8, 'index'],
        ['hub.ts', 18, 'notes'],
      ],
    );
  });

  it('keeps repositories apart: the same path in two repositories is two files', () => {
    const insights = aggregate(
      [
        row({
          repository: 'orders',
          commit: 'a',
          file: 'src/auth.ts',
          committed_at: '2026-03-02T10:00:00.000Z',
          added_lines: 2,
          ai_lines: 2,
          sources: ['inline'],
          source_lines: [2],
        }),
        row({
          repository: 'billing',
          commit: 'a',
          file: 'src/auth.ts',
          committed_at: '2026-03-02T10:00:00.000Z',
          added_lines: 5,
          ai_lines: 5,
          sources: ['agent', 'inline'],
          source_lines: [4, 1],
        }),
      ],
      { range: {}, signOffs: NONE },
    );
    assert.deepEqual(insights.range.repositories, ['billing', 'orders']);
    assert.equal(insights.range.commits, 2);
    assert.deepEqual(
      insights.topFiles.map((file) => `${file.repository}:${file.path}`),
      ['billing:src/auth.ts', 'orders:src/auth.ts'],
    );
    assert.deepEqual(insights.tools.sources, { agent: 4, inline: 3 });
  });

  it('an empty range has no weeks, no files and a zero share', () => {
    const insights = aggregate([], { range: { since: 'yesterday' }, commits: 0, signOffs: NONE });
    assert.deepEqual(insights.weekly, []);
    assert.deepEqual(insights.topFiles, []);
    assert.equal(insights.range.totals.aiShare, 0);
    assert.equal(insights.reviewLatency.medianHours, null);
  });
});
