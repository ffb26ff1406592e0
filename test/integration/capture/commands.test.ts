// The explicit commands: mark the selection as AI, unmark it, mark reviewed
// (the region at the cursor, or the selection).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, expectMarked, openNewFile, regionsOf, waitFor } from './support/editorSession';

describe('capture: explicit commands', function () {
  this.timeout(240_000);
  afterEach(closeAllEditors);

  it('marks the selection as AI (manual), unmarks part of it, and marks regions reviewed', async () => {
    const editor = await openNewFile('capture/commands.ts', 'line one();\nline two();\nline three();\nline four();\nline five();\n');
    const uri = editor.document.uri;
    editor.selection = new vscode.Selection(1, 0, 4, 0);
    await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
    await expectMarked(uri, [2, 3, 4], 'the marked selection');
    assert.deepEqual(
      (await regionsOf(uri)).map((region) => region.source),
      ['manual'],
    );

    editor.selection = new vscode.Selection(2, 0, 2, 4);
    await vscode.commands.executeCommand('aiProvenance.unmarkSelection');
    await expectMarked(uri, [2, 4], 'after unmarking line 3');

    // Reviewed: the region at the cursor only.
    editor.selection = new vscode.Selection(3, 2, 3, 2);
    await vscode.commands.executeCommand('aiProvenance.markReviewed');
    await waitFor('a reviewed region', async () => ((await regionsOf(uri)).some((region) => region.reviewed) ? true : undefined));
    const reviewed = (await regionsOf(uri)).map((region) => [region.start.line + 1, Boolean(region.reviewed)]);
    assert.deepEqual(reviewed, [
      [2, false],
      [4, true],
    ]);

    // Reviewed: a selection.
    editor.selection = new vscode.Selection(0, 0, 2, 0);
    await vscode.commands.executeCommand('aiProvenance.markReviewed');
    await waitFor('every region reviewed', async () => ((await regionsOf(uri)).every((region) => region.reviewed) ? true : undefined));
    await expectMarked(uri, [2, 4], 'reviewed regions stay marked');
  });

  it('marks the cursor line when nothing is selected, and a whole file reviewed', async () => {
    const editor = await openNewFile('capture/commands-line.ts', 'alpha();\nbeta();\n');
    editor.selection = new vscode.Selection(1, 3, 1, 3);
    await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
    await expectMarked(editor.document.uri, [2], 'the cursor line');
    await vscode.commands.executeCommand('aiProvenance.markFileReviewed');
    await waitFor('the file reviewed', async () => ((await regionsOf(editor.document.uri)).every((region) => region.reviewed) ? true : undefined));
  });
});
