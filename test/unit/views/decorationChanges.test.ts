import * as assert from 'node:assert/strict';
import { changedDecorations, DECORATION_KINDS } from '../../../src/core/views/decorationChanges';
import { planDecorations } from '../../../src/core/views/decorationPlan';
import { paintWindow } from '../../../src/core/views/paintWindow';
import { DEFAULT_ANNOTATION_SETTINGS } from '../../../src/core/views/viewSettings';
import { PAYMENTS, PLAIN, radius, region } from './support';

const TWELVE = radius(
  'x.ts',
  Array.from({ length: 12 }, (_, i) => [`d${i}.ts`, 1] as const),
);
const regions = () => Array.from({ length: 50 }, (_, i) => region(i * 10, ['const a = 1;', 'const b = 2;'], { id: `r${i}` }));
const plan = (list = regions(), window = { first: 0, last: 127 }, classification = PLAIN) =>
  planDecorations({ regions: list, classification, blastOf: () => TWELVE, settings: DEFAULT_ANNOTATION_SETTINGS, window, lineCount: 1_000 });

describe('decoration changes', () => {
  it('sets every type in an editor painted for the first time', () => {
    assert.deepEqual(changedDecorations(undefined, plan()), DECORATION_KINDS);
  });

  it('sets nothing again when nothing moved', () => {
    assert.deepEqual(changedDecorations(plan(), plan()), []);
  });

  it('sets only the types whose ranges changed', () => {
    const moved = regions();
    moved[30] = region(301, ['const a = 1;', 'const b = 2;'], { id: 'r30' });
    assert.deepEqual(changedDecorations(plan(), plan(moved)), ['aiRuler'], 'a region below the window only moves its ruler mark');
    moved[3] = region(31, ['const a = 1;', 'const b = 2;'], { id: 'r3' });
    assert.deepEqual(changedDecorations(plan(), plan(moved)), ['aiText', 'aiGutter', 'aiRuler', 'noteAnnotation']);
    assert.deepEqual(
      changedDecorations(plan(), plan(regions(), undefined, PAYMENTS)),
      ['aiGutter', 'loadBearingGutter', 'aiRuler', 'loadBearingRuler', 'warningAnnotation', 'noteAnnotation'],
      'the text keeps its background',
    );
  });
});

describe('paint window', () => {
  it('covers the visible lines and a screen more on each side, in whole blocks', () => {
    assert.deepEqual(paintWindow([{ first: 100, last: 139 }], 10_000), { first: 0, last: 191 });
    assert.deepEqual(paintWindow([{ first: 1_000, last: 1_039 }], 10_000), { first: 960, last: 1_087 });
    assert.deepEqual(paintWindow([{ first: 1_000, last: 1_039 }], 1_050), { first: 960, last: 1_049 });
  });

  it('stays the same while scrolling a little, so nothing is painted again', () => {
    assert.deepEqual(paintWindow([{ first: 1_001, last: 1_040 }], 10_000), paintWindow([{ first: 1_005, last: 1_044 }], 10_000));
  });

  it('spans folded ranges, and is the whole file before the editor has shown anything', () => {
    assert.deepEqual(
      paintWindow(
        [
          { first: 0, last: 10 },
          { first: 500, last: 520 },
        ],
        10_000,
      ),
      { first: 0, last: 575 },
    );
    assert.equal(paintWindow([], 10_000), undefined);
  });
});
