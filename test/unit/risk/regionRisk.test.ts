import * as assert from 'node:assert/strict';
import type { AiRegion } from '../../../src/core/regions/region';
import { assessRegionRisk, assessRisk, unreviewedAiLines } from '../../../src/core/risk/regionRisk';
import { DEFAULT_RISK_MODEL } from '../../../src/core/risk/riskModel';

const PAYMENTS = { severity: 'critical', classes: [{ name: 'payments' }] } as const;
const PLAIN = { severity: 'none', classes: [] } as const;

/** A region whose lines are given as [text, human]. */
function region(lines: ReadonlyArray<readonly [string, boolean]>, reviewedBy?: string): AiRegion {
  return {
    id: 'r1',
    source: 'inline',
    createdAt: 0,
    confidence: 1,
    start: { line: 10, character: 0 },
    end: { line: 10 + lines.length, character: 0 },
    lines: lines.map(([text, human]) => ({ text, human })),
    ...(reviewedBy ? { reviewed: { by: reviewedBy, at: 1 } } : {}),
  };
}

describe('region risk', () => {
  it('counts AI-authored, non-blank lines a human did not rewrite', () => {
    const r = region([
      ['const a = 1;', false],
      ['', false],
      ['   ', false],
      ['const b = rewritten();', true],
      ['return a;', false],
    ]);
    assert.equal(unreviewedAiLines(r), 2);
  });

  it('counts nothing once the region is reviewed, and says who reviewed it', () => {
    const r = region([['charge(card);', false]], 'alice');
    assert.equal(unreviewedAiLines(r), 0);
    const risk = assessRegionRisk({ path: 'payments/charge.ts', region: r, loadBearing: PAYMENTS });
    assert.equal(risk.level, 'none');
    assert.equal(risk.score, 0);
    assert.equal(risk.explanation, 'none: AI region in payments/charge.ts reviewed by alice');
  });

  it('scores an AiRegion with its id, classes and blast radius', () => {
    const lines = Array.from({ length: 15 }, (_, i) => [`line ${i}`, false] as const);
    const risk = assessRegionRisk({
      path: 'payments/charge.ts',
      region: region(lines),
      loadBearing: PAYMENTS,
      blast: { dependents: 31, loadBearingDependents: 3 },
    });
    assert.deepEqual(risk, {
      path: 'payments/charge.ts',
      regionId: 'r1',
      level: 'high',
      score: 412.5,
      unreviewedAiLines: 15,
      severity: 'critical',
      classes: ['payments'],
      blast: { dependents: 31, loadBearingDependents: 3 },
      explanation: 'high: 15 unreviewed AI lines in payments/charge.ts (payments: critical); 31 dependents, 3 load-bearing',
    });
  });

  it('says when the blast radius is unknown instead of guessing', () => {
    const risk = assessRisk({ path: 'src/util.ts', unreviewedAiLines: 1, loadBearing: PLAIN });
    assert.equal(risk.explanation, 'low: 1 unreviewed AI line in src/util.ts (not load-bearing); blast radius unknown (no index)');
    assert.equal(risk.blast, undefined);
  });

  it('describes a known blast radius without load-bearing facts, and one without dependents', () => {
    assert.match(assessRisk({ path: 'a.ts', unreviewedAiLines: 2, loadBearing: PLAIN, blast: { dependents: 1 } }).explanation, /; 1 dependent$/);
    assert.match(assessRisk({ path: 'a.ts', unreviewedAiLines: 2, loadBearing: PLAIN, blast: { dependents: 0 } }).explanation, /; no dependents$/);
  });

  it('lists every class of the file with the highest severity', () => {
    const risk = assessRisk({
      path: 'src/payments/auth/3ds.ts',
      unreviewedAiLines: 4,
      loadBearing: { severity: 'critical', classes: [{ name: 'auth' }, { name: 'payments' }] },
    });
    assert.equal(
      risk.explanation,
      'medium: 4 unreviewed AI lines in src/payments/auth/3ds.ts (auth, payments: critical); blast radius unknown (no index)',
    );
  });

  it('applies configured weights, and explains lines that weigh nothing', () => {
    const model = { ...DEFAULT_RISK_MODEL, severityWeights: { ...DEFAULT_RISK_MODEL.severityWeights, none: 0 } };
    const risk = assessRisk({ path: 'a.ts', unreviewedAiLines: 3, loadBearing: PLAIN }, model);
    assert.equal(risk.level, 'none');
    assert.equal(risk.explanation, 'none: 3 unreviewed AI lines in a.ts weigh nothing under the configured risk weights');
  });
});
