// `npm run bench`: every speed and memory target of the project, each next
// to a baseline measured in the same run, then one summary table.
//
//   npm run bench                       all benchmarks (index: 5,000 files with baselines)
//   npm run bench -- --quick            smaller sizes, no index baselines (a few minutes)
//   npm run bench -- --only index,git   some of: tracking, views, classifier, git, blame, index, insights, store
//   npm run bench -- --index-files 20000
//   npm run bench -- --only index --corpora payload --no-oracle
//                                       real monorepos come from $AI_PROVENANCE_CORPORA (see bench/index/corpora.ts);
//                                       --no-corpora skips them, --no-oracle skips the TypeScript oracle
//
// Wall-clock numbers depend on what else the machine runs: the load per core
// is printed, and the ratios against in-run baselines are what to compare.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { measureEventCost } from './capture/eventCost';
import { formatBlameBench, runBlameBench } from './blame/blameBench';
import { formatGitBench, gitBenchFigures, runGitBench } from './git/hookBench';
import { baselinesInstalled, BASELINES_DIR } from './index/baselines';
import { runCorpora, type SummaryRow } from './index/corporaSection';
import { formatIndexBench, runIndexBench } from './index/run';
import { formatInsightsBench, runInsightsBench } from './insights/insightsBench';
import { formatClassifierBench, runClassifierBench } from './loadBearing/classifierBench';
import { formatFaultReport, runStoreFaults } from './store/faultInjection';
import { DECORATION_BUDGET_MS, runViewsBench } from './views/viewsBench';

const SECTIONS = ['tracking', 'views', 'classifier', 'git', 'blame', 'index', 'insights', 'store'] as const;
type Section = (typeof SECTIONS)[number];

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function selectedSections(): Set<Section> {
  const only = option('--only');
  if (!only) return new Set(SECTIONS);
  const names = only.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--only: unknown benchmark "${name}" (known: ${SECTIONS.join(', ')})`);
  }
  return new Set(names as Section[]);
}

const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
const ratio = (value: number, baseline: number) => (baseline > 0 ? `${(value / baseline).toFixed(value / baseline < 0.1 ? 3 : 1)}x` : '—');

function heading(title: string): void {
  console.log(`\n## ${title}\n`);
}

async function tracking(rows: SummaryRow[]): Promise<void> {
  heading('Capture and tracking: cost per document change event');
  const cost = await measureEventCost();
  console.log(`${cost.events} events on a file with ${cost.regions} live regions (classify + track):`);
  console.log(`  median ${cost.medianMs.toFixed(4)} ms, p95 ${cost.p95Ms.toFixed(4)} ms, p99 ${cost.p99Ms.toFixed(4)} ms`);
  console.log(`  baseline (the same change spliced into an array of lines): median ${cost.floorMedianMs.toFixed(4)} ms`);
  rows.push({
    benchmark: 'change event, 1,000 regions (median)',
    measured: `${cost.medianMs.toFixed(4)} ms`,
    baseline: `${cost.floorMedianMs.toFixed(4)} ms (line splice)`,
    ratio: ratio(cost.medianMs, cost.floorMedianMs),
    target: '< 0.05 ms',
    met: cost.medianMs < 0.05,
  });
}

function views(rows: SummaryRow[]): void {
  heading('Views: decoration refresh per visible editor');
  const result = runViewsBench();
  console.log(`${result.regions} regions in ${result.files} files (CPU time per refresh; ranges handed to the editor's setDecorations):`);
  for (const timing of [...result.timings, result.baseline]) {
    console.log(
      `  ${timing.name}: median ${timing.medianMs.toFixed(3)} ms, p95 ${timing.p95Ms.toFixed(3)} ms, ${timing.ranges} ranges${timing.budgeted ? '' : ' (not held to the budget)'}`,
    );
  }
  rows.push({
    benchmark: `decoration refresh, worst case (median): ${result.worst.name.replace(/^worst case,? ?/, '')}`,
    measured: ms(result.worst.medianMs, 3),
    baseline: `${ms(result.baseline.medianMs, 3)} (whole file, every type set)`,
    ratio: ratio(result.worst.medianMs, result.baseline.medianMs),
    target: `< ${DECORATION_BUDGET_MS} ms`,
    met: result.withinBudget,
  });
}

