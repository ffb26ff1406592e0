// The views' cost per refresh, in plain Node: everything the extension does
// to repaint one visible editor except the editor's own work (setDecorations
// and rendering). Budget: 2 ms per visible editor with 1,000 AI regions in
// the workspace.
import { availableParallelism, loadavg } from 'node:os';
import type { BlastRadius, Dependent } from '../../src/core/index/blastRadius';
import { LoadBearingClassifier } from '../../src/core/loadBearing/classifier';
import type { AiRegion } from '../../src/core/regions/region';
import { DEFAULT_RISK_MODEL } from '../../src/core/risk/riskModel';
import { BlastMemo } from '../../src/core/views/blastMemo';
import { planDecorations, type DecorationPlan } from '../../src/core/views/decorationPlan';
import { planRegionTree } from '../../src/core/views/regionTree';
import { DEFAULT_ANNOTATION_SETTINGS } from '../../src/core/views/viewSettings';
import { assessWorkspace } from '../../src/core/views/workspaceRisk';

export const DECORATION_BUDGET_MS = 2;

export interface Timing {
  readonly name: string;
  /** CPU time of the process per refresh: what the refresh costs, whatever else the machine runs. */
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Wall-clock time per refresh (includes waiting for a core on a busy machine). */
  readonly wallMedianMs: number;
  /** Whether this case is held to DECORATION_BUDGET_MS. */
  readonly budgeted: boolean;
}

export interface ViewsBenchResult {
  /** 1-minute load average per core while measuring: above 1, wall times are inflated. */
  readonly loadPerCore: number;
  readonly regions: number;
  readonly files: number;
  readonly timings: readonly Timing[];
  readonly withinBudget: boolean;
}

interface Workspace {
  readonly files: ReadonlyMap<string, AiRegion[]>;
}

const FILES = 50;
const REGIONS = 1_000;

/** 1,000 regions over 50 files (a fifth of them load-bearing by name), 3-15 lines each. */
function generate(files = FILES, regions = REGIONS): Workspace {
  const folders = ['src/payments', 'src/auth', 'src/ui/components', 'src/util', 'src/reports'];
  const map = new Map<string, AiRegion[]>();
  for (let r = 0; r < regions; r++) {
    const path = `${folders[r % folders.length]}/module${r % files}.ts`;
    const list = map.get(path) ?? [];
    map.set(path, list);
    const length = 3 + (r % 13);
    const start = list.length === 0 ? 2 : list[list.length - 1]!.end.line + 4;
    list.push(regionAt(`r${r}`, start, length, r % 7 === 0));
  }
  return { files: map };
}

function regionAt(id: string, start: number, length: number, reviewed: boolean): AiRegion {
  const lines = Array.from({ length }, (_, i) => ({ text: i % 6 === 5 ? '' : `    const value${i} = compute(input, ${i}); // generated`, human: i % 9 === 8 }));
  return {
    id,
    source: 'inline',
    createdAt: 0,
    confidence: 1,
    start: { line: start, character: 0 },
    end: { line: start + length - 1, character: lines[length - 1]!.text.length },
    lines,
    ...(reviewed ? { reviewed: { by: 'bench', at: 0 } } : {}),
  };
}

function moved(region: AiRegion, by: number): AiRegion {
  return { ...region, start: { ...region.start, line: region.start.line + by }, end: { ...region.end, line: region.end.line + by } };
}

const RADIUS: BlastRadius = (() => {
  const dependents: Dependent[] = Array.from({ length: 31 }, (_, i) => ({
    path: `src/dependent${i}.ts`,
    depth: 1 + (i % 3),
    via: [],
    symbols: [],
    loadBearing: i % 10 === 0 ? ['payments'] : [],
    test: false,
  }));
  return {
    target: { path: 'x' },
    symbols: ['f'],
    level: 'symbol',
    dependents,
    files: dependents.length,
    targetLoadBearing: [],
    loadBearing: dependents.filter((d) => d.loadBearing.length > 0).map((d) => ({ path: d.path, classes: d.loadBearing })),
    entryPoints: { production: [], tests: [] },
    truncated: false,
  };
})();

