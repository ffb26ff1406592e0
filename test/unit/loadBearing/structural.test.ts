import * as assert from 'node:assert/strict';
import { structuralLoadBearing, structuralThreshold } from '../../../src/core/loadBearing/structural';

/** n files named f0..f(n-1) with dependent counts from `count(i)`. */
function counts(n: number, count: (i: number) => number): Map<string, number> {
  return new Map(Array.from({ length: n }, (_, i) => [`f${i}`, count(i)]));
}

describe('structuralLoadBearing', () => {
  it('takes the top 1% of 1000 files by dependents', () => {
    const result = structuralLoadBearing(
      counts(1000, (i) => i),
      { percentile: 0.99, minDependents: 10 },
    );
    assert.deepEqual([...result].sort(), ['f990', 'f991', 'f992', 'f993', 'f994', 'f995', 'f996', 'f997', 'f998', 'f999'].sort());
  });

  it('requires the minimum number of dependents, so small repositories flag nothing', () => {
    const small = counts(50, (i) => (i === 49 ? 4 : 1));
    assert.deepEqual([...structuralLoadBearing(small, { percentile: 0.99, minDependents: 10 })], []);
    assert.deepEqual([...structuralLoadBearing(small, { percentile: 0.99, minDependents: 3 })], ['f49']);
  });

  it('keeps every file tied at the threshold', () => {
    const tied = counts(200, (i) => (i >= 190 ? 50 : 0));
    assert.equal(structuralLoadBearing(tied, { percentile: 0.99, minDependents: 10 }).size, 10);
  });

  it('never flags files without dependents, and handles an empty index', () => {
    assert.equal(
      structuralLoadBearing(
        counts(10, () => 0),
        { percentile: 0.5, minDependents: 0 },
      ).size,
      0,
    );
    assert.equal(structuralLoadBearing(new Map()).size, 0);
    assert.equal(structuralThreshold(new Map()), Infinity);
  });

  it('takes the top share rounded up, so at least one file', () => {
    assert.equal(
      structuralThreshold(
        counts(10, (i) => i + 1),
        { percentile: 0.9, minDependents: 0 },
      ),
      10,
    );
    assert.equal(
      structuralThreshold(
        counts(10, (i) => i + 1),
        { percentile: 0.75, minDependents: 0 },
      ),
      8,
    );
    assert.equal(
      structuralThreshold(
        counts(10, (i) => i + 1),
        { percentile: 0.99, minDependents: 0 },
      ),
      10,
    );
    assert.equal(
      structuralThreshold(
        counts(10, (i) => i + 1),
        { percentile: 0, minDependents: 0 },
      ),
      1,
    );
    assert.equal(
      structuralThreshold(
        counts(10, (i) => i + 1),
        { percentile: 1, minDependents: 0 },
      ),
      10,
    );
  });
});
