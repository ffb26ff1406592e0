import * as assert from 'node:assert/strict';
import type { BlastRadius } from '../../../src/core/index/blastRadius';
import type { AiRegion } from '../../../src/core/regions/region';
import type { BlastLookup } from '../../../src/core/views/blastLookup';
import { BlastMemo } from '../../../src/core/views/blastMemo';
import { radius, region } from './support';

describe('BlastMemo', () => {
  let now = 1_000;
  let asked: Array<[number, number]> = [];
  const query = (_path: string, first: number, last: number) => {
    asked.push([first, last]);
    return radius('a.ts', [['b.ts', 1]]);
  };
  const moved = (r: AiRegion, lines: number): AiRegion => ({ ...r, start: { ...r.start, line: r.start.line + lines } });
  beforeEach(() => {
    now = 1_000;
    asked = [];
  });

  it('asks once per region until its AI lines move or the index changes', () => {
    const memo = new BlastMemo(500, () => now);
    const r = region(2, ['', 'a', 'b', '']);
    memo.forFile('a.ts', [r], query)(r);
    memo.forFile('a.ts', [r], query)(r);
    assert.deepEqual(asked, [[3, 4]], 'the AI lines, not the blank edges');
    memo.forFile('a.ts', [moved(r, 1)], query)(moved(r, 1));
    assert.deepEqual(asked, [
      [3, 4],
      [4, 5],
    ]);
    memo.invalidate();
    memo.forFile('a.ts', [moved(r, 1)], query)(moved(r, 1));
    assert.equal(asked.length, 3);
  });

  it('keeps the last answer while the file is being edited, and asks again once the edits settle', () => {
    const memo = new BlastMemo(500, () => now);
    const r = region(2, ['a']);
    memo.forFile('a.ts', [r], query)(r);
    memo.noteEdit('a.ts');
    assert.equal(memo.settlesAt('a.ts'), 1_500);
    now += 100;
    assert.equal((memo.forFile('a.ts', [moved(r, 3)], query)(moved(r, 3)) as BlastRadius).files, 1);
    assert.equal(asked.length, 1, 'not asked while typing');
    now += 500;
    assert.equal(memo.settlesAt('a.ts'), undefined);
    memo.forFile('a.ts', [moved(r, 3)], query)(moved(r, 3));
    assert.deepEqual(asked, [
      [2, 2],
      [5, 5],
    ]);
  });

  it('while the file is being edited, asks again for unmoved lines that were pending once the index changes', () => {
    const memo = new BlastMemo(500, () => now);
    let ready = false;
    const answers: BlastLookup[] = [];
    const indexing = (path: string, first: number, last: number): BlastLookup => (ready ? query(path, first, last) : 'pending');
    const r = region(2, ['a']);
    answers.push(memo.forFile('a.ts', [r], indexing)(r));
    memo.noteEdit('a.ts'); // e.g. the region marked reviewed: its lines stay where they are
    ready = true;
    answers.push(memo.forFile('a.ts', [r], indexing)(r));
    memo.invalidate();
    now += 100;
    answers.push(memo.forFile('a.ts', [moved(r, 1)], indexing)(moved(r, 1)));
    answers.push(memo.forFile('a.ts', [r], indexing)(r));
    assert.deepEqual(
      answers.map((answer) => (typeof answer === 'string' ? answer : answer.files)),
      ['pending', 'pending', 'pending', 1],
      'the same index: pending stays; moved lines: the last answer stays; unmoved lines after the index changed: asked',
    );
    assert.deepEqual(asked, [[2, 2]]);
  });

  it('asks at once for a region it has never seen, even while typing', () => {
    const memo = new BlastMemo(500, () => now);
    memo.noteEdit('a.ts');
    const r = region(0, ['a']);
    memo.forFile('a.ts', [r], query)(r);
    assert.equal(asked.length, 1);
  });

  it('answers unavailable for a region without AI lines, without asking', () => {
    const memo = new BlastMemo(500, () => now);
    const rewritten = region(0, ['H:mine']);
    assert.equal(memo.forFile('a.ts', [rewritten], query)(rewritten), 'unavailable');
    assert.equal(asked.length, 0);
  });

  it('forgets regions that are gone', () => {
    const memo = new BlastMemo(500, () => now);
    const a = region(0, ['a'], { id: 'a' });
    const b = region(5, ['b'], { id: 'b' });
    memo.forFile('a.ts', [a, b], query)(a);
    memo.forFile('a.ts', [a, b], query)(b);
    memo.forFile('a.ts', [b], query);
    memo.forFile('a.ts', [a, b], query)(a);
    assert.equal(asked.length, 3, 'a was forgotten when it left, and asked again');
  });
});
