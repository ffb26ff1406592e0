import * as assert from 'node:assert/strict';
import { DEFAULT_RISK_MODEL } from '../../../src/core/risk/riskModel';
import { planRegionTree } from '../../../src/core/views/regionTree';
import { assessWorkspace } from '../../../src/core/views/workspaceRisk';
import { PAYMENTS, PLAIN, radius, region } from './support';

const REVIEW = { by: 'alice', at: 0 };
const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i}`);

function workspace(root = '/repo', label = 'repo') {
  return assessWorkspace([
    {
      root,
      label,
      model: DEFAULT_RISK_MODEL,
      files: [
        { path: 'src/util/format.ts', classification: PLAIN, regions: [region(0, lines(3), { id: 'u' })], blastOf: () => 'pending' as const },
        {
          path: 'src/payments/ledger.ts',
          classification: PAYMENTS,
          regions: [region(2, lines(1), { id: 'one' }), region(10, lines(5), { id: 'five' }), region(30, lines(2), { id: 'done', reviewed: REVIEW })],
          blastOf: () => radius('src/payments/ledger.ts', [['src/checkout/cart.ts', 1, ['payments']]]),
        },
      ],
    },
  ]).files;
}

describe('regions view plan', () => {
  it('lists files by risk and their regions by risk, with what matters in the descriptions', () => {
    const tree = planRegionTree(workspace(), { loadBearingOnly: false, showReviewed: false, multipleRepositories: false });
    assert.deepEqual(
      tree.map((file) => [file.label, file.description, file.level]),
      [
        ['ledger.ts', 'src/payments · medium · payments', 'medium'],
        ['format.ts', 'src/util · low', 'low'],
      ],
    );
    assert.deepEqual(
      tree[0]!.regions.map((r) => [r.label, r.description, r.regionId]),
      [
        ['Lines 11–15', 'medium · 5 AI lines · 1 dependent (1 load-bearing)', 'five'],
        ['Line 3', 'low · 1 AI line · 1 dependent (1 load-bearing)', 'one'],
      ],
    );
    assert.equal(tree[1]!.regions[0]!.description, 'low · 3 AI lines · blast radius: indexing…');
    assert.match(
      tree[0]!.regions[0]!.tooltip,
      /^medium: 5 unreviewed AI lines in src\/payments\/ledger.ts \(payments: critical\); 1 dependent, 1 load-bearing\ninline · copilot$/,
    );
  });

  it('filters to load-bearing files, and shows reviewed regions on request', () => {
    const onlyLoadBearing = planRegionTree(workspace(), { loadBearingOnly: true, showReviewed: false, multipleRepositories: false });
    assert.deepEqual(
      onlyLoadBearing.map((file) => file.path),
      ['src/payments/ledger.ts'],
    );
    const withReviewed = planRegionTree(workspace(), { loadBearingOnly: true, showReviewed: true, multipleRepositories: false });
    const done = withReviewed[0]!.regions.find((r) => r.regionId === 'done');
    assert.deepEqual([done?.reviewed, done?.description, done?.level], [true, 'reviewed by alice · 2 AI lines', 'none']);
  });

  it('names the repository when several are open, and keys nodes by repository', () => {
    const tree = planRegionTree(workspace('/work/app', 'app'), { loadBearingOnly: false, showReviewed: false, multipleRepositories: true });
    assert.equal(tree[0]!.description, 'app/src/payments · medium · payments');
    assert.equal(tree[0]!.id, '/work/app\0src/payments/ledger.ts');
    assert.equal(tree[0]!.regions[0]!.id, '/work/app\0src/payments/ledger.ts\0five');
  });
});
