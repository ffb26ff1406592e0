import * as assert from 'node:assert/strict';
import { DEFAULT_RISK_MODEL } from '../../../src/core/risk/riskModel';
import type { BlastLookup } from '../../../src/core/views/blastLookup';
import { assessWorkspace, type RepositoryRiskInput } from '../../../src/core/views/workspaceRisk';
import type { AiRegion } from '../../../src/core/regions/region';
import { PAYMENTS, PLAIN, radius, region } from './support';

const REVIEW = { by: 'alice', at: 0 };

function repository(root: string, files: Array<[string, AiRegion[], BlastLookup?]>, model = DEFAULT_RISK_MODEL): RepositoryRiskInput {
  return {
    root,
    label: root.slice(1),
    model,
    files: files.map(([path, regions, blast]) => ({
      path,
      regions,
      classification: path.includes('payments') ? PAYMENTS : PLAIN,
      blastOf: () => blast ?? 'unavailable',
    })),
  };
}

describe('workspace risk', () => {
  it("assesses every region with its file's classes and blast radius, riskiest file first", () => {
    const lines = Array.from({ length: 8 }, (_, i) => `line ${i}`);
    const workspace = assessWorkspace([
      repository('/repo', [
        ['src/util/format.ts', [region(0, lines)]],
        [
          'src/payments/ledger.ts',
          [region(0, lines, { id: 'small' }), region(20, [...lines, ...lines], { id: 'big' })],
          radius('x', [['a.ts', 1, ['auth']]]),
        ],
        ['src/payments/done.ts', [region(0, lines, { reviewed: REVIEW })]],
      ]),
    ]);
    assert.deepEqual(
      workspace.files.map((file) => [file.path, file.risk.level]),
      [
        ['src/payments/ledger.ts', 'high'],
        ['src/util/format.ts', 'low'],
        ['src/payments/done.ts', 'none'],
      ],
    );
    assert.deepEqual(
      workspace.files[0]!.regions.map((entry) => entry.region.id),
      ['big', 'small'],
    );
    assert.equal(workspace.files[0]!.risk.blast?.loadBearingDependents, 1);
    assert.equal(workspace.files[2]!.regions[0]!.blast, 'unavailable', 'reviewed regions are not looked up');
    assert.equal(workspace.summary.label, 'AI risk: high (1)');
    assert.equal(workspace.regions, 4);
    assert.equal(workspace.indexing, false);
  });

  it('reports indexing while a blast radius is pending', () => {
    const workspace = assessWorkspace([repository('/repo', [['src/util/a.ts', [region(0, ['x'])], 'pending']])]);
    assert.equal(workspace.indexing, true);
  });

  it('levels each repository with its own model and merges the summaries', () => {
    const strict = { ...DEFAULT_RISK_MODEL, thresholds: { medium: 1, high: 5, critical: 10 } };
    const workspace = assessWorkspace([
      repository('/app', [['src/util/a.ts', [region(0, ['a', 'b', 'c', 'd'])]]]),
      repository('/lib', [['src/util/a.ts', [region(0, ['a', 'b', 'c', 'd'])]]], strict),
    ]);
    assert.deepEqual(workspace.files.map((file) => `${file.root}:${file.risk.level}`).sort(), ['/app:low', '/lib:medium']);
    assert.equal(workspace.summary.label, 'AI risk: medium (1)');
    assert.deepEqual({ low: workspace.summary.breakdown.low, medium: workspace.summary.breakdown.medium }, { low: 1, medium: 1 });
    assert.equal(workspace.summary.files, 2);
    assert.equal(workspace.summary.explanation, '1 file at medium risk, worst src/util/a.ts; 8 unreviewed AI lines in 2 regions across 2 files');
  });
});
