import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StatusBarSnapshot } from '../../../src/extension/statusBar/riskStatusBar';
import { closeAllEditors, extensionApi, waitFor } from '../support/extension';
import { markAi, setting, useFixtureIndex, withoutCapture } from './support/views';

const LEDGER = 'src/payments/ledger.ts';

async function statusWhere(what: string, check: (status: StatusBarSnapshot) => boolean): Promise<StatusBarSnapshot> {
  const api = await extensionApi();
  return waitFor(`the status bar: ${what}`, () => {
    const status = api.views.statusBar();
    return check(status) ? status : undefined;
  });
}

describe('views: status bar risk meter', () => {
  withoutCapture();
  const fixture = useFixtureIndex({ ready: false });
  afterEach(async () => {
    await setting('statusBar.highlightFrom', undefined);
    await closeAllEditors();
  });

  it('is hidden without AI code, and rates the workspace once there is some', async () => {
    await statusWhere('hidden', (status) => !status.visible);
    // Lines 10-20 hold 10 non-blank lines: 10 x 10 (payments: critical) = 100 while the blast radius is unknown.
    await markAi(LEDGER, 10, 20);
    let status = await statusWhere('medium', (s) => s.visible && s.text.includes('medium'));
    assert.equal(status.text, '$(shield) AI risk: medium (1)');
    assert.equal(status.backgroundColor, undefined);
    assert.ok(status.tooltip.includes('*Blast radius: indexing… (the level may still rise)*'), status.tooltip);

    // The index finishes: x 1.96 for 4 dependents, 2 of them load-bearing.
    fixture.index.finish();
    status = await statusWhere('high', (s) => s.text.includes('high'));
    assert.equal(status.text, '$(warning) AI risk: high (1)');
    assert.equal(status.backgroundColor, 'statusBarItem.warningBackground');
    assert.ok(
      status.tooltip.startsWith(
        '**AI risk: high (1)** · 1 file at high risk, worst src/payments/ledger.ts; 10 unreviewed AI lines in 1 region across 1 file',
      ),
      status.tooltip,
    );
    assert.ok(status.tooltip.includes('| $(warning) high | 1 |'));
    assert.match(
      status.tooltip,
      /- \$\(warning\) \[src\/payments\/ledger\.ts\]\(command:aiProvenance\.openFile\?[^)]+\) · high · 10 unreviewed AI lines · payments/,
    );
    assert.ok(status.tooltip.endsWith('1 AI region tracked · [Open the AI Regions view](command:aiProvenance.showRegionsView)'));
    assert.ok(!status.tooltip.includes('indexing'));

    await setting('statusBar.highlightFrom', 'critical');
    await statusWhere('no background below the configured level', (s) => s.backgroundColor === undefined);
  });

  it('follows edits and reviews', async () => {
    fixture.index.finish();
    const editor = await markAi(LEDGER, 10, 20);
    await statusWhere('high', (s) => s.text === '$(warning) AI risk: high (1)');
    // Deleting balanceOf leaves 6 AI lines: 6 x 10 x 1.96 = 118, medium.
    await editor.edit((edit) => edit.delete(new vscode.Range(16, 0, 21, 0)));
    const medium = await statusWhere('medium after the edit', (s) => s.text.includes('medium'));
    assert.equal(medium.text, '$(shield) AI risk: medium (1)');
    assert.ok(medium.tooltip.includes('6 unreviewed AI lines'));

    editor.selection = new vscode.Selection(11, 0, 11, 0);
    await vscode.commands.executeCommand('aiProvenance.markReviewed');
    const none = await statusWhere('none after the review', (s) => s.text.includes('none'));
    assert.deepEqual([none.text, none.visible, none.backgroundColor], ['$(pass) AI risk: none', true, undefined]);
    assert.ok(none.tooltip.startsWith('**AI risk: none** · No unreviewed AI lines'));
  });

  it('opens the regions view on click', async () => {
    await markAi(LEDGER, 10, 15);
    await statusWhere('visible', (s) => s.visible);
    const api = await extensionApi();
    const status = api.views.statusBar();
    assert.equal(status.command, 'aiProvenance.showRegionsView');
    await vscode.commands.executeCommand(status.command);
    await waitFor('the AI Regions view to show', () => api.views.regionsViewVisible());
  });
});
