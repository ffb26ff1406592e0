import { blastFactor, DEFAULT_RISK_MODEL, type RiskModelConfig } from '../risk/riskModel';
import type { ExportRow } from './exportSchema';
import {
  INSIGHTS_SCHEMA,
  INSIGHTS_VERSION,
  NOT_LOAD_BEARING,
  type Insights,
  type InsightsRange,
  type LatencyBucket,
  type LineTotals,
  type ReviewTotals,
  type SignOffStatus,
  type TopFile,
  type WeekPoint,
} from './types';
import { weekOf, weeksBetween } from './weeks';

export const TOP_FILES = 20;

export interface AggregateOptions {
  readonly range: Pick<InsightsRange, 'since' | 'base' | 'head' | 'from'>;
  /** Commits in the range (commits that added no line have no row); default: those in the rows. */
  readonly commits?: number;
  readonly signOffs: SignOffStatus;
  /** The blast radius of a file today (the workspace index); rows' recorded radius otherwise. */
  readonly blastRadius?: (repository: string, path: string) => { files: number; loadBearing: number } | undefined;
  readonly riskModel?: RiskModelConfig;
  readonly now?: Date;
}

interface Counter {
  added: number;
  ai: number;
  reviewed: number;
  signedOff: number;
  unreviewed: number;
}

interface FileCounter {
  readonly repository: string;
  readonly path: string;
  readonly class: string | null;
  ai: number;
  unreviewed: number;
  /** The widest blast radius the notes recorded. */
  recorded?: { files: number; loadBearing: number };
}

const counter = (): Counter => ({ added: 0, ai: 0, reviewed: 0, signedOff: 0, unreviewed: 0 });

/** The numbers behind every chart, from export rows (of one repository or many). */
export function aggregate(rows: readonly ExportRow[], options: AggregateOptions): Insights {
  const total = counter();
  const byClass = new Map<string, Counter>();
  const weeks = new Map<string, { commits: Set<string>; total: Counter; byClass: Map<string, Counter> }>();
  const files = new Map<string, FileCounter>();
  const sources = new Map<string, number>();
  const tools = new Map<string, number>();
  const models = new Map<string, number>();
  const commits = new Set<string>();
  const commitsWithAi = new Set<string>();
  const signedOffAt = new Map<string, { committed: number; signed: number }>();
  const repositories = new Set<string>();
  let first: string | undefined;
  let last: string | undefined;
  const weekByDay = new Map<string, string>();
  const weekOfRow = (time: string) => {
    const day = time.slice(0, 10);
    let week = weekByDay.get(day);
    if (week === undefined) weekByDay.set(day, (week = weekOf(time)));
    return week;
  };

  for (const row of rows) {
    const commitKey = `${row.repository}\0${row.commit}`;
    repositories.add(row.repository);
    commits.add(commitKey);
    if (first === undefined || row.committed_at < first) first = row.committed_at;
    if (last === undefined || row.committed_at > last) last = row.committed_at;
    const unreviewed = row.signed_off ? 0 : Math.max(0, row.ai_lines - row.reviewed_lines);
    const cls = row.class ?? NOT_LOAD_BEARING;
    const weekKey = weekOfRow(row.committed_at);
    let week = weeks.get(weekKey);
    if (!week) weeks.set(weekKey, (week = { commits: new Set<string>(), total: counter(), byClass: new Map<string, Counter>() }));
    week.commits.add(commitKey);
    for (const into of [total, classCounter(byClass, cls), week.total, classCounter(week.byClass, cls)]) {
      into.added += row.added_lines;
      into.ai += row.ai_lines;
      into.reviewed += row.reviewed_lines;
      into.signedOff += row.signed_off ? row.ai_lines : 0;
      into.unreviewed += unreviewed;
    }
    if (row.ai_lines === 0) continue;

    commitsWithAi.add(commitKey);
    const fileKey = `${row.repository}\0${row.file}`;
    let file = files.get(fileKey);
    if (!file) files.set(fileKey, (file = { repository: row.repository, path: row.file, class: row.class, ai: 0, unreviewed: 0 }));
    file.ai += row.ai_lines;
    file.unreviewed += unreviewed;
    if (row.blast_radius_files !== null && (file.recorded?.files ?? -1) < row.blast_radius_files) {
      file.recorded = { files: row.blast_radius_files, loadBearing: row.blast_radius_load_bearing ?? 0 };
    }
    addLines(sources, row.sources, row.source_lines);
    addLines(tools, row.tools, row.tool_lines);
    addLines(models, row.models, row.model_lines);
    if (row.signed_off && row.signed_off_at) {
      const committed = Date.parse(row.committed_at);
      const signed = Date.parse(row.signed_off_at);
      const known = signedOffAt.get(commitKey);
      if (!known || signed < known.signed) signedOffAt.set(commitKey, { committed, signed });
    }
  }

  const classes = [...byClass]
    .filter(([name]) => name !== NOT_LOAD_BEARING)
    .sort((a, b) => b[1].ai - a[1].ai || b[1].added - a[1].added || a[0].localeCompare(b[0]))
    .map(([name]) => name);
  if (byClass.has(NOT_LOAD_BEARING)) classes.push(NOT_LOAD_BEARING);

  const weekly: WeekPoint[] =
    first && last
      ? weeksBetween(weekOf(first), weekOf(last)).map((week) => {
          const point = weeks.get(week);
          return {
            week,
            commits: point?.commits.size ?? 0,
            ...lineTotals(point?.total ?? counter()),
            byClass: Object.fromEntries([...(point?.byClass ?? [])].map(([name, value]) => [name, lineTotals(value)])),
          };
        })
      : [];

  const model = options.riskModel ?? DEFAULT_RISK_MODEL;
  const topFiles: TopFile[] = [...files.values()]
    .filter((file) => file.unreviewed > 0)
    .map((file): TopFile => {
      const measured = options.blastRadius?.(file.repository, file.path);
      const radius = measured ? { ...measured, source: 'index' as const } : file.recorded ? { ...file.recorded, source: 'notes' as const } : null;
      const factor = blastFactor(radius ? { dependents: radius.files, loadBearingDependents: radius.loadBearing } : undefined, model);
      return {
        repository: file.repository,
        path: file.path,
        class: file.class,
        aiLines: file.ai,
        unreviewedLines: file.unreviewed,
        blastRadius: radius,
        blastFactor: round(factor, 3),
        weight: round(file.unreviewed * factor, 1),
      };
    })
    .sort((a, b) => b.weight - a.weight || b.unreviewedLines - a.unreviewedLines || a.path.localeCompare(b.path))
    .slice(0, TOP_FILES);

  const latencies = [...signedOffAt.values()].map(({ committed, signed }) => Math.max(0, signed - committed) / 3_600_000).sort((a, b) => a - b);
  return {
    schema: INSIGHTS_SCHEMA,
    version: INSIGHTS_VERSION,
    generatedAt: (options.now ?? new Date()).toISOString(),
    range: {
      repositories: [...repositories].sort(),
      ...options.range,
      ...(first ? { firstCommitAt: first, lastCommitAt: last } : {}),
      commits: options.commits ?? commits.size,
      commitsWithAi: commitsWithAi.size,
      totals: reviewTotals(total),
    },
    weekly,
    classes,
    byClass: Object.fromEntries(classes.map((name) => [name, reviewTotals(byClass.get(name)!)])),
    topFiles,
    tools: { sources: sorted(sources), tools: sorted(tools), models: sorted(models) },
    reviewLatency: {
      signedOffCommits: latencies.length,
      medianHours: quantile(latencies, 0.5),
      p90Hours: quantile(latencies, 0.9),
      buckets: latencyBuckets(latencies),
    },
    signOffs: options.signOffs,
  };
}

