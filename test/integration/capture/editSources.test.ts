// Exact edit sources (TextDocumentChangeEvent.detailedReason, issue 15 item
// 4) and the heuristics where they are off. code-server grants API
// proposals to every extension, so the reported source is there; the
// setting aiProvenance.capture.editSources switches it off to run the
// other path in the same host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, expectMarked, moveCursor, openNewFile, regionsOf, sleep } from './support/editorSession';
import { acceptOffered, TestInlineProvider } from './support/inlineProvider';

const BUILT_IN_ACCEPT = 'editor.action.inlineSuggest.commit';
const WRAPPED_ACCEPT = 'aiProvenance.capture.acceptInlineSuggestion';
const SUGGESTION = 'export function double(value: number): number {\n  const twice = value * 2;\n  return twice;\n}';

async function setEditSources(value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('aiProvenance.capture').update('editSources', value, vscode.ConfigurationTarget.Workspace);
  await sleep(200);
}

describe('capture: exact edit sources (detailedReason)', function () {
  this.timeout(120_000);
  let provider: TestInlineProvider;
  beforeEach(() => (provider = new TestInlineProvider({ scheme: 'file' })));
  afterEach(async () => {
    provider.dispose();
    await setEditSources(undefined);
    await closeAllEditors();
  });

  it('says at activation that the editor reports edit sources, in the status bar tooltip too', async () => {
    const api = await activeApi();
    const editor = await openNewFile('editsources/tooltip.ts', 'export const first = 1;\n\n');
    moveCursor(editor, 1, 0);
    await acceptOffered(provider, SUGGESTION, WRAPPED_ACCEPT);
    await expectMarked(editor.document.uri, [2, 3, 4, 5], 'the accept');
    await sleep(500);
    assert.match(api.views.statusBar().tooltip, /Edit sources: exact where the editor reports them/);
  });

  it("marks an accept made through VS Code's own command (no wrapper) from the reported source, with the providing extension as tool", async () => {
    const editor = await openNewFile('editsources/builtin.ts', 'export const first = 1;\n\n');
    moveCursor(editor, 1, 0);
    await acceptOffered(provider, SUGGESTION, BUILT_IN_ACCEPT);
    await expectMarked(editor.document.uri, [2, 3, 4, 5], 'the accept by the built-in command');
    const [region] = await regionsOf(editor.document.uri);
    assert.equal(region.source, 'inline');
    assert.equal(region.confidence, 1);
    assert.equal(region.tool, 'ai-provenance.ai-provenance', "the provider is registered by this extension's tests");
  });

  it('with editSources off, the same accept is not recognized and the wrapped one is (the heuristics, as in editors without the API)', async () => {
    await setEditSources(false);
    const editor = await openNewFile('editsources/heuristics.ts', 'export const first = 1;\n\n');
    moveCursor(editor, 1, 0);
    // Text of its own: an accept of text removed earlier (the previous test's file, reverted) is taken for AI text put back.
    await acceptOffered(provider, SUGGESTION.replace('double', 'halve').replace('* 2', '/ 2'), BUILT_IN_ACCEPT);
    await sleep(800);
    await expectMarked(editor.document.uri, [], "an accept the wrappers did not see, judged by its shape (at the cursor: the person's)");
    moveCursor(editor, editor.document.lineCount - 1, 0);
    await acceptOffered(provider, SUGGESTION.replace('double', 'triple').replace('* 2', '* 3'), WRAPPED_ACCEPT);
    await expectMarked(editor.document.uri, [6, 7, 8, 9], 'the wrapped accept');
    const regions = await regionsOf(editor.document.uri);
    assert.deepEqual(
      regions.map((region) => [region.source, region.tool]),
      [['inline', undefined]],
    );
  });
});
