import * as assert from 'node:assert/strict';
import type { AiRegion } from '../../../src/core/regions/region';
import type { BlastLookup } from '../../../src/core/views/blastLookup';
import { planDecorations, type FileDecorationInput } from '../../../src/core/views/decorationPlan';
import { DEFAULT_ANNOTATION_SETTINGS, type AnnotationSettings } from '../../../src/core/views/viewSettings';
import { PAYMENTS, PLAIN, radius, region } from './support';

const REVIEW = { by: 'alice', at: 0 };
const TWELVE = radius(
  'x.ts',
  Array.from({ length: 12 }, (_, i) => [`d${i}.ts`, 1] as const),
);

function plan(regions: AiRegion[], overrides: Omit<Partial<FileDecorationInput>, 'settings'> & { settings?: Partial<AnnotationSettings> } = {}) {
  const asked: string[] = [];
  const result = planDecorations({
    ...(overrides.window ? { window: overrides.window } : {}),
    ...(overrides.lineCount !== undefined ? { lineCount: overrides.lineCount } : {}),
    regions,
    classification: overrides.classification ?? PLAIN,
    blastOf:
      overrides.blastOf ??
      ((r): BlastLookup => {
        asked.push(r.id);
        return TWELVE;
      }),
    settings: { ...DEFAULT_ANNOTATION_SETTINGS, ...overrides.settings },
  });
  return { ...result, asked };
}

