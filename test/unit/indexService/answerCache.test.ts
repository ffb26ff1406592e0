import * as assert from 'node:assert/strict';
import type { BlastRadius } from '../../../src/core/index/blastRadius';
import { AnswerCache } from '../../../src/extension/index/answerCache';

function radius(files: string[]): BlastRadius {
  return {
    target: { path: 'a.ts', startLine: 0, endLine: 1 },
    symbols: ['a'],
    level: 'symbol',
    dependents: files.map((path) => ({ path, depth: 1, via: ['a.ts#a'], symbols: [], loadBearing: [], test: false })),
    files: files.length,
    targetLoadBearing: [],
    loadBearing: [],
    entryPoints: { production: [], tests: [] },
    truncated: false,
  };
}

describe('index service: answer cache', () => {
  const query = { path: 'a.ts', firstLine: 0, lastLine: 1 };

  it('tells current answers from stale ones by version', () => {
    const cache = new AnswerCache();
    assert.equal(cache.lookup(query, 1), undefined);
    cache.store(query, radius(['b.ts']), 1);
    assert.deepEqual(cache.lookup(query, 1), { value: radius(['b.ts']), current: true });
    assert.equal(cache.lookup(query, 2)?.current, false, 'the index moved on');
    assert.deepEqual(cache.lookup(query, 2)?.value, radius(['b.ts']), 'the stale answer is still shown');
  });

  it('says whether a stored answer changes what is shown', () => {
    const cache = new AnswerCache();
    assert.equal(cache.store(query, radius(['b.ts']), 1), true);
    assert.equal(cache.store(query, radius(['b.ts']), 2), false, 'same answer at a new version');
    assert.equal(cache.lookup(query, 2)?.current, true);
    assert.equal(cache.store(query, radius(['b.ts', 'c.ts']), 3), true);
    assert.equal(cache.store(query, 'unavailable', 4), true);
  });

  it('renews what was asked for lately and forgets the rest', () => {
    const cache = new AnswerCache();
    const old = { path: 'old.ts', firstLine: 3, lastLine: 4 };
    cache.store(old, radius([]), 1);
    cache.store(query, radius([]), 1);
    cache.lookup(query, 2);
    cache.lookup(query, 3);
    assert.deepEqual(cache.renewals(4), [query]);
    assert.equal(cache.size, 1, 'not asked for since version 1: gone');
  });

  it('keeps values but makes them stale when the thread restarts', () => {
    const cache = new AnswerCache();
    cache.store(query, radius(['b.ts']), 5);
    cache.markStale();
    assert.deepEqual(cache.lookup(query, 5), { value: radius(['b.ts']), current: false });
  });

  it('keeps at most 2,000 answers, dropping the least recently asked', () => {
    const cache = new AnswerCache();
    const at = (line: number) => ({ path: 'a.ts', firstLine: line, lastLine: line });
    for (let line = 0; line < 2_000; line++) cache.store(at(line), 'unavailable', 1);
    cache.lookup(at(0), 1);
    cache.store(at(2_000), 'unavailable', 1);
    assert.equal(cache.size, 2_000);
    assert.ok(cache.lookup(at(0), 1), 'asked lately: kept');
    assert.equal(cache.lookup(at(1), 1), undefined, 'the oldest untouched one went');
  });
});
