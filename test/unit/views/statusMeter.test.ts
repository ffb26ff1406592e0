import * as assert from 'node:assert/strict';
import type { FileRisk } from '../../../src/core/risk/fileRisk';
import { assessRisk } from '../../../src/core/risk/regionRisk';
import { summarizeRisk } from '../../../src/core/risk/summarizeRisk';
import { planStatusMeter, type StatusMeterOptions } from '../../../src/core/views/statusMeter';

const CRITICAL = { severity: 'critical', classes: [{ name: 'payments' }] } as const;
const PLAIN = { severity: 'none', classes: [] } as const;

function meter(risks: Parameters<typeof summarizeRisk>[0], options: Partial<StatusMeterOptions> = {}) {
  return planStatusMeter(summarizeRisk(risks), {
    regions: risks.length,
    highlightFrom: 'high',
    indexing: false,
    openFile: (file: FileRisk) => `open:${file.path}`,
    openView: 'view:',
    ...options,
  });
}

describe('status bar risk meter', () => {
  const high = [
    assessRisk({ path: 'src/payments/a.ts', unreviewedAiLines: 20, loadBearing: CRITICAL }),
    assessRisk({ path: 'src/payments/b.ts', unreviewedAiLines: 16, loadBearing: CRITICAL }),
    assessRisk({ path: 'src/util/c.ts', unreviewedAiLines: 4, loadBearing: PLAIN }),
  ];

  it('shows icon, level and count, with the warning background from "high"', () => {
    const shown = meter(high);
    assert.equal(shown.text, '$(warning) AI risk: high (2)');
    assert.equal(shown.accessibilityLabel, 'AI risk: high (2)');
    assert.equal(shown.background, 'warning');
    assert.equal(shown.visible, true);
  });

  it('uses the error background for critical and none below the configured level', () => {
    const critical = meter([assessRisk({ path: 'src/payments/a.ts', unreviewedAiLines: 70, loadBearing: CRITICAL })]);
    assert.equal(critical.text, '$(error) AI risk: critical (1)');
    assert.equal(critical.background, 'error');
    assert.equal(meter(high, { highlightFrom: 'critical' }).background, undefined);
    const mediumRisk = [assessRisk({ path: 'src/payments/a.ts', unreviewedAiLines: 5, loadBearing: CRITICAL })];
    const medium = meter(mediumRisk);
    assert.equal(medium.text, '$(shield) AI risk: medium (1)');
    assert.equal(medium.background, undefined);
    assert.equal(meter(mediumRisk, { highlightFrom: 'medium' }).background, 'warning');
  });

  it('explains the breakdown and links the riskiest files in the tooltip', () => {
    const { tooltip } = meter(high, { indexing: true });
    assert.ok(
      tooltip.startsWith('**AI risk: high (2)** · 2 files at high risk, worst src/payments/a.ts; 40 unreviewed AI lines in 3 regions across 3 files'),
      tooltip,
    );
    assert.ok(tooltip.includes('| $(warning) high | 2 |\n| $(shield) low | 1 |'), tooltip);
    assert.ok(tooltip.includes('- $(warning) [src/payments/a.ts](open:src/payments/a.ts) · high · 20 unreviewed AI lines · payments'));
    assert.ok(tooltip.includes('*Blast radius: indexing… (the level may still rise)*'));
    assert.ok(tooltip.endsWith('3 AI regions tracked · [Open the AI Regions view](view:)'));
  });

  it('stays hidden with no AI regions, and says "none" when all are reviewed', () => {
    assert.equal(meter([]).visible, false);
    const reviewed = meter([assessRisk({ path: 'a.ts', unreviewedAiLines: 0, reviewedBy: 'alice', loadBearing: CRITICAL })]);
    assert.equal(reviewed.visible, true);
    assert.equal(reviewed.text, '$(pass) AI risk: none');
    assert.equal(reviewed.background, undefined);
  });
});
