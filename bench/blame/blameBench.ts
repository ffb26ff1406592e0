import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blameProvenance } from '../../src/core/provenance/blame/blameProvenance';
import { Random } from '../../test/support/random';
import { run, type Sample } from '../git/hookBench';

/**
 * `ai-provenance blame` on a 5,000-line file with 1,000 commits of history,
 * a third of them with notes (AI ranges on the lines they changed), next to
 * `git blame` alone on the same file in the same run. Target: under 1 s.
 * The history is written with one `git fast-import` (seeded, repeatable).
 */

export interface BlameBenchOptions {
  readonly lines?: number;
  readonly commits?: number;
  readonly runs?: number;
  readonly log?: (line: string) => void;
}

export interface BlameBenchResult {
  readonly lines: number;
  readonly commits: number;
  readonly notes: number;
  readonly aiLinesAtHead: number;
  /** CPU-time medians (user + system, children included; GNU time), far less inflated by a busy machine than wall times. */
  readonly medianCpuMs?: { readonly gitBlame: number; readonly cli: number };
  /** Wall-clock medians. */
  readonly medianMs: {
    /** `git blame <file>` alone (the baseline). */
    readonly gitBlame: number;
    /** `ai-provenance blame <file> --json` as a user runs it: node start-up included. */
    readonly cli: number;
    /** blameProvenance() in this process (git blame --incremental + notes). */
    readonly inProcess: number;
  };
  readonly targetMs: number;
}

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const FILE = 'src/big.ts';
const TARGET_MS = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A history in which every commit rewrites a few lines (and now and then inserts or deletes one). */
function writeHistory(root: string, lines: number, commits: number): { notes: number } {
  const random = new Random(13);
  const text = Array.from({ length: lines }, (_, index) => `export const line${index} = ${index}; // v0`);
  const parts: string[] = [];
  const data = (value: string) => `data ${Buffer.byteLength(value)}\n${value}\n`;
  const notes: Array<{ mark: number; lines: number[] }> = [];
  for (let commit = 1; commit <= commits; commit++) {
    const changed = new Set<number>();
    const start = random.int(text.length - 20);
    // A block of 1-8 lines plus a few scattered ones, as real edits look.
    for (let offset = 0; offset < 1 + random.int(8); offset++) changed.add(start + offset);
    for (let extra = 0; extra < 3; extra++) changed.add(random.int(text.length));
    if (commit % 10 === 0) text.splice(random.int(text.length), 0, `export const added${commit} = ${commit};`);
    if (commit % 10 === 5) text.splice(random.int(text.length), 1);
    for (const line of changed) if (line < text.length) text[line] = `export const line${line} = ${commit}; // v${commit}`;
    parts.push(
      `commit refs/heads/main\nmark :${commit}\ncommitter Bench <bench@example.com> ${1_700_000_000 + commit * 60} +0000\n${data(`change ${commit}`)}`,
    );
    parts.push(`M 100644 inline ${FILE}\n${data(`${text.join('\n')}\n`)}`);
    if (commit % 3 === 0) notes.push({ mark: commit, lines: [...changed].filter((line) => line < text.length).map((line) => line + 1) });
  }
  const marks = join(root, '.git', 'bench-marks');
  execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: root, input: parts.join(''), maxBuffer: 1 << 30 });
  // The notes in a second import, now that each commit's id is known (a note names its commit).
  const ids = new Map(
    readFileSync(marks, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string]),
  );
  const noteParts = [`commit refs/notes/ai-provenance\ncommitter Bench <bench@example.com> 1800000000 +0000\n${data('notes')}`];
  for (const note of notes) noteParts.push(`N inline :${note.mark}\n${data(noteFor(ids.get(`:${note.mark}`)!, note.lines))}`);
  execFileSync('git', ['fast-import', '--quiet', `--import-marks=${marks}`], { cwd: root, input: noteParts.join(''), maxBuffer: 1 << 30 });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: root });
  return { notes: notes.length };
}

