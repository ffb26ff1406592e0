import * as assert from 'node:assert/strict';
import { aggregateFileRisk, aggregateFileRisks } from '../../../src/core/risk/fileRisk';
import { assessRisk, type RiskFacts } from '../../../src/core/risk/regionRisk';
import { summarizeRisk } from '../../../src/core/risk/summarizeRisk';

const AUTH = { severity: 'critical', classes: [{ name: 'auth' }] } as const;
const PLAIN = { severity: 'none', classes: [] } as const;

function risk(path: string, lines: number, loadBearing: RiskFacts['loadBearing'] = PLAIN, id = `${path}#${lines}`) {
  return assessRisk({ path, regionId: id, unreviewedAiLines: lines, loadBearing });
}

describe('file risk', () => {
  it('adds up its regions: four low one-line completions make a medium file', () => {
    const regions = [1, 2, 3, 4].map((n) => risk('src/auth/session.ts', 1, AUTH, `r${n}`));
    assert.deepEqual(
      regions.map((r) => r.level),
      ['low', 'low', 'low', 'low'],
    );
    const file = aggregateFileRisk(regions);
    assert.equal(file.level, 'medium');
    assert.equal(file.score, 40);
    assert.equal(file.unreviewedRegions, 4);
    assert.equal(
      file.explanation,
      'medium: 4 unreviewed AI lines in 4 regions in src/auth/session.ts (auth: critical); blast radius unknown (no index)',
    );
  });

  it('groups by path, highest score first, and ignores reviewed regions in the counts', () => {
    const files = aggregateFileRisks([risk('b.ts', 5), risk('a.ts', 100), risk('b.ts', 0), risk('c.ts', 0)]);
    assert.deepEqual(
      files.map((f) => [f.path, f.level, f.unreviewedRegions]),
      [
        ['a.ts', 'medium', 1],
        ['b.ts', 'low', 1],
        ['c.ts', 'none', 0],
      ],
    );
    assert.equal(files[2]?.explanation, 'none: no unreviewed AI lines in c.ts');
  });

  it('explains the file with the widest blast radius of its regions', () => {
    const regions = [
      assessRisk({ path: 'lib.ts', unreviewedAiLines: 40, loadBearing: PLAIN, blast: { dependents: 3, loadBearingDependents: 0 } }),
      assessRisk({ path: 'lib.ts', unreviewedAiLines: 40, loadBearing: PLAIN, blast: { dependents: 12, loadBearingDependents: 1 } }),
      assessRisk({ path: 'lib.ts', unreviewedAiLines: 40, loadBearing: PLAIN }),
    ];
    const file = aggregateFileRisk(regions);
    assert.deepEqual(file.blast, { dependents: 12, loadBearingDependents: 1 });
    assert.ok(Math.abs(file.score - regions.reduce((sum, r) => sum + r.score, 0)) < 1e-9);
    assert.match(file.explanation, /in 3 regions in lib\.ts \(not load-bearing\); 12 dependents, 1 load-bearing$/);
  });

  it('refuses an empty file', () => assert.throws(() => aggregateFileRisk([])));
});

describe('summarizeRisk', () => {
  it('reports the highest file level and how many files are at it', () => {
    const summary = summarizeRisk([
      risk('src/auth/login.ts', 20, AUTH), // 200: high
      risk('src/auth/logout.ts', 16, AUTH), // 160: high
      risk('src/util.ts', 80), // 40: medium
      risk('src/other.ts', 3), // low
      risk('src/done.ts', 0), // reviewed
    ]);
    assert.equal(summary.level, 'high');
    assert.equal(summary.count, 2);
    assert.equal(summary.label, 'AI risk: high (2)');
    assert.deepEqual(summary.breakdown, { none: 1, low: 1, medium: 1, high: 2, critical: 0 });
    assert.equal(summary.files, 4);
    assert.equal(summary.unreviewedRegions, 4);
    assert.equal(summary.unreviewedAiLines, 119);
    assert.deepEqual(
      summary.top.map((f) => f.path),
      ['src/auth/login.ts', 'src/auth/logout.ts', 'src/util.ts', 'src/other.ts'],
    );
    assert.equal(summary.explanation, '2 files at high risk, worst src/auth/login.ts; 119 unreviewed AI lines in 4 regions across 4 files');
  });

  it('counts a file made risky by many small regions, not the regions', () => {
    const summary = summarizeRisk(Array.from({ length: 16 }, (_, i) => risk('src/auth/session.ts', 1, AUTH, `r${i}`)));
    assert.equal(summary.label, 'AI risk: high (1)');
  });

  it('limits the top list', () => {
    const regions = Array.from({ length: 8 }, (_, i) => risk(`f${i}.ts`, i + 1));
    assert.deepEqual(
      summarizeRisk(regions, { limit: 2 }).top.map((f) => f.path),
      ['f7.ts', 'f6.ts'],
    );
  });

  it('is "none" with nothing unreviewed', () => {
    for (const regions of [[], [risk('a.ts', 0)]]) {
      const summary = summarizeRisk(regions);
      assert.equal(summary.label, 'AI risk: none');
      assert.equal(summary.count, 0);
      assert.equal(summary.explanation, 'No unreviewed AI lines');
      assert.deepEqual(summary.top, []);
    }
  });
});