function classifier(rows: SummaryRow[]): void {
  heading('Load-bearing classification');
  const result = runClassifierBench();
  console.log(formatClassifierBench(result));
  rows.push({
    benchmark: `classify ${result.paths.toLocaleString('en-US')} paths`,
    measured: ms(result.bestMs),
    baseline: `${ms(result.floorMs)} (split + lookups)`,
    ratio: ratio(result.bestMs, result.floorMs),
    target: `< ${result.targetMs} ms`,
    met: result.bestMs < result.targetMs,
  });
}

async function git(rows: SummaryRow[], quick: boolean): Promise<void> {
  heading('Commit hooks: a whole git commit of 1,000 files (prepare-commit-msg, commit-msg, post-commit)');
  // A typical commit (a few files with AI regions), then the worst case (every file has some); `-m`, then with an editor.
  const cases = quick
    ? ([[20, 'message']] as const)
    : ([
        [20, 'message'],
        [1000, 'message'],
        [20, 'editor'],
      ] as const);
  for (const [aiFiles, flow] of cases) {
    const result = await runGitBench({ files: 1000, aiFiles, flow, runs: quick ? 3 : 9, log: (line) => console.error(`  git: ${line}`) });
    console.log(formatGitBench(result));
    const figures = gitBenchFigures(result);
    const m = result.medianMs;
    rows.push({
      benchmark: `git commit with the three hooks, ${result.files} files (${result.aiFiles} with AI${flow === 'editor' ? ', message from an editor' : ', -m'})`,
      measured: `${ms(m.commit, 0)} (hooks ${ms(figures.hooksMs, 0)})`,
      baseline: `${ms(figures.floorMs, 0)} (commit without hooks ${m.hooklessCommit} + node start-up ${m.nodeStartup} + staged diff ${m.stagedDiff})`,
      ratio: `${figures.ratio.toFixed(2)}x`,
      target: `hooks < ${result.targetMs} ms, <= ${result.targetRatio}x`,
      met: figures.met,
    });
  }
}

async function blame(rows: SummaryRow[], quick: boolean): Promise<void> {
  heading('ai-provenance blame on a 5,000-line file with 1,000 commits of history');
  const result = await runBlameBench({ runs: quick ? 3 : 5, log: (line) => console.error(`  blame: ${line}`) });
  console.log(formatBlameBench(result));
  rows.push({
    benchmark: `blame, ${result.lines.toLocaleString('en-US')} lines, ${result.commits.toLocaleString('en-US')} commits (CLI, median)`,
    measured: ms(result.medianMs.cli, 0),
    baseline: `${ms(result.medianMs.gitBlame, 0)} (git blame alone)`,
    ratio: ratio(result.medianMs.cli, result.medianMs.gitBlame),
    target: `< ${result.targetMs} ms`,
    met: result.medianMs.cli < result.targetMs,
  });
  if (result.medianCpuMs) {
    rows.push({
      benchmark: 'blame, same file (CPU, children included, median)',
      measured: ms(result.medianCpuMs.cli, 0),
      baseline: `${ms(result.medianCpuMs.gitBlame, 0)} (git blame alone)`,
      ratio: ratio(result.medianCpuMs.cli, result.medianCpuMs.gitBlame),
      target: '(less load-sensitive)',
      met: undefined,
    });
  }
}

