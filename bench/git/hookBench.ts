import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stagedDiffArgs } from '../../src/core/git/diff';
import { computeCommitProvenance } from '../../src/core/provenance';
import { createLineRegion } from '../../src/core/regions/create';
import { RegionStore } from '../../src/core/store/regionStore';

/**
 * The commit-time cost: a commit touching 1,000 files, every one of them
 * with AI regions (the worst case: each needs its staged blob read and its
 * regions re-anchored). Measures the core computation in this process, and
 * the installed prepare-commit-msg and post-commit hooks as git runs them
 * (node start-up included), next to bare node start-up for reference.
 * Target: prepare-commit-msg under 300 ms.
 */

export interface GitBenchOptions {
  readonly files?: number;
  /** How many of the changed files have AI regions (default: all of them, the worst case). */
  readonly aiFiles?: number;
  /** Repetitions per measurement; the median is reported. */
  readonly runs?: number;
  readonly log?: (line: string) => void;
}

export interface GitBenchResult {
  readonly machine: { readonly cpus: number; readonly model: string; readonly node: string; readonly git: string };
  readonly files: number;
  readonly aiFiles: number;
  readonly addedLines: number;
  readonly aiLines: number;
  /** Wall-clock medians. */
  readonly medianMs: {
    readonly nodeStartup: number;
    /** The hook's `git diff --cached` alone: with node's start-up, the floor of any node hook. */
    readonly stagedDiff: number;
    readonly computeInProcess: number;
    readonly prepareCommitMsgHook: number;
    readonly postCommitHook: number;
  };
  /** CPU-time medians (user + system, child processes included); undefined without GNU time. */
  readonly medianCpuMs: {
    readonly computeInProcess: number;
    readonly prepareCommitMsgHook: number | undefined;
    readonly postCommitHook: number | undefined;
  };
  readonly targetMs: number;
}

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const TARGET_MS = 300;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** GNU time reports the CPU seconds of a process tree: unlike wall time, a busy machine does not inflate them. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a hook script; returns its wall time and, where GNU time exists, user+system CPU time of it and its children. */
function runHook(root: string, args: string[]): { wallMs: number; cpuMs: number | undefined } {
  const start = performance.now();
  const command = GNU_TIME ? [GNU_TIME, '-f', 'AIP_CPU %U %S', 'sh', ...args] : ['sh', ...args];
  const result = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  const cpu = /AIP_CPU ([\d.]+) ([\d.]+)/.exec(result.stderr);
  const stderr = result.stderr.replace(/AIP_CPU .*\n?/, '');
  if (result.status !== 0 || stderr) throw new Error(`${args[0]}: ${stderr}`);
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function sourceFile(index: number, extra: number): string {
  const body = Array.from({ length: 40 }, (_, line) => `export const value${index}_${line} = ${line};`);
  const added = Array.from({ length: extra }, (_, line) => `export function added${index}_${line}() { return ${line}; }`);
  return `${[...body.slice(0, 20), ...added, ...body.slice(20)].join('\n')}\n`;
}

export async function runGitBench(options: GitBenchOptions = {}): Promise<GitBenchResult> {
  const fileCount = options.files ?? 1000;
  const aiFiles = Math.min(fileCount, options.aiFiles ?? fileCount);
  const runs = options.runs ?? 7;
  const log = options.log ?? (() => undefined);
  const root = mkdtempSync(join(tmpdir(), 'ai-provenance-bench-git-'));
  try {
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'config', 'user.name', 'Bench');
    git(root, 'config', 'user.email', 'bench@example.com');
    git(root, 'config', 'commit.gpgsign', 'false');
    const paths = Array.from({ length: fileCount }, (_, i) => `src/module${i % 50}/file${i}.ts`);
    for (const [i, path] of paths.entries()) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), sourceFile(i, 0));
    }
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
    log(`generated ${fileCount} files`);

    // Every file gains 10 lines; in `aiFiles` of them 8 are recorded as AI-written.
    const store = await RegionStore.open({ storeDir: join(root, '.git', 'ai-provenance') });
    for (const [i, path] of paths.entries()) {
      const text = sourceFile(i, 10);
      writeFileSync(join(root, path), text);
      if (i < aiFiles) store.add(path, createLineRegion({ source: 'agent', tool: 'bench' }, text.split('\n'), 20, 27)!);
    }
    await store.sync();
    git(root, 'add', '-A');
    const install = spawnSync(process.execPath, [CLI, 'hook', 'install'], { cwd: root, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`hook install failed: ${install.stderr}`);
    log('hooks installed');

    const nodeStartup = median(Array.from({ length: runs }, () => timed(() => execFileSync(process.execPath, ['-e', ''], { stdio: 'ignore' }))));
    const stagedDiff = median(Array.from({ length: runs }, () => timed(() => execFileSync('git', stagedDiffArgs(), { cwd: root, stdio: 'ignore' }))));
    const computeRuns: number[] = [];
    const computeCpu: number[] = [];
    let summary: { aiLines: number; addedLines: number } | undefined;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      summary = (await computeCommitProvenance(root, await RegionStore.open({ storeDir: join(root, '.git', 'ai-provenance') }))).summary;
      computeRuns.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      computeCpu.push((used.user + used.system) / 1000);
    }
    log('measured the computation in process');
    const messageFile = join(root, '.git', 'BENCH_MSG');
    const hook = join(root, '.git', 'hooks', 'prepare-commit-msg');
    const prepareRuns = Array.from({ length: runs }, () => {
      writeFileSync(messageFile, 'Bench commit\n');
      return runHook(root, [hook, messageFile, 'message']);
    });
    if (!readFileSync(messageFile, 'utf8').includes(`AI-Lines: ${summary?.aiLines}/`)) throw new Error('prepare-commit-msg wrote no trailers');
    git(root, '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-F', messageFile);
    const postCommit = join(root, '.git', 'hooks', 'post-commit');
    const postRuns = Array.from({ length: runs }, () => runHook(root, [postCommit]));
    const cpuMedian = (values: Array<number | undefined>) => (values.every((value) => value !== undefined) ? Math.round(median(values as number[])) : undefined);
    return {
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, git: git(root, 'version').trim() },
      files: fileCount,
      aiFiles,
      addedLines: summary?.addedLines ?? 0,
      aiLines: summary?.aiLines ?? 0,
      medianMs: {
        nodeStartup: Math.round(nodeStartup),
        stagedDiff: Math.round(stagedDiff),
        computeInProcess: Math.round(median(computeRuns)),
        prepareCommitMsgHook: Math.round(median(prepareRuns.map((run) => run.wallMs))),
        postCommitHook: Math.round(median(postRuns.map((run) => run.wallMs))),
      },
      medianCpuMs: {
        computeInProcess: Math.round(median(computeCpu)),
        prepareCommitMsgHook: cpuMedian(prepareRuns.map((run) => run.cpuMs)),
        postCommitHook: cpuMedian(postRuns.map((run) => run.cpuMs)),
      },
      targetMs: TARGET_MS,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatGitBench(result: GitBenchResult): string {
  const { medianMs: wall, medianCpuMs: cpu } = result;
  const verdict = wall.prepareCommitMsgHook < result.targetMs ? 'within' : 'OVER';
  const withCpu = (ms: number | undefined) => (ms === undefined ? '' : `, ${ms} ms CPU`);
  return [
    `commit-time provenance, ${result.files} files changed, ${result.aiFiles} of them with AI regions (${result.addedLines} added lines, ${result.aiLines} AI), ${result.machine.cpus} × ${result.machine.model}, node ${result.machine.node}, ${result.machine.git}`,
    `median wall time (and CPU time, child processes included):`,
    `  node start-up alone:            ${wall.nodeStartup} ms`,
    `  git diff --cached alone:        ${wall.stagedDiff} ms (floor, one after the other: ${wall.nodeStartup + wall.stagedDiff} ms)`,
    `  computeCommitProvenance:        ${wall.computeInProcess} ms in process${withCpu(cpu.computeInProcess)} (git's own CPU not counted)`,
    `  prepare-commit-msg hook:        ${wall.prepareCommitMsgHook} ms${withCpu(cpu.prepareCommitMsgHook)} (${verdict} the ${result.targetMs} ms target)`,
    `  post-commit hook (writes note): ${wall.postCommitHook} ms${withCpu(cpu.postCommitHook)}`,
    '',
  ].join('\n');
}

if (require.main === module) {
  // The worst case (every file has regions), then a typical one (a few do).
  const log = (line: string) => process.stderr.write(`bench/git: ${line}\n`);
  (async () => {
    for (const aiFiles of [1000, 20]) {
      const result = await runGitBench({ aiFiles, log });
      process.stdout.write(formatGitBench(result));
      if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
  })().then(
    () => undefined,
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
