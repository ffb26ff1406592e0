import * as assert from 'node:assert/strict';
import { LoadBearingClassifier } from '../../../src/core/loadBearing/classifier';
import { DEFAULT_RISK_MODEL } from '../../../src/core/risk/riskModel';
import { planDiagnostics } from '../../../src/core/views/diagnosticPlan';
import { assessWorkspace } from '../../../src/core/views/workspaceRisk';
import type { Classification } from '../../../src/core/loadBearing/classifier';
import type { AiRegion } from '../../../src/core/regions/region';
import { PAYMENTS, PLAIN, radius, region } from './support';

function file(classification: Classification, regions: AiRegion[]) {
  return assessWorkspace([
    {
      root: '/repo',
      label: 'repo',
      model: DEFAULT_RISK_MODEL,
      files: [
        {
          path: 'src/x.ts',
          classification,
          regions,
          blastOf: () =>
            radius('src/x.ts', [
              ['a.ts', 1],
              ['b.ts', 2, ['auth']],
            ]),
        },
      ],
    },
  ]).files[0]!;
}

describe('diagnostics plan', () => {
  it('reports unreviewed AI regions of load-bearing files from the first AI character to the end of the last AI line', () => {
    const regions = [
      region(4, ['', '  charge(card);', '  log();', 'H:  mine();'], { id: 'open' }),
      region(20, ['x'], { id: 'done', reviewed: { by: 'alice', at: 0 } }),
    ];
    assert.deepEqual(planDiagnostics(file(PAYMENTS, regions), true), [
      {
        regionId: 'open',
        startLine: 5,
        startCharacter: 0,
        endLine: 6,
        endCharacter: 8,
        message: 'Unreviewed AI-generated code in a load-bearing file (payments: critical) · 2 dependents (1 load-bearing) · risk medium',
        severity: 'warning',
        classes: ['payments'],
      },
    ]);
    assert.equal(
      planDiagnostics(file(PAYMENTS, regions), false)[0]!.message,
      'Unreviewed AI-generated code in a load-bearing file (payments: critical) · risk medium',
    );
  });

  it('informs for medium classes, names structure, and says nothing outside load-bearing files', () => {
    const structural = new LoadBearingClassifier();
    structural.setStructural(new Map([['src/core/db.ts', '40 dependents']]));
    const [diagnostic] = planDiagnostics(file(structural.classify('src/core/db.ts'), [region(0, ['a'])]), false);
    assert.equal(diagnostic?.severity, 'information');
    assert.match(diagnostic!.message, /\(load-bearing by structure: medium\)/);
    assert.deepEqual(planDiagnostics(file(PLAIN, [region(0, ['a'])]), true), []);
  });
});