const LATENCY_BUCKETS: readonly [string, number | null][] = [
  ['< 1 h', 1],
  ['1–4 h', 4],
  ['4–24 h', 24],
  ['1–3 days', 72],
  ['3–7 days', 168],
  ['> 7 days', null],
];

function latencyBuckets(hours: readonly number[]): LatencyBucket[] {
  return LATENCY_BUCKETS.map(([label, maxHours], index) => {
    const min = index === 0 ? -Infinity : LATENCY_BUCKETS[index - 1][1]!;
    return { label, maxHours, commits: hours.filter((value) => value >= min && (maxHours === null || value < maxHours)).length };
  });
}

/** Nearest-rank quantile of sorted values; null for none. */
function quantile(sortedValues: readonly number[], q: number): number | null {
  if (sortedValues.length === 0) return null;
  return round(sortedValues[Math.min(sortedValues.length - 1, Math.ceil(q * sortedValues.length) - 1)], 2);
}

function lineTotals(value: Counter): LineTotals {
  return { addedLines: value.added, aiLines: value.ai, aiShare: value.added > 0 ? round(value.ai / value.added, 4) : 0 };
}

function reviewTotals(value: Counter): ReviewTotals {
  return { ...lineTotals(value), reviewedLines: value.reviewed, signedOffLines: value.signedOff, unreviewedLines: value.unreviewed };
}

function addLines(into: Map<string, number>, names: readonly string[], lines: readonly number[]): void {
  names.forEach((name, index) => into.set(name, (into.get(name) ?? 0) + (lines[index] ?? 0)));
}

/** Most lines first, then by name. */
function sorted(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

function classCounter(map: Map<string, Counter>, name: string): Counter {
  let value = map.get(name);
  if (!value) map.set(name, (value = counter()));
  return value;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
