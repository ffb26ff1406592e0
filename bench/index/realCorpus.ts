import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareDependents, type DependentsComparison } from '../../test/oracle/compare';
import { baselinesInstalled, runDependencyCruiser, runMadge } from './baselines';
import { bundledChild } from './bundledChild';
import type { Corpus } from './corpora';
import { type Measured, lastJsonLine, measure } from './measure';
import type { ToolResult } from './run';

/**
 * The index on one real monorepo, every figure from the same run: the
 * single-thread parse floor, our cold build (and a cold build without
 * name-level detail, for what that detail costs), the warm start from the
 * cache, dependency-cruiser and madge, and the blast radius of each target
 * against the TypeScript oracle (precision, recall, depth agreement).
 */

/** The oracle comparison of one target (its lists cut to the first five), with the target and both timings. */
export interface TargetAgreement extends Omit<DependentsComparison, 'common'> {
  readonly path: string;
  readonly why: string;
  readonly oracleMs: number;
  readonly oursMs: number;
}

export interface RealCorpusResult {
  readonly corpus: string;
  readonly commit: string;
  readonly indexed: number;
  readonly edges: number;
  readonly tools: ToolResult[];
  /** In-process build times of our cold and warm builds (without process start-up). */
  readonly coldBuildMs: number;
  readonly warmBuildMs: number;
  /** The cold build without name-level detail: its best wall and CPU, and its peak RSS. */
  readonly fileLevel: { readonly ms: number; readonly cpuSeconds: number | undefined; readonly maxRssMb: number | undefined } | undefined;
  readonly oracle:
    | { readonly setupMs: number; readonly programFiles: number; readonly maxRssMb: number | undefined; readonly targets: readonly TargetAgreement[] }
    | undefined;
  readonly notes: readonly string[];
}

