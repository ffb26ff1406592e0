import * as assert from 'node:assert/strict';
import { createRegion } from '../../../src/core/regions/create';
import { comparePositions, type Position } from '../../../src/core/regions/region';
import type { TextChange } from '../../../src/core/regions/positions';
import { comparableLine, isBlank } from '../../../src/core/text/lines';
import { Random } from '../../support/random';
import { TrackedDocument, at } from '../../support/trackedDocument';

const WORDS = ['const', 'total', '=', 'sum(items);', 'return', 'if', '{', '}', 'await', 'x', '//', 'charge()'];
const INSERTS = ['', 'x', ' ', 'abc', '\n', '\r\n', '\n  ', 'a\nb', 'line one\nline two\n', '}\n', '  // note', 'q\r\nr\r\ns'];

function randomDocument(random: Random): string {
  const lines: string[] = [];
  const count = 3 + random.int(20);
  for (let i = 0; i < count; i++) {
    const words = random.int(6);
    lines.push('  '.repeat(random.int(3)) + Array.from({ length: words }, () => random.pick(WORDS)).join(' '));
  }
  return lines.join('\n');
}

/** A random position, often on or next to a region boundary where bugs hide. */
function randomPosition(random: Random, tracked: TrackedDocument): Position {
  const regions = tracked.regions.all;
  const lines = tracked.document.lines;
  if (regions.length > 0 && random.chance(0.5)) {
    const region = random.pick(regions);
    const anchor = random.chance(0.5) ? region.start : region.end;
    const line = Math.min(lines.length - 1, Math.max(0, anchor.line + random.pick([-1, 0, 0, 0, 1])));
    const character = Math.min(lines[line].length, Math.max(0, anchor.character + random.pick([-1, 0, 0, 1])));
    return at(line, character);
  }
  const line = random.int(lines.length);
  return at(line, random.int(lines[line].length + 1));
}

function randomRange(random: Random, tracked: TrackedDocument): [Position, Position] {
  const a = randomPosition(random, tracked);
  const b = random.chance(0.4) ? a : randomPosition(random, tracked);
  return comparePositions(a, b) <= 0 ? [a, b] : [b, a];
}

function markRandomRegions(random: Random, tracked: TrackedDocument): void {
  const count = 1 + random.int(4);
  for (let i = 0; i < count; i++) {
    const [start, end] = randomRange(random, tracked);
    const region = createRegion({ source: 'inline' }, start, tracked.document.getText(start, end));
    if (region) tracked.regions.add(region);
  }
}

/** Non-overlapping changes, last first, as the editor reports multi-cursor edits. */
function randomChanges(random: Random, tracked: TrackedDocument): TextChange[] {
  const count = random.chance(0.2) ? 2 + random.int(2) : 1;
  const ranges = Array.from({ length: count }, () => randomRange(random, tracked)).sort((a, b) => comparePositions(b[0], a[0]));
  const changes: TextChange[] = [];
  let limit: Position | undefined;
  for (const [start, end] of ranges) {
    if (limit && comparePositions(end, limit) >= 0) continue;
    changes.push({ start, end, text: random.pick(INSERTS) });
    limit = start;
  }
  return changes;
}

function aiLineTexts(tracked: TrackedDocument): string[] {
  return tracked.regions.all
    .flatMap((region) => region.lines)
    .filter((line) => !line.human && !isBlank(line.text))
    .map((line) => comparableLine(line.text))
    .sort();
}

function isSubMultiset(subset: string[], superset: string[]): boolean {
  const counts = new Map<string, number>();
  for (const item of superset) counts.set(item, (counts.get(item) ?? 0) + 1);
  for (const item of subset) {
    const left = counts.get(item) ?? 0;
    if (left === 0) return false;
    counts.set(item, left - 1);
  }
  return true;
}

function touchesRegions(tracked: TrackedDocument, changes: TextChange[]): boolean {
  return changes.some((change) =>
    tracked.regions.all.some((region) => comparePositions(change.start, region.end) <= 0 && comparePositions(change.end, region.start) >= 0),
  );
}

describe('region tracking under random edits', () => {
  const SEEDS = 400;
  const EDITS = 40;

  it(`keeps every region equal to the text it covers (${SEEDS} sessions of ${EDITS} edits)`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = new Random(seed);
      const tracked = new TrackedDocument(randomDocument(random));
      markRandomRegions(random, tracked);
      for (let step = 0; step < EDITS; step++) {
        const changes = randomChanges(random, tracked);
        tracked.edit(changes, random.chance(0.8) ? 'human' : 'neutral');
        try {
          tracked.assertConsistent();
        } catch (error) {
          throw new Error(`seed ${seed}, step ${step}: ${(error as Error).message} after ${JSON.stringify(changes)}`, { cause: error });
        }
      }
    }
  });

  it('never turns human edits into AI lines', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = new Random(seed * 7919);
      const tracked = new TrackedDocument(randomDocument(random));
      markRandomRegions(random, tracked);
      for (let step = 0; step < EDITS; step++) {
        const before = aiLineTexts(tracked);
        const changes = randomChanges(random, tracked);
        tracked.edit(changes, 'human');
        const after = aiLineTexts(tracked);
        assert.ok(
          isSubMultiset(after, before),
          `seed ${seed}, step ${step}: AI lines ${JSON.stringify(after)} not all from ${JSON.stringify(before)}`,
        );
      }
    }
  });

  it('leaves regions untouched by edits that do not reach them', () => {
    let checked = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = new Random(seed * 104729);
      const tracked = new TrackedDocument(randomDocument(random));
      markRandomRegions(random, tracked);
      for (let step = 0; step < EDITS; step++) {
        const changes = randomChanges(random, tracked);
        if (touchesRegions(tracked, changes)) {
          tracked.edit(changes, 'human');
          continue;
        }
        const before = tracked.regions.all.map((region) => JSON.stringify(region.lines));
        tracked.edit(changes, 'human');
        const after = tracked.regions.all.map((region) => JSON.stringify(region.lines));
        assert.deepEqual(after, before, `seed ${seed}, step ${step}`);
        checked++;
      }
    }
    assert.ok(checked > 1000, `only ${checked} edits were away from regions`);
  });
});
