// The per-change-event cost of capture on the typing path: classification
// (CaptureClassifier) plus tracking (RegionStore.applyEdits, and adding a
// region when the change is AI), with 1,000 live regions in the edited file.
// Plain Node: the classifier is pure, so this is exactly the code the
// extension runs for each event, minus the vscode event conversion.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaptureClassifier } from '../../src/core/capture/captureClassifier';
import type { ObservedChangeEvent } from '../../src/core/capture/captureEvent';
import { createRegion } from '../../src/core/regions/create';
import type { TextChange } from '../../src/core/regions/positions';
import { RegionStore } from '../../src/core/store/regionStore';
import { Random } from '../../test/support/random';

export interface EventCost {
  readonly events: number;
  readonly regions: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  /**
   * Baseline measured in the same run: the median cost of applying the same
   * change to the text kept as an array of lines, the least any editor-side
   * bookkeeping does per change.
   */
  readonly floorMedianMs: number;
}

/** The baseline's text model: splices the change into an array of lines. */
function applyToLines(lines: string[], change: TextChange): void {
  const head = lines[change.start.line].slice(0, change.start.character);
  const tail = lines[change.end.line].slice(change.end.character);
  const inserted = change.text.split('\n');
  inserted[0] = head + inserted[0];
  inserted[inserted.length - 1] += tail;
  lines.splice(change.start.line, change.end.line - change.start.line + 1, ...inserted);
}

const FILE = 'src/big.ts';
const LINES = 5_000;
const REGIONS = 1_000;

export async function measureEventCost(events = 20_000): Promise<EventCost> {
  const storeDir = mkdtempSync(join(tmpdir(), 'aip-capture-bench-'));
  try {
    const store = await RegionStore.open({ storeDir, syncDelayMs: 60_000 });
    // 1,000 two-line regions spread over a 5,000-line file.
    for (let i = 0; i < REGIONS; i++) {
      const line = i * (LINES / REGIONS);
      store.add(FILE, createRegion({ source: 'inline' }, { line, character: 0 }, `const generated${i} = compute(${i});\nuse(generated${i});`)!);
    }
    const classifier = new CaptureClassifier();
    // Seeded, so runs are comparable.
    const rng = new Random(42);
    const next = () => rng.next();
    const samples: number[] = [];
    const floorSamples: number[] = [];
    const text = Array.from({ length: LINES + events }, (_, i) => `    const line${i} = ${i};`);
    let line = 0;
    let column = 4;
    for (let i = 0; i < events; i++) {
      // Mostly keystrokes at a moving cursor, some Enters and deletions, now and then a block from a tool.
      if (next() < 0.02) line = Math.floor(next() * LINES);
      const roll = next();
      const change: TextChange =
        roll < 0.85
          ? { start: { line, character: column }, end: { line, character: column }, text: 'x' }
          : roll < 0.93
            ? { start: { line, character: column }, end: { line, character: column }, text: '\n    ' }
            : roll < 0.995
              ? { start: { line, character: Math.max(0, column - 1) }, end: { line, character: column }, text: '' }
              : {
                  start: { line: line + 3, character: 0 },
                  end: { line: line + 3, character: 0 },
                  text: 'export function helper(): number {\n  return 42;\n}\n',
                };
      const event: ObservedChangeEvent = {
        documentKey: FILE,
        changes: [change],
        visibility: 'active',
        selections: [{ start: { line, character: column }, end: { line, character: column } }],
        dirtyAfter: true,
        textAfter: () => '',
        at: i,
      };
      const started = process.hrtime.bigint();
      for (const decision of classifier.classify(event)) {
        store.applyEdits(FILE, [decision.change], decision.attribution);
        if (decision.ai) {
          const region = createRegion(decision.ai, decision.change.start, decision.change.text);
          if (region) store.add(FILE, region);
        }
      }
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      const floorStarted = process.hrtime.bigint();
      applyToLines(text, change);
      floorSamples.push(Number(process.hrtime.bigint() - floorStarted) / 1e6);
      if (change.text === 'x') column++;
      else if (change.text.startsWith('\n')) {
        line++;
        column = 4;
      } else if (change.text === '') column = Math.max(0, column - 1);
    }
    samples.sort((a, b) => a - b);
    const at = (quantile: number) => samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))];
    floorSamples.sort((a, b) => a - b);
    const floorMedianMs = floorSamples[Math.floor(floorSamples.length / 2)];
    const result = { events, regions: store.regions(FILE).length, medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), floorMedianMs };
    await store.dispose().catch(() => undefined);
    return result;
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
}