describe('decoration plan', () => {
  it('highlights AI text, skips blank and human-rewritten lines, annotates the first AI line', () => {
    const ai = region(4, ['', 'const a = 1;', 'H:const b = 2; // mine', 'const c = 3;'], { id: 'a' });
    const result = plan([ai]);
    assert.deepEqual(result.aiText, [
      { line: 5, start: 0, end: 12 },
      { line: 7, start: 0, end: 12 },
    ]);
    assert.deepEqual(result.aiLines, [5, 7]);
    assert.deepEqual(result.loadBearingLines, []);
    assert.deepEqual(result.annotations, [{ line: 5, text: 'AI-generated · 12 dependents', kind: 'note', regionId: 'a' }]);
  });

  it('starts a mid-line region at its first character', () => {
    const ai = region(2, ['total * 2;'], { startCharacter: 9 });
    assert.deepEqual(plan([ai]).aiText, [{ line: 2, start: 9, end: 19 }]);
  });

  it('warns on unreviewed AI code in a load-bearing file: distinct gutter lines and a warning annotation', () => {
    const ai = region(10, ['export function postEntry() {', '  return 1;', '}'], { id: 'p' });
    const result = plan([ai], { classification: PAYMENTS });
    assert.deepEqual(result.loadBearingLines, [10, 11, 12]);
    assert.deepEqual(result.aiLines, [], 'the striped icon replaces the plain bar');
    assert.deepEqual(result.annotations, [{ line: 10, text: 'AI-generated · payments · 12 dependents', kind: 'warning', regionId: 'p' }]);
  });

  it('leaves reviewed regions plain unless configured', () => {
    const reviewed = region(0, ['const a = 1;'], { id: 'r', reviewed: REVIEW });
    const quiet = plan([reviewed], { classification: PAYMENTS });
    assert.deepEqual([quiet.aiText, quiet.aiLines, quiet.loadBearingLines, quiet.annotations, quiet.asked], [[], [], [], [], []]);

    const shown = plan([reviewed], { classification: PAYMENTS, settings: { highlightReviewed: true, annotateReviewed: true } });
    assert.deepEqual(shown.aiLines, [0], 'a reviewed region is no longer a warning');
    assert.deepEqual(shown.loadBearingLines, []);
    assert.deepEqual(shown.annotations, [
      { line: 0, text: 'AI-generated, reviewed by alice · payments · 12 dependents', kind: 'note', regionId: 'r' },
    ]);
  });

  it('switches each part off on its own', () => {
    const ai = region(0, ['const a = 1;']);
    const noHighlight = plan([ai], { classification: PAYMENTS, settings: { highlight: false } });
    assert.deepEqual([noHighlight.aiText, noHighlight.loadBearingLines.length, noHighlight.annotations.length], [[], 1, 1]);

    const noWarning = plan([ai], { classification: PAYMENTS, settings: { loadBearingWarning: false } });
    assert.deepEqual(noWarning.loadBearingLines, []);
    assert.deepEqual(noWarning.aiLines, [0]);
    assert.equal(noWarning.annotations[0]?.text, 'AI-generated · 12 dependents', 'falls back to the blast-radius annotation');

    const noBlast = plan([ai], { classification: PAYMENTS, settings: { blastRadius: false } });
    assert.equal(noBlast.annotations[0]?.text, 'AI-generated · payments');
    assert.deepEqual(noBlast.asked, [], 'the index is not asked when blast radii are off');

    const off = plan([ai], { classification: PAYMENTS, settings: { enabled: false } });
    assert.deepEqual([off.aiText, off.annotations, off.asked], [[], [], []]);
  });

  it('shows nothing more than the highlight when the index has nothing to say', () => {
    const result = plan([region(0, ['const a = 1;'])], { blastOf: () => 'unavailable' });
    assert.deepEqual(result.annotations, []);
    assert.deepEqual(result.aiLines, [0]);
  });

  it('puts one annotation per line, the warning first', () => {
    const first = region(3, ['a'], { id: 'first', startCharacter: 0 });
    const second = region(3, ['b'], { id: 'second', startCharacter: 4 });
    assert.deepEqual(
      plan([first, second]).annotations.map((a) => a.regionId),
      ['first'],
    );
    const reviewed = region(3, ['a'], { id: 'reviewed', reviewed: REVIEW });
    const open = region(3, ['b'], { id: 'open', startCharacter: 4 });
    const annotations = plan([reviewed, open], { classification: PAYMENTS, settings: { annotateReviewed: true } }).annotations;
    assert.deepEqual(
      annotations.map((a) => [a.regionId, a.kind]),
      [['open', 'warning']],
    );
  });

  describe('around the visible lines', () => {
    const regions = Array.from({ length: 100 }, (_, i) => region(i * 10, ['const a = 1;', '', 'H:mine();', 'const b = 2;'], { id: `r${i}` }));

    it('paints lines and annotations only inside the window, and asks the index only for those', () => {
      const result = plan(regions, { window: { first: 205, last: 232 } });
      assert.deepEqual(result.aiLines, [210, 213, 220, 223, 230]);
      assert.deepEqual(
        result.aiText.map((span) => span.line),
        [210, 213, 220, 223, 230],
      );
      assert.deepEqual(
        result.annotations.map((a) => a.line),
        [210, 220, 230],
      );
      assert.deepEqual(result.asked, ['r21', 'r22', 'r23']);
      assert.deepEqual(
        result.aiLines,
        plan(regions).aiLines.filter((line) => line >= 205 && line <= 232),
        'the same lines as a whole-file plan',
      );
    });

    it('keeps a region that starts above the window, without its annotation', () => {
      const result = plan(regions, { window: { first: 212, last: 215 } });
      assert.deepEqual(result.aiLines, [213]);
      assert.deepEqual(result.annotations, []);
    });

    it('marks the overview ruler for the whole file, one span per region, load-bearing apart', () => {
      const result = plan(regions, { window: { first: 0, last: 63 } });
      assert.equal(result.aiRuler.length, 100);
      assert.deepEqual(result.aiRuler[99], { first: 990, last: 993 });
      assert.deepEqual(result.loadBearingRuler, []);
      const warned = plan(regions.slice(0, 2), { classification: PAYMENTS });
      assert.deepEqual(
        [warned.aiRuler, warned.loadBearingRuler],
        [
          [],
          [
            { first: 0, last: 3 },
            { first: 10, last: 13 },
          ],
        ],
      );
      const quiet = plan([region(0, ['a'], { reviewed: REVIEW })]);
      assert.deepEqual([quiet.aiRuler, quiet.loadBearingRuler], [[], []], 'no mark where no line is painted');
    });

    it('paints nothing past the end of the document', () => {
      const result = plan(regions.slice(0, 3), { lineCount: 22 });
      assert.deepEqual(result.aiLines, [0, 3, 10, 13, 20]);
      assert.deepEqual(result.aiRuler, [
        { first: 0, last: 3 },
        { first: 10, last: 13 },
        { first: 20, last: 21 },
      ]);
    });
  });
});
