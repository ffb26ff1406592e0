import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AiProvenanceApiV1 } from '../../../src/extension/api/aiProvenance';
import { activatedExtension, closeAllEditors, openEditor, select, waitFor, writeWorkspaceFile } from '../support/extension';
import { withoutCapture } from '../support/settings';

describe('api: getApi(1) for other extensions', () => {
  // The test writes its file on disk: that is not an agent's write here.
  withoutCapture();
  let api: AiProvenanceApiV1;
  before(async () => {
    const exports = await activatedExtension();
    const v1 = exports.getApi(1);
    assert.ok(v1, 'getApi(1) returned nothing');
    api = v1;
  });
  afterEach(closeAllEditors);

  it('is version 1, and no other version exists yet', async () => {
    assert.equal(api.version, 1);
    const exports = await activatedExtension();
    assert.equal((exports.getApi as (version: number) => unknown)(2), undefined);
  });

  it("reports a file's AI regions and tells when they change", async () => {
    const uri = writeWorkspaceFile('src/api/answer.ts', 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n');
    assert.deepEqual(await api.regionsOf(uri), []);
    const changed: vscode.Uri[] = [];
    const subscription = api.onDidChangeRegions((uris) => changed.push(...uris));
    try {
      const editor = await openEditor(uri);
      select(editor, 1, 2);
      await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
      const regions = await waitFor('the marked region', async () => {
        const found = await api.regionsOf(uri);
        return found.length > 0 ? found : undefined;
      });
      assert.equal(regions.length, 1);
      const [region] = regions;
      assert.deepEqual([region!.range.start.line, region!.range.end.line], [1, 2]);
      assert.equal(region!.source, 'manual');
      assert.deepEqual(region!.aiLines, [1, 2]);
      assert.equal(region!.reviewed, undefined);
      await waitFor('a change event for the file', () => changed.some((changedUri) => changedUri.fsPath === uri.fsPath));
    } finally {
      subscription.dispose();
    }
  });

  it('has nothing for a document that is not a file on disk', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'untitled text' });
    assert.deepEqual(await api.regionsOf(document.uri), []);
  });
});