async function store(rows: SummaryRow[], quick: boolean): Promise<void> {
  heading('Region store under faults: concurrent writers, SIGKILLs, a read-only store directory, stale locks (docs/RELIABILITY.md)');
  const report = await runStoreFaults({
    rounds: quick ? 4 : 20,
    cliWriters: 12,
    storeWriterChildren: 3,
    regionsPerChild: 6,
    killsPerRound: 5,
    seed: 20261203,
    log: (line) => console.error(`  store: ${line}`),
  });
  console.log(formatFaultReport(report));
  rows.push({
    benchmark: `regions lost: ${report.writers.cli + report.writers.storeChildren + 1} writers, ${report.kills} SIGKILLs, ${report.faults.readOnlyWindows + report.faults.staleLocks + report.faults.liveHolders} faults`,
    measured: `${report.lost} of ${report.acknowledged}; ${report.evictions} live holders evicted`,
    baseline: '',
    ratio: '',
    target: '0 lost, 0 evicted',
    met: report.lost === 0 && report.evictions === 0 && report.damagedStores === 0,
  });
}

async function index(rows: SummaryRow[], quick: boolean): Promise<void> {
  const files = Number(option('--index-files') ?? (quick ? 2000 : 5000));
  const withBaselines = !quick && !process.argv.includes('--no-baselines');
  if (withBaselines && !baselinesInstalled()) installBaselines();
  heading(`Workspace index on a synthetic monorepo of ${files.toLocaleString('en-US')} TypeScript files`);
  const result = await runIndexBench({ files, skipBaselines: !withBaselines, log: (line) => console.error(`  index: ${line}`) });
  console.log(formatIndexBench(result));
  const tool = (name: string) => result.tools.find((candidate) => candidate.tool.startsWith(name));
  const cold = tool('ai-provenance index, cold');
  const floor = tool('floor');
  const cruiser = tool('dependency-cruiser');
  const madge = tool('madge');
  const row = (benchmark: string, baselineName: string, baseline: number | undefined, needed: number) => {
    if (!cold?.ms || !baseline) return;
    const speedup = baseline / cold.ms;
    rows.push({
      benchmark,
      measured: ms(cold.ms, 0),
      baseline: `${ms(baseline, 0)} (${baselineName})`,
      ratio: `${speedup.toFixed(1)}x faster`,
      target: `>= ${needed}x faster`,
      met: speedup >= needed,
    });
  };
  row('index cold vs dependency-cruiser', 'dependency-cruiser', cruiser?.ms, 10);
  row('index cold vs madge', 'madge', madge?.ms, 5);
  if (cold?.ms && floor?.ms) {
    rows.push({
      benchmark: 'index cold vs raw parse floor',
      measured: ms(cold.ms, 0),
      baseline: `${ms(floor.ms, 0)} (1-thread parse)`,
      ratio: ratio(cold.ms, floor.ms),
      target: '<= 2x the floor',
      met: cold.ms <= 2 * floor.ms,
    });
  }
  rows.push({
    benchmark: 'incremental update after one save (median)',
    measured: ms(result.ours.incrementalMedianMs, 2),
    baseline: cold?.ms ? `${ms(cold.ms, 0)} (cold build)` : '—',
    ratio: cold?.ms ? ratio(result.ours.incrementalMedianMs, cold.ms) : '—',
    target: '< 20 ms',
    met: result.ours.incrementalMedianMs < 20,
  });
  rows.push({
    benchmark: 'impact query, warm (median)',
    measured: ms(result.ours.impactMedianMs, 2),
    baseline: `p90 ${ms(result.ours.impactP90Ms, 1)}`,
    ratio: '—',
    target: '< 5 ms',
    met: result.ours.impactMedianMs < 5,
  });
  const baselineRss = [cruiser?.maxRssMb, madge?.maxRssMb].filter((value): value is number => value !== undefined);
  if (cold?.maxRssMb && baselineRss.length > 0) {
    const lowest = Math.min(...baselineRss);
    rows.push({
      benchmark: 'index peak RSS',
      measured: `${cold.maxRssMb} MB`,
      baseline: `${lowest} MB (lowest baseline)`,
      ratio: ratio(cold.maxRssMb, lowest),
      target: 'below both baselines',
      met: cold.maxRssMb < lowest,
    });
  }
  if (process.argv.includes('--no-corpora')) return;
  heading('Workspace index on real monorepos (AI_PROVENANCE_CORPORA), with the TypeScript oracle');
  const only = option('--corpora')?.split(',');
  rows.push(
    ...runCorpora({
      ...(only ? { only } : {}),
      skipBaselines: !withBaselines,
      skipOracle: process.argv.includes('--no-oracle'),
      print: (text) => console.log(text),
      log: (line) => console.error(`  index: ${line}`),
    }),
  );
}

