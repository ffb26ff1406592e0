import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSIGHTS_CACHE_FILE } from '../../src/core/insights';
import { createSyntheticHistory } from './syntheticHistory';

/**
 * Insights on a long history: `ai-provenance insights --json` (node start-up
 * included) on a generated repository of N commits with notes, cold (no
 * cache) and warm (cache, nothing new), next to the in-run baseline
 * `git log --notes=ai-provenance` over the same range, whose output is read
 * to the end like ours. Targets: cold < 5 s, warm < 1 s.
 */

export interface InsightsBenchResult {
  readonly commits: number;
  readonly notes: number;
  readonly generateMs: number;
  readonly baselineMs: number;
  readonly coldMs: number;
  readonly warmMs: number;
  readonly warmAfterNewCommitMs: number;
  readonly targets: { readonly coldMs: number; readonly warmMs: number };
}

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

/** Runs a program to the end, reading (and dropping) its output; the wall time in ms. */
function timed(program: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(program, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`${program} ${args.join(' ')} failed (${code}): ${stderr}`))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function runInsightsBench(options: { commits?: number; runs?: number; log?: (line: string) => void } = {}): Promise<InsightsBenchResult> {
  const commits = options.commits ?? 10_000;
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'aip-insights-bench-'));
  try {
    const root = join(dir, 'repo');
    const generated = Date.now();
    const history = createSyntheticHistory(root, commits);
    const generateMs = Date.now() - generated;
    log(`generated ${commits} commits (${history.notes} with notes) in ${(generateMs / 1000).toFixed(1)} s`);
    const cache = join(root, '.git', 'ai-provenance', INSIGHTS_CACHE_FILE);
    const insights = () => timed(process.execPath, [CLI, 'insights', '--json'], root);
    const baseline: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < runs; run++) {
      baseline.push(await timed('git', ['log', '--notes=ai-provenance', 'HEAD'], root));
      rmSync(cache, { force: true });
      cold.push(await insights());
      warm.push(await insights());
      log(`run ${run + 1}: baseline ${baseline[run].toFixed(0)} ms, cold ${cold[run].toFixed(0)} ms, warm ${warm[run].toFixed(0)} ms`);
    }
    // One new commit: only it is read.
    await timed('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-q', '--allow-empty', '-m', 'one more'], root);
    const afterNew = await insights();
    return { commits, notes: history.notes, generateMs, baselineMs: median(baseline), coldMs: median(cold), warmMs: median(warm), warmAfterNewCommitMs: afterNew, targets: { coldMs: 5000, warmMs: 1000 } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatInsightsBench(result: InsightsBenchResult): string {
  const ratio = (value: number) => `${(value / result.baselineMs).toFixed(2)}x the baseline`;
  return [
    `${result.commits.toLocaleString('en-US')} commits, ${result.notes.toLocaleString('en-US')} with notes (medians of the runs, node start-up included):`,
    `  baseline git log --notes=ai-provenance: ${result.baselineMs.toFixed(0)} ms`,
    `  insights --json, cold (no cache):         ${result.coldMs.toFixed(0)} ms (${ratio(result.coldMs)}; target < ${result.targets.coldMs} ms)`,
    `  insights --json, warm (cache):            ${result.warmMs.toFixed(0)} ms (${ratio(result.warmMs)}; target < ${result.targets.warmMs} ms)`,
    `  warm after one new commit:                ${result.warmAfterNewCommitMs.toFixed(0)} ms`,
  ].join('\n');
}

if (require.main === module) {
  const commits = Number(process.argv[process.argv.indexOf('--commits') + 1]) || undefined;
  runInsightsBench({ ...(commits ? { commits } : {}), log: (line) => console.error(`  insights: ${line}`) }).then(
    (result) => console.log(formatInsightsBench(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
