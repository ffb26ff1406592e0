import { mkdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EdgeComparison, compareWithDependencyCruiser } from './accuracy';
import { baselinesInstalled, runDependencyCruiser, runMadge } from './baselines';
import { bundledChild } from './bundledChild';
import { generateMonorepo } from './generate';
import { type Measured, lastJsonLine, measure } from './measure';

/**
 * The index benchmark: builds a synthetic monorepo, then measures our index
 * (cold, warm, incremental, impact queries), the raw tree-sitter floor and the
 * dependency-cruiser and madge baselines, each in its own process, and
 * compares our edges with dependency-cruiser's.
 */

export interface IndexBenchOptions {
  /** TypeScript files in the generated tree (default 20,000). */
  readonly files?: number;
  readonly seed?: number;
  /** Where to generate (default <tmp>/ai-provenance-bench-index, outside any git repository). */
  readonly dir?: string;
  readonly skipBaselines?: boolean;
  /** Per-baseline time limit (default 15 minutes). */
  readonly baselineTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface ToolResult {
  readonly tool: string;
  readonly ms: number | undefined;
  readonly maxRssMb: number | undefined;
  readonly cpuSeconds?: number | undefined;
  readonly note?: string;
}

export interface IndexBenchResult {
  readonly machine: { cpus: number; model: string; node: string };
  readonly tree: { tsFiles: number; pyFiles: number; goFiles: number; megabytes: number };
  readonly tools: ToolResult[];
  readonly ours: {
    readonly coldMs: number;
    readonly warmMs: number;
    readonly incrementalMedianMs: number;
    readonly incrementalP90Ms: number;
    readonly impactMedianMs: number;
    readonly impactMaxMs: number;
    readonly impactP90Ms: number;
    readonly impactMeanDependents: number;
    readonly edges: number;
    readonly indexedFiles: number;
  };
  readonly accuracy: EdgeComparison | undefined;
}

function rssMb(measured: Measured | undefined, fallbackKb?: number): number | undefined {
  const kb = measured?.maxRssKb ?? fallbackKb;
  return kb === undefined ? undefined : Math.round(kb / 1024);
}

export async function runIndexBench(options: IndexBenchOptions = {}): Promise<IndexBenchResult> {
  const log = options.log ?? (() => {});
  const files = options.files ?? 20_000;
  const dir = options.dir ?? join(tmpdir(), 'ai-provenance-bench-index');
  const scratch = `${dir}-scratch`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  log(`generating ${files} TypeScript files (+ Python, Go) in ${dir}`);
  const tree = generateMonorepo({ dir, files, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const timeout = options.baselineTimeoutMs ?? 15 * 60_000;
  const node = process.execPath;
  const tools: ToolResult[] = [];

  log('floor: single-threaded web-tree-sitter parse + import query');
  const floor = measure(node, [bundledChild('childFloor.js'), dir], dir, timeout);
  const floorJson = lastJsonLine<{ ms: number; maxRssKb: number }>(floor.stdout);
  tools.push({
    tool: 'floor (raw parse, 1 thread)',
    ms: floor.ok ? floor.ms : undefined,
    maxRssMb: rssMb(floor, floorJson?.maxRssKb),
    cpuSeconds: floor.cpuSeconds,
    ...(floor.ok ? {} : { note: floor.stderr.slice(0, 200) }),
  });

  const cacheDir = join(scratch, 'cache');
  const edgesFile = join(scratch, 'our-edges.json');
  log('ours: cold build');
  const cold = measure(node, [bundledChild('childOurs.js'), 'build', dir, cacheDir, edgesFile], dir, timeout);
  const coldJson = lastJsonLine<{ buildMs: number; maxRssKb: number; stats: { edges: number; indexed: number } }>(cold.stdout);
  if (!cold.ok || !coldJson) throw new Error(`our index failed: ${cold.stderr}`);
  tools.push({ tool: 'ai-provenance index, cold', ms: cold.ms, maxRssMb: rssMb(cold, coldJson.maxRssKb), cpuSeconds: cold.cpuSeconds });
  log('ours: warm build');
  const warm = measure(node, [bundledChild('childOurs.js'), 'build', dir, cacheDir], dir, timeout);
  const warmJson = lastJsonLine<{ buildMs: number; maxRssKb: number }>(warm.stdout);
  tools.push({ tool: 'ai-provenance index, warm (cached)', ms: warm.ms, maxRssMb: rssMb(warm, warmJson?.maxRssKb), cpuSeconds: warm.cpuSeconds });

  let accuracy: EdgeComparison | undefined;
  if (!options.skipBaselines && baselinesInstalled()) {
    const cruiserOut = join(scratch, 'dependency-cruiser.json');
    log('dependency-cruiser');
    const cruiser = runDependencyCruiser(dir, cruiserOut, timeout)!;
    tools.push({
      tool: 'dependency-cruiser',
      ms: cruiser.ok ? cruiser.ms : undefined,
      maxRssMb: rssMb(cruiser),
      cpuSeconds: cruiser.ok ? cruiser.cpuSeconds : undefined,
      ...(cruiser.ok ? {} : { note: cruiser.stderr.slice(0, 300) }),
    });
    if (cruiser.ok) accuracy = compareWithDependencyCruiser(cruiserOut, edgesFile, (path) => path.startsWith('packages/'));
    log('madge');
    const madge = runMadge(dir, join(scratch, 'madge.json'), timeout)!;
    tools.push({
      tool: 'madge',
      ms: madge.ok ? madge.ms : undefined,
      maxRssMb: rssMb(madge),
      cpuSeconds: madge.ok ? madge.cpuSeconds : undefined,
      ...(madge.ok ? {} : { note: madge.stderr.slice(0, 300) }),
    });
  } else if (!options.skipBaselines) {
    tools.push({
      tool: 'dependency-cruiser, madge',
      ms: undefined,
      maxRssMb: undefined,
      note: 'not installed: npm ci --prefix bench/index/baselines --ignore-scripts',
    });
  }

  // Last: this run edits files of the tree (simulated saves).
  log('ours: incremental updates and impact queries');
  const queries = measure(node, [bundledChild('childOurs.js'), 'queries', dir, cacheDir], dir, timeout);
  const queriesJson = lastJsonLine<{
    incrementalMedianMs: number;
    incrementalP90Ms: number;
    impactMedianMs: number;
    impactMaxMs: number;
    impactP90Ms: number;
    impactMeanDependents: number;
  }>(queries.stdout);
  if (!queries.ok || !queriesJson) throw new Error(`our queries failed: ${queries.stderr}`);

  return {
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    tree: { tsFiles: tree.tsFiles, pyFiles: tree.pyFiles, goFiles: tree.goFiles, megabytes: Math.round(tree.bytes / 1e5) / 10 },
    tools,
    ours: {
      coldMs: coldJson.buildMs,
      warmMs: warmJson?.buildMs ?? Number.NaN,
      ...queriesJson,
      edges: coldJson.stats.edges,
      indexedFiles: coldJson.stats.indexed,
    },
    accuracy,
  };
}

function fixed(value: number | undefined, digits = 0): string {
  return value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

export function formatIndexBench(result: IndexBenchResult): string {
  const lines: string[] = [];
  const { tree, machine, ours } = result;
  lines.push(
    `Index benchmark: ${tree.tsFiles} TS + ${tree.pyFiles} Python + ${tree.goFiles} Go files (${tree.megabytes} MB), ${machine.cpus} cores (${machine.model}), node ${machine.node}`,
  );
  lines.push('');
  lines.push(`${'tool'.padEnd(36)} ${'wall ms'.padStart(9)} ${'CPU s'.padStart(7)} ${'peak RSS MB'.padStart(12)}  note`);
  for (const tool of result.tools) {
    lines.push(
      `${tool.tool.padEnd(36)} ${fixed(tool.ms).padStart(9)} ${fixed(tool.cpuSeconds, 1).padStart(7)} ${fixed(tool.maxRssMb).padStart(12)}  ${tool.note ?? ''}`,
    );
  }
  lines.push('');
  const coldTool = result.tools.find((t) => t.tool.includes('cold'));
  const ratio = (name: string, metric: 'ms' | 'cpuSeconds') => {
    const other = result.tools.find((t) => t.tool.startsWith(name))?.[metric];
    const ours = coldTool?.[metric];
    return other !== undefined && ours ? other / ours : undefined;
  };
  lines.push(
    `cold index (in-process ${fixed(ours.coldMs)} ms) vs dependency-cruiser: ${fixed(ratio('dependency-cruiser', 'ms'), 1)}x faster wall, ${fixed(ratio('dependency-cruiser', 'cpuSeconds'), 1)}x less CPU (target >= 10x)`,
  );
  lines.push(
    `cold index vs madge: ${fixed(ratio('madge', 'ms'), 1)}x faster wall, ${fixed(ratio('madge', 'cpuSeconds'), 1)}x less CPU (target >= 5x)`,
  );
  const floorWall = ratio('floor', 'ms');
  const floorCpu = ratio('floor', 'cpuSeconds');
  lines.push(
    `cold index / floor: ${fixed(floorWall ? 1 / floorWall : undefined, 2)}x the floor's wall time, ${fixed(floorCpu ? 1 / floorCpu : undefined, 2)}x its CPU (target <= 2x wall)`,
  );
  lines.push(`warm (cached) build: ${fixed(ours.warmMs)} ms in-process`);
  lines.push(
    `incremental update after one save: median ${fixed(ours.incrementalMedianMs, 2)} ms, p90 ${fixed(ours.incrementalP90Ms, 2)} ms (target < 20 ms)`,
  );
  lines.push(
    `impact query, warm: median ${fixed(ours.impactMedianMs, 3)} ms, p90 ${fixed(ours.impactP90Ms, 2)} ms, max ${fixed(ours.impactMaxMs, 2)} ms, ${fixed(ours.impactMeanDependents, 1)} dependent files on average (target < 5 ms)`,
  );
  lines.push(`graph: ${ours.indexedFiles} files indexed, ${ours.edges} file-level edges`);
  const accuracy = result.accuracy;
  if (accuracy) {
    lines.push('');
    lines.push(
      `edges vs dependency-cruiser (packages/): theirs ${accuracy.theirs}, ours ${accuracy.ours}, common ${accuracy.common}; recall ${(accuracy.recall * 100).toFixed(2)}%, precision ${(accuracy.precision * 100).toFixed(2)}%`,
    );
    for (const [kind, { count, examples }] of Object.entries(accuracy.onlyTheirs))
      lines.push(`  only dependency-cruiser [${kind}]: ${count}, e.g. ${examples.join('; ')}`);
    for (const [kind, { count, examples }] of Object.entries(accuracy.onlyOurs))
      lines.push(`  only ours [${kind}]: ${count}, e.g. ${examples.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function numberOption(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  if (index < 0) return undefined;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} expects a positive number`);
  return value;
}

if (require.main === module) {
  const files = numberOption('--files');
  const seed = numberOption('--seed');
  runIndexBench({
    ...(files ? { files } : {}),
    ...(seed ? { seed } : {}),
    skipBaselines: process.argv.includes('--no-baselines'),
    log: (line) => process.stderr.write(`bench/index: ${line}\n`),
  }).then(
    (result) => {
      process.stdout.write(formatIndexBench(result));
      if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    },
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