async function insights(rows: SummaryRow[], quick: boolean): Promise<void> {
  const commits = Number(option('--insights-commits') ?? (quick ? 2000 : 10_000));
  heading(`Insights on a history of ${commits.toLocaleString('en-US')} commits with notes`);
  const result = await runInsightsBench({ commits, runs: quick ? 1 : 3, log: (line) => console.error(`  insights: ${line}`) });
  console.log(formatInsightsBench(result));
  const baseline = `${ms(result.baselineMs, 0)} (git log --notes=ai-provenance)`;
  const cpu = (value: number | undefined) => (value === undefined ? '' : ` (CPU ${ms(value, 0)})`);
  rows.push({
    benchmark: `insights --json, ${result.commits} commits, cold`,
    measured: `${ms(result.coldMs, 0)}${cpu(result.cpuMs.cold)}`,
    baseline,
    ratio: ratio(result.coldMs, result.baselineMs),
    target: `< ${result.targets.coldMs} ms`,
    met: result.coldMs < result.targets.coldMs,
  });
  rows.push({
    benchmark: `insights --json, ${result.commits} commits, warm`,
    measured: `${ms(result.warmMs, 0)}${cpu(result.cpuMs.warm)}`,
    baseline,
    ratio: ratio(result.warmMs, result.baselineMs),
    target: `< ${result.targets.warmMs} ms`,
    met: result.warmMs < result.targets.warmMs,
  });
}

/** The baselines need their own install (TypeScript 5 for their parsers); from the npm registry only. */
function installBaselines(): void {
  console.error(`  installing the index baselines into ${BASELINES_DIR} (npm ci)…`);
  const result = spawnSync('npm', ['ci', '--prefix', BASELINES_DIR, '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(join(BASELINES_DIR, 'node_modules'))) {
    console.error('  could not install dependency-cruiser and madge: the index is measured without them.');
  }
}

function printSummary(rows: SummaryRow[]): void {
  heading('Summary');
  console.log('| benchmark | measured | baseline (same run) | ratio | target | met |');
  console.log('|---|---:|---:|---:|---|:---:|');
  for (const row of rows) {
    console.log(
      `| ${row.benchmark} | ${row.measured} | ${row.baseline} | ${row.ratio} | ${row.target} | ${row.met === undefined ? '—' : row.met ? 'yes' : '**no**'} |`,
    );
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const sections = selectedSections();
  console.log(`# AI Provenance benchmarks`);
  console.log(
    `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load per core ${(loadavg()[0]! / availableParallelism()).toFixed(2)} at start${quick ? ', --quick' : ''}`,
  );
  const rows: SummaryRow[] = [];
  if (sections.has('tracking')) await tracking(rows);
  if (sections.has('views')) views(rows);
  if (sections.has('classifier')) classifier(rows);
  if (sections.has('git')) await git(rows, quick);
  if (sections.has('blame')) await blame(rows, quick);
  if (sections.has('index')) await index(rows, quick);
  if (sections.has('insights')) await insights(rows, quick);
  if (sections.has('store')) await store(rows, quick);
  printSummary(rows);
  console.log(`\nLoad per core at the end: ${(loadavg()[0]! / availableParallelism()).toFixed(2)} (above 1, wall times are inflated by other work).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