function noteFor(commit: string, lines: number[]): string {
  const ranges = [...new Set(lines)].sort((a, b) => a - b).map((line) => ({ start: line, end: line, source: 'agent', tool: 'claude-code' }));
  return `${JSON.stringify({
    schema: 'ai-provenance/commit-note',
    version: 1,
    commit,
    recordedAt: '2026-01-01T00:00:00.000Z',
    generator: 'bench',
    totals: { aiLines: ranges.length, addedLines: ranges.length, reviewedLines: 0 },
    files: { [FILE]: { addedLines: ranges.length, aiLines: ranges.length, reviewedLines: 0, ranges } },
  })}\n`;
}

export async function runBlameBench(options: BlameBenchOptions = {}): Promise<BlameBenchResult> {
  const lines = options.lines ?? 5000;
  const commits = options.commits ?? 1000;
  const runs = options.runs ?? 5;
  const root = mkdtempSync(join(tmpdir(), 'aip-blame-bench-'));
  try {
    execFileSync('git', ['init', '-q', '-b', 'main', root]);
    options.log?.(`writing ${commits} commits of a ${lines}-line file`);
    const { notes } = writeHistory(root, lines, commits);
    const gitBlame: Sample[] = [];
    const cli: Sample[] = [];
    const inProcess: number[] = [];
    let aiLinesAtHead = 0;
    run('git', ['blame', FILE], { cwd: root }); // warm the caches once for both
    for (let round = 0; round < runs; round++) {
      gitBlame.push(run('git', ['blame', FILE], { cwd: root }));
      cli.push(run(process.execPath, [CLI, 'blame', FILE, '--json'], { cwd: root }));
      const started = process.hrtime.bigint();
      const blame = await blameProvenance(root, FILE);
      inProcess.push(Number(process.hrtime.bigint() - started) / 1e6);
      aiLinesAtHead = blame.lines.filter((line) => line.ai).length;
    }
    return {
      lines,
      commits,
      notes,
      aiLinesAtHead,
      ...(cli[0]?.cpuMs !== undefined
        ? { medianCpuMs: { gitBlame: median(gitBlame.map((sample) => sample.cpuMs!)), cli: median(cli.map((sample) => sample.cpuMs!)) } }
        : {}),
      medianMs: {
        gitBlame: median(gitBlame.map((sample) => sample.wallMs)),
        cli: median(cli.map((sample) => sample.wallMs)),
        inProcess: median(inProcess),
      },
      targetMs: TARGET_MS,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatBlameBench(result: BlameBenchResult): string {
  const { gitBlame, cli, inProcess } = result.medianMs;
  return [
    `${result.lines.toLocaleString('en-US')}-line file, ${result.commits.toLocaleString('en-US')} commits, ${result.notes} notes (${result.aiLinesAtHead} AI lines at HEAD), medians:`,
    `  git blame alone (baseline):                ${gitBlame.toFixed(0)} ms`,
    `  ai-provenance blame --json (CLI, node start-up included): ${cli.toFixed(0)} ms  (${(cli / gitBlame).toFixed(2)}x git blame)`,
    `  blameProvenance() in process:              ${inProcess.toFixed(0)} ms  (${(inProcess / gitBlame).toFixed(2)}x git blame)`,
    ...(result.medianCpuMs
      ? [
          `  CPU time (user + system, children included): git blame ${result.medianCpuMs.gitBlame.toFixed(0)} ms, ai-provenance blame ${result.medianCpuMs.cli.toFixed(0)} ms (${(result.medianCpuMs.cli / result.medianCpuMs.gitBlame).toFixed(2)}x)`,
        ]
      : []),
    `  target: < ${result.targetMs} ms: ${cli < result.targetMs ? 'met' : 'NOT met'}`,
    '',
  ].join('\n');
}

if (require.main === module) {
  runBlameBench({ log: (line) => process.stderr.write(`bench/blame: ${line}\n`) }).then(
    (result) => {
      process.stdout.write(formatBlameBench(result));
      if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    },
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
