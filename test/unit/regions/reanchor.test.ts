import * as assert from 'node:assert/strict';
import { createRegion } from '../../../src/core/regions/create';
import { reanchorRegions } from '../../../src/core/regions/reanchor';
import type { AiRegion } from '../../../src/core/regions/region';
import { Random } from '../../support/random';
import { TestDocument } from '../../support/textDocument';
import { TrackedDocument, at } from '../../support/trackedDocument';

const FILE = [
  "import { price } from './price';",
  '',
  'export function total(items) {',
  '  let sum = 0;',
  '  for (const item of items) sum += price(item);',
  '  return sum;',
  '}',
  '',
  'export function count(items) {',
  '  return items.length;',
  '}',
].join('\n');
const TOTAL = FILE.split('\n').slice(2, 7).join('\n');

function regionOver(text: string, document: string, source = 'agent'): AiRegion {
  const doc = new TestDocument(document);
  return createRegion({ source }, doc.find(text), text)!;
}

function coveredText(region: AiRegion, text: string): string {
  return new TestDocument(text).getText(region.start, region.end);
}

describe('re-anchoring after outside changes', () => {
  it('leaves regions alone when the file did not change', () => {
    const region = regionOver(TOTAL, FILE);
    const outcome = reanchorRegions([region], FILE);
    assert.equal(outcome.moved, 0);
    assert.equal(outcome.dropped, 0);
    assert.deepEqual(outcome.regions[0], region);
  });

  it('follows lines inserted above', () => {
    const changed = `// Copyright\n// more\n${FILE}`;
    const outcome = reanchorRegions([regionOver(TOTAL, FILE)], changed);
    assert.equal(outcome.moved, 1);
    assert.equal(outcome.regions[0].start.line, 4);
    assert.equal(coveredText(outcome.regions[0], changed), TOTAL);
  });

  it('follows a block moved to the end of the file', () => {
    const lines = FILE.split('\n');
    const changed = [...lines.slice(0, 2), ...lines.slice(8), '', ...lines.slice(2, 7)].join('\n');
    const outcome = reanchorRegions([regionOver(TOTAL, FILE)], changed);
    assert.equal(coveredText(outcome.regions[0], changed), TOTAL);
    assert.deepEqual(
      outcome.regions[0].lines.map((line) => line.human),
      [false, false, false, false, false],
    );
  });

  it('keeps a re-indented block as it was authored', () => {
    const changed = FILE.replace(
      TOTAL,
      TOTAL.split('\n')
        .map((line) => `    ${line}`)
        .join('\n'),
    );
    const outcome = reanchorRegions([regionOver(TOTAL, FILE)], changed);
    assert.equal(outcome.regions[0].lines.filter((line) => line.human).length, 0);
    assert.equal(outcome.regions[0].lines.length, 5);
  });

  it('marks lines that were rewritten meanwhile as no longer AI', () => {
    const changed = FILE.replace('  let sum = 0;', '  let sum = initial ?? 0;');
    const [region] = reanchorRegions([regionOver(TOTAL, FILE)], changed).regions;
    assert.deepEqual(
      region.lines.map((line) => line.human),
      [false, true, false, false, false],
    );
    assert.equal(coveredText(region, changed), TOTAL.replace('let sum = 0;', 'let sum = initial ?? 0;'));
  });

  it('shrinks a region whose first lines were deleted', () => {
    const changed = FILE.replace('export function total(items) {\n  let sum = 0;\n', '');
    const [region] = reanchorRegions([regionOver(TOTAL, FILE)], changed).regions;
    assert.ok(coveredText(region, changed).startsWith('  for (const item'));
  });

  it('drops a region whose text is gone', () => {
    const changed = FILE.replace(`${TOTAL}\n`, '');
    const outcome = reanchorRegions([regionOver(TOTAL, FILE)], changed);
    assert.equal(outcome.dropped, 1);
    assert.deepEqual(outcome.regions, []);
  });

  it('does not latch onto a lone brace elsewhere', () => {
    const region = regionOver('}', FILE);
    const changed = FILE.replace(TOTAL, '');
    const outcome = reanchorRegions([region], `${changed}\n// end`);
    // The first closing brace left is count()'s, the nearest equal line: kept, not spread.
    for (const found of outcome.regions) assert.equal(found.lines.length, 1);
  });

  it('prefers the copy nearest the old place when the text occurs twice', () => {
    const twice = `${FILE}\n\n${TOTAL}`;
    const region = regionOver(TOTAL, FILE);
    const changed = `// moved down by one\n${twice}`;
    const [found] = reanchorRegions([region], changed).regions;
    assert.equal(found.start.line, 3);
  });

  it('finds a completion in the middle of a line again', () => {
    const line = 'const total = computeTotal(cart);';
    const region = regionOver('computeTotal(cart);', line, 'inline');
    const changed = `// header\nexport const total = computeTotal(cart);`;
    const [found] = reanchorRegions([region], changed).regions;
    assert.deepEqual(found.start, at(1, 21));
    assert.equal(coveredText(found, changed), 'computeTotal(cart);');
  });

  it('reads files with CRLF line breaks', () => {
    const region = regionOver(TOTAL, FILE);
    const outcome = reanchorRegions([region], FILE.replace(/\n/g, '\r\n'));
    assert.equal(outcome.moved, 0);
    assert.equal(outcome.regions.length, 1);
  });

  it('finds regions again after random unobserved edits around them, like a tracker that saw them', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = new Random(seed);
      const tracked = new TrackedDocument(FILE);
      tracked.markAi(TOTAL);
      const original = tracked.regions.all.map((region) => ({ ...region, lines: region.lines.map((l) => ({ ...l })) }));
      for (let step = 0; step < 6; step++) {
        // Edits that never touch the region: lines added or removed above and below.
        const region = tracked.regions.all[0];
        const above = random.chance(0.5);
        const line = above ? random.int(region.start.line + 1) : region.end.line + 1 + random.int(tracked.document.lines.length - region.end.line);
        if (random.chance(0.6) || tracked.document.lines.length < 3) {
          tracked.insert(at(Math.min(line, tracked.document.lines.length - 1), 0), `// inserted ${seed}.${step}\n`);
        } else if (above && line < region.start.line) {
          tracked.replace(at(line, 0), at(line + 1, 0), '');
        } else if (!above && line + 1 < tracked.document.lines.length) {
          tracked.replace(at(line, 0), at(line + 1, 0), '');
        }
      }
      const outcome = reanchorRegions(original, tracked.document.text);
      assert.deepEqual(
        outcome.regions.map((r) => [r.start, r.end]),
        tracked.regions.all.map((r) => [r.start, r.end]),
        `seed ${seed}`,
      );
    }
  });
});
