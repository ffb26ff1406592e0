import { CORPORA, checkCorpus } from './corpora';
import { type RealCorpusResult, formatRealCorpus, runRealCorpus } from './realCorpus';

/**
 * The real-monorepo part of `npm run bench`: each pinned corpus found under
 * AI_PROVENANCE_CORPORA is measured (bench/index/realCorpus.ts) and its
 * targets become summary rows; a missing corpus is reported with the
 * commands that fetch it.
 */

/** A row of `npm run bench`'s summary table (bench/run.ts prints them). */
export interface SummaryRow {
  readonly benchmark: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean | undefined;
}

export interface CorporaOptions {
  /** Corpus names to run (default: all). */
  readonly only?: readonly string[];
  readonly skipBaselines?: boolean;
  readonly skipOracle?: boolean;
  readonly print: (text: string) => void;
  readonly log: (line: string) => void;
}

/** Per-target agreement with the oracle that counts as met. */
export const ORACLE_AGREEMENT = 0.95;

export function runCorpora(options: CorporaOptions): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const corpus of CORPORA) {
    if (options.only && !options.only.includes(corpus.name)) continue;
    const check = checkCorpus(corpus);
    if (!check.ok) {
      options.print(`${check.message}\n`);
      rows.push({ benchmark: `real monorepo ${corpus.name}`, measured: 'not run', baseline: '—', ratio: '—', target: 'corpus present', met: false });
      continue;
    }
    const result = runRealCorpus(corpus, check.root, { skipBaselines: options.skipBaselines, skipOracle: options.skipOracle, log: options.log });
    options.print(formatRealCorpus(result));
    rows.push(...summaryRows(result));
  }
  return rows;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

export function summaryRows(result: RealCorpusResult): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const name = result.corpus;
  const find = (tool: string) => result.tools.find((entry) => entry.tool.startsWith(tool));
  const cold = find('ai-provenance index, cold');
  const warm = find('ai-provenance index, warm');
  const floor = find('floor');
  if (cold?.ms && floor?.ms) {
    const times = cold.ms / floor.ms;
    rows.push({
      benchmark: `${name}: index cold vs parse floor`,
      measured: ms(cold.ms),
      baseline: `${ms(floor.ms)} (1-thread parse)`,
      ratio: `${times.toFixed(2)}x`,
      target: '<= 1.3x the floor',
      met: times <= 1.3,
    });
  }
  for (const [baseline, needed] of [
    ['dependency-cruiser', 15],
    ['madge', 5],
  ] as const) {
    const other = find(baseline);
    if (!cold?.ms || !other) continue;
    const speedup = other.ms === undefined ? undefined : other.ms / cold.ms;
    rows.push({
      benchmark: `${name}: index cold vs ${baseline}`,
      measured: ms(cold.ms),
      baseline: other.ms === undefined ? `failed: ${other.note ?? ''}`.slice(0, 60) : `${ms(other.ms)} (${baseline})`,
      ratio: speedup === undefined ? '—' : `${speedup.toFixed(1)}x faster`,
      target: `>= ${needed}x faster`,
      met: speedup === undefined ? undefined : speedup >= needed,
    });
  }
  if (cold?.maxRssMb)
    rows.push({
      benchmark: `${name}: index cold peak RSS`,
      measured: `${cold.maxRssMb} MB`,
      baseline: floor?.maxRssMb ? `${floor.maxRssMb} MB (floor)` : '—',
      ratio: '—',
      target: '< 250 MB',
      met: cold.maxRssMb < 250,
    });
  if (warm?.ms)
    rows.push({
      benchmark: `${name}: warm start from the cache (process)`,
      measured: ms(warm.ms),
      baseline: `${ms(result.warmBuildMs)} (in-process build)`,
      ratio: '—',
      target: '< 500 ms',
      met: warm.ms < 500,
    });
  if (cold?.cpuSeconds && result.fileLevel?.cpuSeconds) {
    const cost = cold.cpuSeconds / result.fileLevel.cpuSeconds - 1;
    const memory = cold.maxRssMb && result.fileLevel.maxRssMb ? cold.maxRssMb / result.fileLevel.maxRssMb - 1 : undefined;
    rows.push({
      benchmark: `${name}: name-level resolution cost (cold CPU, RSS)`,
      measured: `${cold.cpuSeconds.toFixed(1)} CPU s, ${cold.maxRssMb} MB`,
      baseline: `${result.fileLevel.cpuSeconds.toFixed(1)} CPU s, ${result.fileLevel.maxRssMb} MB (without)`,
      ratio: `${(cost * 100).toFixed(1)} %, ${memory === undefined ? '—' : `${(memory * 100).toFixed(1)} %`}`,
      target: '<= 10 % each',
      met: cost <= 0.1 && (memory === undefined || memory <= 0.1),
    });
  }
  for (const target of result.oracle?.targets ?? []) {
    const worst = Math.min(target.precision, target.recall, target.depthAgreement);
    rows.push({
      benchmark: `${name}: blast radius of ${target.path.split('/').slice(-2).join('/')} vs TypeScript oracle`,
      measured: `P ${target.precision.toFixed(3)}, R ${target.recall.toFixed(3)}, depth ${target.depthAgreement.toFixed(3)}`,
      baseline: `${target.truth} dependents (oracle), ${target.ours} (ours)`,
      ratio: '—',
      target: `>= ${ORACLE_AGREEMENT} each`,
      met: worst >= ORACLE_AGREEMENT,
    });
  }
  return rows;
}
