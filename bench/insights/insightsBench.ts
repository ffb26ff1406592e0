import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
  /** CPU-time medians (user + system, git included); undefined without GNU time. */
  readonly cpuMs: { readonly baseline?: number; readonly cold?: number; readonly warm?: number };
  readonly targets: { readonly coldMs: number; readonly warmMs: number };
}

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

/** GNU time gives the CPU time of a process tree, which a busy machine does not inflate the way it does wall time. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Timing {
  readonly wallMs: number;
  /** User + system time of the process and its children (git); undefined without GNU time. */
  readonly cpuMs: number | undefined;
}

/** Runs a program to the end, reading (and dropping) its output. */
function timed(program: string, args: string[], cwd: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const command = GNU_TIME ? [GNU_TIME, '-f', 'AIP_CPU %U %S', program, ...args] : [program, ...args];
    const child = spawn(command[0], command.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${program} ${args.join(' ')} failed (${code}): ${stderr}`));
      const cpu = /AIP_CPU ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({ wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function runInsightsBench(
  options: { commits?: number; runs?: number; log?: (line: string) => void } = {},
): Promise<InsightsBenchResult> {
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
    const baseline: Timing[] = [];
    const cold: Timing[] = [];
    const warm: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      baseline.push(await timed('git', ['log', '--notes=ai-provenance', 'HEAD'], root));
      rmSync(cache, { force: true });
      cold.push(await insights());
      warm.push(await insights());
      log(
        `run ${run + 1}: baseline ${baseline[run].wallMs.toFixed(0)} ms, cold ${cold[run].wallMs.toFixed(0)} ms, warm ${warm[run].wallMs.toFixed(0)} ms (wall)`,
      );
    }
    // One new commit: only it is read.
    await timed('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-q', '--allow-empty', '-m', 'one more'], root);
    const afterNew = await insights();
    const wall = (timings: Timing[]) => median(timings.map((timing) => timing.wallMs));
    const cpu = (timings: Timing[]) =>
      timings.every((timing) => timing.cpuMs !== undefined) ? median(timings.map((timing) => timing.cpuMs!)) : undefined;
    return {
      commits,
      notes: history.notes,
      generateMs,
      baselineMs: wall(baseline),
      coldMs: wall(cold),
      warmMs: wall(warm),
      warmAfterNewCommitMs: afterNew.wallMs,
      cpuMs: { baseline: cpu(baseline), cold: cpu(cold), warm: cpu(warm) },
      targets: { coldMs: 5000, warmMs: 1000 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatInsightsBench(result: InsightsBenchResult): string {
  const ratio = (value: number) => `${(value / result.baselineMs).toFixed(2)}x the baseline`;
  const cpu = (value: number | undefined) => (value === undefined ? '' : `, CPU ${value.toFixed(0)} ms`);
  return [
    `${result.commits.toLocaleString('en-US')} commits, ${result.notes.toLocaleString('en-US')} with notes (medians of the runs, node start-up included; CPU = user + system, git included):`,
    `  baseline git log --notes=ai-provenance: ${result.baselineMs.toFixed(0)} ms${cpu(result.cpuMs.baseline)}`,
    `  insights --json, cold (no cache):         ${result.coldMs.toFixed(0)} ms (${ratio(result.coldMs)}; target < ${result.targets.coldMs} ms)${cpu(result.cpuMs.cold)}`,
    `  insights --json, warm (cache):            ${result.warmMs.toFixed(0)} ms (${ratio(result.warmMs)}; target < ${result.targets.warmMs} ms)${cpu(result.cpuMs.warm)}`,
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