export interface RealCorpusOptions {
  readonly skipBaselines?: boolean;
  readonly skipOracle?: boolean;
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

const OUT_DIR = __dirname;

function rssMb(measured: Measured | undefined, fallbackKb?: number): number | undefined {
  const kb = measured?.maxRssKb ?? fallbackKb;
  return kb === undefined ? undefined : Math.round(kb / 1024);
}

function tool(name: string, measured: Measured, json?: { maxRssKb?: number }): ToolResult {
  return {
    tool: name,
    ms: measured.ok ? measured.ms : undefined,
    maxRssMb: rssMb(measured, json?.maxRssKb),
    cpuSeconds: measured.ok ? measured.cpuSeconds : undefined,
    ...(measured.ok ? {} : { note: measured.stderr.slice(0, 300) }),
  };
}

interface BuildJson {
  buildMs: number;
  maxRssKb: number;
  stats: { edges: number; indexed: number };
  impacts?: { target: string; dependents: [string, number][]; ms: number }[];
}

export function runRealCorpus(corpus: Corpus, root: string, options: RealCorpusOptions = {}): RealCorpusResult {
  const log = options.log ?? (() => {});
  const timeout = options.timeoutMs ?? 15 * 60_000;
  const scratch = join(tmpdir(), `ai-provenance-bench-corpus-${corpus.name}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const node = process.execPath;
  const child = (script: 'childOurs.js' | 'childFloor.js', args: readonly string[]) => measure(node, [bundledChild(script), ...args], root, timeout);
  const tools: ToolResult[] = [];
  const notes: string[] = [];

  log(`${corpus.name}: floor (single-thread parse of the same files)`);
  const floor = child('childFloor.js', [root]);
  tools.push(tool('floor (raw parse, 1 thread)', floor, lastJsonLine(floor.stdout)));

  // Cold builds, alternating with and without name-level detail; the best of two of each.
  const coldRuns: Measured[] = [];
  const fileLevelRuns: Measured[] = [];
  let coldJson: BuildJson | undefined;
  const cacheDir = join(scratch, 'cache');
  for (let round = 0; round < 2; round++) {
    log(`${corpus.name}: ours, cold build (round ${round + 1})`);
    rmSync(cacheDir, { recursive: true, force: true });
    const cold = child('childOurs.js', ['build', root, cacheDir]);
    if (!cold.ok) throw new Error(`our index failed on ${corpus.name}: ${cold.stderr}`);
    coldRuns.push(cold);
    coldJson ??= lastJsonLine<BuildJson>(cold.stdout);
    log(`${corpus.name}: ours, cold build without name-level detail (round ${round + 1})`);
    const fileLevelCache = join(scratch, 'cache-file-level');
    rmSync(fileLevelCache, { recursive: true, force: true });
    const fileLevel = child('childOurs.js', ['build-file-level', root, fileLevelCache]);
    if (fileLevel.ok) fileLevelRuns.push(fileLevel);
  }
  const best = (runs: Measured[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const cold = best(coldRuns);
  tools.push({
    ...tool('ai-provenance index, cold', cold, lastJsonLine(cold.stdout)),
    cpuSeconds: Math.min(...coldRuns.map((r) => r.cpuSeconds ?? Infinity)),
    maxRssMb: Math.max(...coldRuns.map((r) => rssMb(r) ?? 0)),
  });
  const fileLevelBest = fileLevelRuns.length > 0 ? best(fileLevelRuns) : undefined;

  log(`${corpus.name}: ours, warm start from the cache`);
  const warm = child('childOurs.js', ['build', root, cacheDir]);
  const warmJson = lastJsonLine<BuildJson>(warm.stdout);
  tools.push(tool('ai-provenance index, warm (cached)', warm, warmJson));

  if (!options.skipBaselines && baselinesInstalled()) {
    const scope = { directories: ['.'], ...(existsSync(join(root, 'tsconfig.json')) ? { tsConfig: 'tsconfig.json' } : {}), configDir: scratch };
    log(`${corpus.name}: dependency-cruiser`);
    tools.push(tool('dependency-cruiser', runDependencyCruiser(root, join(scratch, 'dependency-cruiser.json'), timeout, scope)!));
    log(`${corpus.name}: madge`);
    tools.push(tool('madge', runMadge(root, join(scratch, 'madge.json'), timeout, scope)!));
  } else if (!options.skipBaselines) {
    notes.push('dependency-cruiser and madge not installed: npm ci --prefix bench/index/baselines --ignore-scripts');
  }

  let oracle: RealCorpusResult['oracle'];
  if (!options.skipOracle) {
    const targets = corpus.targets.map((target) => target.path);
    log(`${corpus.name}: our blast radius of ${targets.length} targets`);
    const impact = child('childOurs.js', ['impact', root, cacheDir, '-', ...targets]);
    const ours = lastJsonLine<BuildJson>(impact.stdout)?.impacts ?? [];
    log(`${corpus.name}: the TypeScript oracle on the same targets (a whole program and findReferences: minutes)`);
    const truth = measure(node, ['--max-old-space-size=8192', join(OUT_DIR, 'childOracle.js'), root, ...targets], root, 4 * timeout);
    const lines = truth.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const summary = lines.find((line) => 'setupMs' in line) as { setupMs: number; programFiles: number; maxRssKb: number } | undefined;
    if (!truth.ok) notes.push(`oracle failed: ${truth.stderr.slice(0, 300)}`);
    const agreements: TargetAgreement[] = [];
    for (const target of corpus.targets) {
      const answer = lines.find((line) => line.target === target.path) as { dependents: [string, number][]; ms: number } | undefined;
      const mine = ours.find((impactOf) => impactOf.target === target.path);
      if (!answer || !mine) continue;
      const { common: _common, ...comparison } = compareDependents(new Map(mine.dependents), new Map(answer.dependents));
      agreements.push({
        path: target.path,
        why: target.why,
        ...comparison,
        onlyOurs: comparison.onlyOurs.slice(0, 5),
        onlyTruth: comparison.onlyTruth.slice(0, 5),
        depthMismatches: comparison.depthMismatches.slice(0, 5),
        oracleMs: answer.ms,
        oursMs: mine.ms,
      });
    }
    oracle = {
      setupMs: summary?.setupMs ?? Number.NaN,
      programFiles: summary?.programFiles ?? 0,
      maxRssMb: rssMb(truth, summary?.maxRssKb),
      targets: agreements,
    };
  }

  return {
    corpus: corpus.name,
    commit: corpus.commit,
    indexed: coldJson?.stats.indexed ?? 0,
    edges: coldJson?.stats.edges ?? 0,
    tools,
    coldBuildMs: coldJson?.buildMs ?? Number.NaN,
    warmBuildMs: warmJson?.buildMs ?? Number.NaN,
    fileLevel: fileLevelBest
      ? {
          ms: fileLevelBest.ms,
          cpuSeconds: Math.min(...fileLevelRuns.map((r) => r.cpuSeconds ?? Infinity)),
          maxRssMb: Math.max(...fileLevelRuns.map((r) => rssMb(r) ?? 0)),
        }
      : undefined,
    oracle,
    notes,
  };
}

const fixed = (value: number | undefined, digits = 0) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));

export function formatRealCorpus(result: RealCorpusResult): string {
  const lines: string[] = [];
  lines.push(`${result.corpus} @ ${result.commit.slice(0, 12)}: ${result.indexed} files indexed, ${result.edges} file-level edges`);
  lines.push('');
  lines.push(`${'tool'.padEnd(36)} ${'wall ms'.padStart(9)} ${'CPU s'.padStart(7)} ${'peak RSS MB'.padStart(12)}  note`);
  for (const entry of result.tools) {
    lines.push(
      `${entry.tool.padEnd(36)} ${fixed(entry.ms).padStart(9)} ${fixed(entry.cpuSeconds, 1).padStart(7)} ${fixed(entry.maxRssMb).padStart(12)}  ${entry.note ?? ''}`,
    );
  }
  if (result.fileLevel) {
    lines.push(
      `${'  (cold, without name-level detail)'.padEnd(36)} ${fixed(result.fileLevel.ms).padStart(9)} ${fixed(result.fileLevel.cpuSeconds, 1).padStart(7)} ${fixed(result.fileLevel.maxRssMb).padStart(12)}`,
    );
  }
  lines.push(`in-process build: cold ${fixed(result.coldBuildMs)} ms, warm ${fixed(result.warmBuildMs)} ms`);
  for (const note of result.notes) lines.push(`note: ${note}`);
  if (result.oracle) {
    lines.push('');
    lines.push(
      `blast radius vs the TypeScript oracle (${result.oracle.programFiles} files in its program, set up in ${fixed(result.oracle.setupMs / 1000, 1)} s, peak RSS ${fixed(result.oracle.maxRssMb)} MB):`,
    );
    for (const target of result.oracle.targets) {
      lines.push(
        `  ${target.path}: ours ${target.ours}, oracle ${target.truth}; precision ${target.precision.toFixed(3)}, recall ${target.recall.toFixed(3)}, depth agreement ${target.depthAgreement.toFixed(3)} (ours ${fixed(target.oursMs, 1)} ms, oracle ${fixed(target.oracleMs / 1000, 1)} s)`,
      );
      lines.push(`    ${target.why}`);
      if (target.onlyOurs.length > 0) lines.push(`    only ours: ${target.onlyOurs.join(', ')}`);
      if (target.onlyTruth.length > 0) lines.push(`    only the oracle: ${target.onlyTruth.join(', ')}`);
      if (target.depthMismatches.length > 0) lines.push(`    other depth (ours/oracle): ${target.depthMismatches.join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