/** What the extension does with a plan besides calling setDecorations: ranges per decoration type. */
function toRanges(plan: DecorationPlan): number {
  const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
  let count = 0;
  count += plan.aiText.map((span) => range(span.line, span.start, span.end)).length;
  count += plan.aiLines.map((line) => range(line, 0, 0)).length;
  count += plan.loadBearingLines.map((line) => range(line, 0, 0)).length;
  count += plan.annotations.map((a) => ({ range: range(a.line, 200, 200), renderOptions: { after: { contentText: a.text } } })).length;
  return count;
}

function measure(name: string, budgeted: boolean, iterations: number, run: (iteration: number) => unknown): Timing {
  for (let i = 0; i < Math.min(100, iterations); i++) run(i);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const cpuStart = process.cpuUsage();
    const wallStart = process.hrtime.bigint();
    run(i);
    wall.push(Number(process.hrtime.bigint() - wallStart) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1e3);
  }
  const at = (samples: number[], quantile: number) => samples.sort((a, b) => a - b)[Math.floor(samples.length * quantile)]!;
  return { name, budgeted, medianMs: at(cpu, 0.5), p95Ms: at(cpu, 0.95), wallMedianMs: at(wall, 0.5) };
}

/** One refresh of one visible editor: classification, memoized blast radii, plan, ranges. */
function refresher(classifier: LoadBearingClassifier, memo: BlastMemo, path: string) {
  const query = () => RADIUS;
  return (regions: readonly AiRegion[]) => {
    const classification = classifier.classify(path);
    const blastOf = memo.forFile(path, regions, query);
    return toRanges(planDecorations({ regions, classification, blastOf, settings: DEFAULT_ANNOTATION_SETTINGS }));
  };
}

export function runViewsBench(iterations = 2_000): ViewsBenchResult {
  const workspace = generate();
  const classifier = new LoadBearingClassifier();
  let now = 0;
  const memo = new BlastMemo(500, () => now);
  const visible = 'src/payments/module0.ts';
  const regions = workspace.files.get(visible)!;
  const refresh = refresher(classifier, memo, visible);

  const allInOne = [...workspace.files.values()].flat().map((region, i) => regionAt(region.id, 2 + i * 18, 3 + (i % 13), region.reviewed !== undefined));
  const worstMemo = new BlastMemo(500, () => now);
  const refreshWorst = refresher(classifier, worstMemo, 'src/payments/huge.ts');

  const timings: Timing[] = [
    measure(`repaint, ${regions.length} regions in the visible file (index answers memoized)`, true, iterations, () => refresh(regions)),
    measure('typing: the regions move on every keystroke (index not asked until edits settle)', true, iterations, (i) => {
      memo.noteEdit(visible);
      return refresh(regions.map((region) => moved(region, i % 3)));
    }),
    measure('after the index changed: every region of the file asked again', true, iterations, () => {
      memo.invalidate();
      return refresh(regions);
    }),
    measure('worst case: all 1,000 regions in the visible file', true, Math.max(200, iterations / 10), () => refreshWorst(allInOne)),
    measure('workspace risk (status bar, regions view, diagnostics), 1,000 regions', false, Math.max(100, iterations / 20), () => {
      now += 1_000;
      const assessed = assessWorkspace([
        {
          root: '/repo',
          label: 'repo',
          model: DEFAULT_RISK_MODEL,
          files: [...workspace.files].map(([path, fileRegions]) => ({
            path,
            regions: fileRegions,
            classification: classifier.classify(path),
            blastOf: memo.forFile(path, fileRegions, () => RADIUS),
          })),
        },
      ]);
      return planRegionTree(assessed.files, { loadBearingOnly: false, showReviewed: false, multipleRepositories: false });
    }),
  ];
  return {
    loadPerCore: loadavg()[0]! / availableParallelism(),
    regions: REGIONS,
    files: workspace.files.size,
    timings,
    withinBudget: timings.every((timing) => !timing.budgeted || timing.medianMs <= DECORATION_BUDGET_MS),
  };
}
