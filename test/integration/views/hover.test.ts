import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, regionsOf, waitFor } from '../support/extension';
import { decorationsWhere, fixtureUri, markAi, useFixtureIndex, withoutCapture } from './support/views';

const LEDGER = 'src/payments/ledger.ts';

/** Our hover at a position (other providers, like TypeScript's, may answer too). */
async function aiHover(uri: vscode.Uri, line: number, character = 4): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  const texts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
  return texts.find((text) => text.startsWith('**AI-generated**'));
}

/** The arguments of a `command:` link in Markdown. */
function linkArguments(markdown: string, command: string): unknown[][] {
  return [...markdown.matchAll(new RegExp(`\\(command:${command.replace(/\./g, '\\.')}\\?([^) ]+)`, 'g'))].map((match) =>
    JSON.parse(decodeURIComponent(match[1]!)),
  );
}

describe('views: hover and code lens', () => {
  withoutCapture();
  useFixtureIndex({ ready: true });
  afterEach(async () => {
    await closeAllEditors();
  });

  it('shows the dependents by depth, load-bearing first, each a link that opens the file', async () => {
    const uri = fixtureUri(LEDGER);
    await markAi(LEDGER, 10, 15);
    await decorationsWhere(uri, 'the warning', (s) => s.plan.annotations.length === 1);
    const hover = await waitFor('the AI hover', () => aiHover(uri, 10));
    assert.match(hover, /^\*\*AI-generated\*\* · manual · 6 AI lines · unreviewed/);
    assert.ok(hover.includes('$(warning) **Load-bearing file**\n- **payments** (critical): keyword "payment" in "payments/"'), hover);
    assert.ok(
      hover.includes('**Risk: medium** · 6 unreviewed AI lines in src/payments/ledger.ts (payments: critical); 4 dependents, 2 load-bearing'),
      hover,
    );
    assert.ok(hover.includes('**Blast radius:** 4 dependent files, 2 load-bearing · from `postEntry`'));

    const opened = linkArguments(hover, 'aiProvenance.openFile').map(([target]) => vscode.Uri.parse(target as string).path.split('/src/')[1]);
    assert.deepEqual(
      opened,
      ['checkout/cart.ts', 'payments/refund.ts', 'reports/daily.ts', 'api/routes.ts'],
      'depth 1 load-bearing, depth 1, then depth 2',
    );
    const depth1 = hover.indexOf('*Depth 1 (direct)*');
    const depth2 = hover.indexOf('*Depth 2*');
    assert.ok(depth1 > 0 && depth2 > hover.indexOf('reports/daily.ts') && hover.indexOf('api/routes.ts') > depth2);
    assert.ok(hover.includes('- $(warning) [src/checkout/cart.ts]'));

    const [[cart]] = linkArguments(hover, 'aiProvenance.openFile');
    await vscode.commands.executeCommand('aiProvenance.openFile', cart);
    await waitFor('the dependent to open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/src/checkout/cart.ts'));
  });

  it("stays out of the way on the region's other lines and in files without AI code", async () => {
    const uri = fixtureUri(LEDGER);
    await markAi(LEDGER, 10, 15);
    await decorationsWhere(uri, 'the warning', (s) => s.plan.annotations.length === 1);
    assert.equal(await aiHover(uri, 12), undefined);
    assert.equal(await aiHover(fixtureUri('src/payments/refund.ts'), 3), undefined);
  });

  it('marks the region reviewed from the hover link and from the code lens', async () => {
    const uri = fixtureUri(LEDGER);
    await markAi(LEDGER, 10, 15);
    await markAi(LEDGER, 18, 19);
    await decorationsWhere(uri, 'two warnings', (s) => s.plan.annotations.length === 2);
    const [firstId, secondId] = (await regionsOf(uri)).map((region) => region.id);

    const hover = await waitFor('the AI hover', () => aiHover(uri, 10));
    const [[reference]] = linkArguments(hover, 'aiProvenance.markReviewed');
    assert.deepEqual(reference, { uri: uri.toString(), regionId: firstId });
    await vscode.commands.executeCommand('aiProvenance.markReviewed', reference);
    await decorationsWhere(uri, 'one warning left', (s) => s.plan.annotations.length === 1);
    assert.equal(await aiHover(uri, 10), undefined, 'no hover on reviewed code (by default)');

    const lenses = await waitFor('the code lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const ours = found.filter((lens) => lens.command?.command === 'aiProvenance.markReviewed');
      return ours.length === 1 ? ours : undefined;
    });
    const lens = lenses[0]!;
    assert.equal(lens.range.start.line, 18);
    assert.equal(lens.command?.title, '$(check) Mark reviewed');
    const [argument] = lens.command!.arguments as [{ uri: vscode.Uri; regionId: string }];
    assert.equal(argument.regionId, secondId);
    await vscode.commands.executeCommand(lens.command!.command, ...lens.command!.arguments!);
    await decorationsWhere(uri, 'no warning left', (s) => s.plan.annotations.length === 0);
    assert.ok((await regionsOf(uri)).every((region) => region.reviewed));
    const after = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(
      after.filter((l) => l.command?.command === 'aiProvenance.markReviewed'),
      [],
    );
  });
});
