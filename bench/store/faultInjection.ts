// Fault injection for the region store, with real processes: concurrent CLI
// writers (`ai-provenance record`), store-writer child processes and a
// long-lived writer in this process (as the editor is), while the harness
// SIGKILLs children at random points, makes the store directory read-only for
// a while, plants stale locks under contention and lets a live process hold
// the lock past the stale threshold. Afterwards every region whose writer
// acknowledged it (exit 0, or printed after its sync) must be in the store.
//
//   node out/bench/store/faultInjection.js [--rounds N] [--writers N] [--seed N] [--json]
//   npm run bench:store            the long run (docs/RELIABILITY.md)
//
// The short run is part of npm test (test/unit/store/faultInjection.test.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegion } from '../../src/core/regions/create';
import { RegionStore } from '../../src/core/store/regionStore';
import { LOCK_FILE_NAME } from '../../src/core/store/storeFile';
import { Random } from '../../test/support/random';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const STORE_WRITER = join(__dirname, '..', '..', 'test', 'support', 'storeWriter.js');
const LOCK_HOLDER = join(__dirname, '..', '..', 'test', 'support', 'lockHolder.js');
const FILES = 8;
const LINES_PER_FILE = 1000;

export interface FaultOptions {
  readonly rounds: number;
  /** `ai-provenance record` processes per round. */
  readonly cliWriters: number;
  /** Store-writer child processes per round, each adding `regionsPerChild` regions with a sync after each. */
  readonly storeWriterChildren: number;
  readonly regionsPerChild: number;
  /** Children SIGKILLed per round, at a random moment of their run. */
  readonly killsPerRound: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

export interface FaultReport {
  readonly writers: { readonly cli: number; readonly storeChildren: number; readonly inProcess: number };
  readonly kills: number;
  readonly faults: {
    readonly readOnlyWindows: number;
    /** How the store directory was made read-only: chattr +i (root), chmod (others), or why it could not be. */
    readonly readOnlyBy: string;
    readonly staleLocks: number;
    readonly liveHolders: number;
  };
  /** Regions whose writer acknowledged them. */
  readonly acknowledged: number;
  /** Acknowledged regions missing from the store at the end: must be 0. */
  readonly lost: number;
  readonly lostExamples: readonly string[];
  /** Writers that failed and said so (not acknowledged): e.g. during a read-only window. */
  readonly refusedWrites: number;
  /** Failed writes of the in-process store, retried. */
  readonly inProcessWriteFailures: number;
  /** A live holder found its lock broken: must be 0. */
  readonly evictions: number;
  /** The store file could not be read back whole at the end: must be 0. */
  readonly damagedStores: number;
  readonly durationMs: number;
}

interface Child {
  readonly process: ChildProcess;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>;
}

function start(args: readonly string[], cwd: string): Child {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { process: child, done };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Makes a directory read-only for everyone, root included, and returns how to undo it (or why it cannot). */
function readOnlyMethod(probeDir: string): { readonly by: string; readonly set?: (dir: string, on: boolean) => void } {
  const probe = join(probeDir, 'read-only-probe');
  mkdirSync(probe, { recursive: true });
  try {
    if (process.getuid?.() === 0) {
      const chattr = (dir: string, on: boolean) => {
        const result = spawnSync('chattr', [on ? '+i' : '-i', dir], { encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`chattr: ${result.stderr || result.error?.message}`);
      };
      try {
        chattr(probe, true);
        const refused = spawnSync('touch', [join(probe, 'x')]).status !== 0;
        chattr(probe, false);
        if (refused) return { by: 'chattr +i (root ignores permissions)', set: chattr };
      } catch (error) {
        return { by: `not injected: running as root and chattr +i is not available here (${(error as Error).message.trim()})` };
      }
      return { by: 'not injected: chattr +i did not stop writes here' };
    }
    return { by: 'chmod 0555', set: (dir, on) => chmodSync(dir, on ? 0o555 : 0o755) };
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** A process id that is certainly not running any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

export async function runStoreFaults(options: FaultOptions): Promise<FaultReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const random = new Random(options.seed);
  const root = mkdtempSync(join(tmpdir(), 'aip-faults-'));
  const storeDir = join(root, 'store');
  mkdirSync(storeDir, { recursive: true });
  const lockPath = join(storeDir, LOCK_FILE_NAME);
  const readOnly = readOnlyMethod(root);
  const holderLog = join(root, 'holders.log');
  for (let file = 0; file < FILES; file++) {
    writeFileSync(
      join(root, `f${file}.ts`),
      Array.from({ length: LINES_PER_FILE }, (_, line) => `export const f${file}_${line} = ${line};`).join('\n') + '\n',
    );
  }

  const expected = new Map<string, string>(); // key -> description
  const counts = { cli: 0, children: 0, kills: 0, readOnlyWindows: 0, staleLocks: 0, liveHolders: 0, refused: 0, writeFailures: 0 };
  const store = await RegionStore.open({ storeDir, syncDelayMs: 20 });
  store.onDidChangeWriteState((state) => {
    if (!state.ok) counts.writeFailures++;
  });
  let inProcess = 0;
  let cliIndex = 0;

  try {
    for (let round = 0; round < options.rounds; round++) {
      const children: Array<{ child: Child; kind: 'cli' | 'store'; key: string; label?: string }> = [];
      // The long-lived writer in this process, as the editor: adds a region every few ms and lets the debounce sync.
      let writing = true;
      const inProcessLoop = (async () => {
        while (writing) {
          const n = inProcess++;
          const region = createRegion({ source: 'agent', tool: `in-process-${n}` }, { line: n, character: 0 }, `// in-process ${n}`);
          store.add('in-process.ts', region!);
          expected.set(`in-process.ts#in-process-${n}`, `in-process region ${n}`);
          store.scheduleSync();
          await sleep(15 + random.int(40));
        }
      })();

      for (let i = 0; i < options.cliWriters; i++) {
        const n = cliIndex++;
        const file = `f${n % FILES}.ts`;
        const line = Math.floor(n / FILES) + 1;
        const tool = `cli-${n}`;
        children.push({
          child: start([CLI, 'record', file, '--lines', `${line}-${line}`, '--tool', tool, '--store', storeDir], root),
          kind: 'cli',
          key: `${file}#${tool}`,
        });
        counts.cli++;
        await sleep(random.int(30));
      }
      for (let j = 0; j < options.storeWriterChildren; j++) {
        const label = `child-${round}-${j}`;
        children.push({ child: start([STORE_WRITER, storeDir, label, String(options.regionsPerChild)], root), kind: 'store', key: label, label });
        counts.children++;
      }

      // Faults, each at a random moment of the round.
      const faults: Array<Promise<void>> = [];
      const victims = new Set<number>();
      while (victims.size < Math.min(options.killsPerRound, children.length)) victims.add(random.int(children.length));
      for (const index of victims) {
        faults.push(
          (async () => {
            await sleep(40 + random.int(700));
            if (children[index].child.process.exitCode === null && children[index].child.process.kill('SIGKILL')) counts.kills++;
          })(),
        );
      }
      if (readOnly.set) {
        faults.push(
          (async () => {
            await sleep(100 + random.int(400));
            readOnly.set!(storeDir, true);
            counts.readOnlyWindows++;
            await sleep(300 + random.int(500));
            readOnly.set!(storeDir, false);
          })(),
        );
      }
      faults.push(
        (async () => {
          // A lock left by a writer that died, planted while the others contend for the lock.
          for (let tries = 0; tries < 200; tries++) {
            await sleep(20 + random.int(60));
            try {
              writeFileSync(lockPath, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'planted', at: Date.now() }), { flag: 'wx' });
              const old = new Date(Date.now() - 60_000);
              utimesSync(lockPath, old, old);
              counts.staleLocks++;
              return;
            } catch {
              // held (or read-only) right now: try again a little later
            }
          }
        })(),
      );
      faults.push(
        (async () => {
          // A live holder past the stale threshold's age: its lock looks old, its process is alive; nobody may break it.
          await sleep(random.int(500));
          const holder = start([LOCK_HOLDER, lockPath, '1500', holderLog], root);
          counts.liveHolders++;
          for (let i = 0; i < 100; i++) {
            await sleep(20);
            try {
              const old = new Date(Date.now() - 30_000);
              if (existsSync(lockPath) && readFileSync(lockPath, 'utf8').includes(`"pid":${holder.process.pid}`)) {
                utimesSync(lockPath, old, old);
                break;
              }
            } catch {
              // between holders
            }
          }
          await holder.done;
        })(),
      );

      await Promise.all(faults);
      const results = await Promise.all(children.map(async (entry) => ({ entry, result: await entry.child.done })));
      writing = false;
      await inProcessLoop;
      for (const { entry, result } of results) {
        if (entry.kind === 'cli') {
          if (result.code === 0) expected.set(entry.key, `ai-provenance record (${entry.key}), exit 0`);
          else if (result.signal !== 'SIGKILL') counts.refused++;
        } else {
          // A store writer acknowledges region i by printing i after its sync returned.
          for (const line of result.stdout.split('\n').filter(Boolean))
            expected.set(`${entry.label}.ts#${entry.label}#${line}`, `${entry.label} region ${line}`);
          if (result.signal !== 'SIGKILL' && result.code !== 0) counts.refused++;
        }
      }
      log(`round ${round + 1}/${options.rounds}: ${children.length} children, ${counts.kills} kills so far, ${expected.size} regions acknowledged`);
    }
    await settle(store);
  } finally {
    if (readOnly.set) readOnly.set(storeDir, false);
  }

  // Read back in a fresh store, as the next process would.
  const check = await RegionStore.open({ storeDir });
  const present = new Set<string>();
  for (const path of check.files()) {
    check.regions(path).forEach((region) => {
      present.add(`${path}#${region.tool ?? ''}`);
      // Store writers name their regions by line: child-R-J.ts#child-R-J#<line>
      present.add(`${path}#${region.tool ?? ''}#${region.start.line}`);
    });
  }
  const lost = [...expected].filter(([key]) => !present.has(key));
  const holders = existsSync(holderLog) ? readFileSync(holderLog, 'utf8').split('\n').filter(Boolean) : [];
  const report: FaultReport = {
    writers: { cli: counts.cli, storeChildren: counts.children, inProcess: 1 },
    kills: counts.kills,
    faults: { readOnlyWindows: counts.readOnlyWindows, readOnlyBy: readOnly.by, staleLocks: counts.staleLocks, liveHolders: counts.liveHolders },
    acknowledged: expected.size,
    lost: lost.length,
    lostExamples: lost.slice(0, 5).map(([, description]) => description),
    refusedWrites: counts.refused,
    inProcessWriteFailures: counts.writeFailures,
    evictions: holders.filter((line) => line.endsWith(' evicted')).length,
    damagedStores: check.problems.length,
    durationMs: Date.now() - started,
  };
  if (report.lost === 0) rmSync(root, { recursive: true, force: true });
  else log(`kept for inspection: ${root}`);
  return report;
}

/** Waits until the in-process store's pending changes are on disk (retries included), then disposes it. */
async function settle(store: RegionStore): Promise<void> {
  for (let attempt = 0; attempt < 50 && store.hasPendingChanges(); attempt++) {
    await store.sync().catch(() => sleep(200));
  }
  await store.dispose();
}

export function formatFaultReport(report: FaultReport): string {
  return [
    `writers: ${report.writers.cli} CLI processes, ${report.writers.storeChildren} store-writer processes, ${report.writers.inProcess} long-lived writer in the harness`,
    `SIGKILLs: ${report.kills}`,
    `faults: ${report.faults.readOnlyWindows} read-only windows (${report.faults.readOnlyBy}), ${report.faults.staleLocks} stale locks under contention, ${report.faults.liveHolders} live holders past the stale age`,
    `regions acknowledged: ${report.acknowledged}; lost: ${report.lost}${report.lost > 0 ? ` (${report.lostExamples.join('; ')})` : ''}`,
    `writes refused and reported: ${report.refusedWrites}; in-process write failures retried: ${report.inProcessWriteFailures}`,
    `live holders evicted: ${report.evictions}; damaged stores: ${report.damagedStores}`,
    `time: ${(report.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}

if (require.main === module) {
  const option = (name: string, fallback: number) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? Number(process.argv[index + 1]) : fallback;
  };
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build`);
  const rounds = option('--rounds', 20);
  runStoreFaults({
    rounds,
    cliWriters: option('--writers', 12),
    storeWriterChildren: option('--children', 3),
    regionsPerChild: 6,
    killsPerRound: option('--kills', 5),
    seed: option('--seed', 20261203),
    log: (line) => console.error(line),
  })
    .then((report) => {
      console.log(process.argv.includes('--json') ? JSON.stringify(report, null, 2) : formatFaultReport(report));
      process.exitCode = report.lost === 0 && report.evictions === 0 && report.damagedStores === 0 ? 0 : 1;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
