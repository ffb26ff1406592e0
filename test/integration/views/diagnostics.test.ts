import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, waitFor } from '../support/extension';
import { fixtureUri, markAi, setting, useFixtureIndex, withoutCapture } from './support/views';

const LEDGER = 'src/payments/ledger.ts';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'AI Provenance');
}

describe('views: diagnostics', () => {
  withoutCapture();
  useFixtureIndex({ ready: true });
  afterEach(async () => {
    await setting('diagnostics.enabled', undefined);
    await closeAllEditors();
  });

  it('are off by default', async () => {
    const uri = fixtureUri(LEDGER);
    await markAi(LEDGER, 10, 15);
    await (await extensionApi()).views.settled();
    assert.deepEqual(ours(uri), []);
  });

  it('report unreviewed AI code in load-bearing files when enabled, with a quick fix that marks it reviewed', async () => {
    const uri = fixtureUri(LEDGER);
    await markAi(LEDGER, 10, 15);
    await markAi('src/reports/daily.ts', 3, 7);
    await setting('diagnostics.enabled', true);
    const [diagnostic] = await waitFor('the diagnostic', () => (ours(uri).length === 1 ? ours(uri) : undefined));
    assert.equal(
      diagnostic!.message,
      'Unreviewed AI-generated code in a load-bearing file (payments: critical) · 4 dependents (2 load-bearing) · risk medium',
    );
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic!.code, 'unreviewed-ai-code');
    assert.deepEqual(
      [diagnostic!.range.start.line, diagnostic!.range.start.character, diagnostic!.range.end.line, diagnostic!.range.end.character],
      [10, 0, 15, 1],
    );
    assert.deepEqual(ours(fixtureUri('src/reports/daily.ts')), [], 'not load-bearing: no diagnostic');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range);
    const fix = actions.find((action) => action.title === 'Mark AI code as reviewed');
    assert.ok(fix?.command, `actions: ${actions.map((action) => action.title).join(', ')}`);
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitFor('the diagnostic to go', () => ours(uri).length === 0);
  });
});
