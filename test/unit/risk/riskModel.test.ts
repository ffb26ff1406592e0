import * as assert from 'node:assert/strict';
import { blastFactor, DEFAULT_RISK_MODEL, levelForScore, type RiskModelConfig } from '../../../src/core/risk/riskModel';

describe('risk model', () => {
  describe('blastFactor', () => {
    const CASES: ReadonlyArray<readonly [string, Parameters<typeof blastFactor>[0], number]> = [
      ['unknown (no index) is neutral', undefined, 1],
      ['no dependents is neutral', { dependents: 0, loadBearingDependents: 0 }, 1],
      ['1 dependent adds one doubling', { dependents: 1 }, 1.2],
      ['31 dependents, 3 load-bearing', { dependents: 31, loadBearingDependents: 3 }, 2.75],
      ['load-bearing dependents count even when few', { dependents: 3, loadBearingDependents: 2 }, 1.9],
      ['capped at maxFactor', { dependents: 100_000, loadBearingDependents: 50 }, 3],
      ['negative counts are treated as 0', { dependents: -4, loadBearingDependents: -1 }, 1],
    ];
    for (const [what, blast, expected] of CASES) {
      it(`${what}: ${expected}`, () => assert.ok(Math.abs(blastFactor(blast) - expected) < 1e-9, `${blastFactor(blast)}`));
    }
  });

  describe('levelForScore', () => {
    const CASES: ReadonlyArray<readonly [number, string]> = [
      [0, 'none'],
      [-1, 'none'],
      [Number.NaN, 'none'],
      [0.5, 'low'],
      [29.99, 'low'],
      [30, 'medium'],
      [149, 'medium'],
      [150, 'high'],
      [599, 'high'],
      [600, 'critical'],
      [1e9, 'critical'],
    ];
    for (const [score, level] of CASES) {
      it(`${score} -> ${level}`, () => assert.equal(levelForScore(score), level));
    }

    it('uses configured thresholds', () => {
      const strict: RiskModelConfig = { ...DEFAULT_RISK_MODEL, thresholds: { medium: 5, high: 10, critical: 20 } };
      assert.equal(levelForScore(12, strict), 'high');
    });
  });
});
