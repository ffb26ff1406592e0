// Authorship through the everyday actions around an accept: undo and redo
// (both ways, partial accepts, several undo stops, undo after a save), cut
// and paste, a dragged block, and Save As of an Untitled document.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  activeApi,
  closeAllEditors,
  expectMarked,
  markedLines,
  moveCursor,
  openNewFile,
  regionsOf,
  sleep,
  typeText,
  waitFor,
  workspaceRoot,
} from './support/editorSession';
import { acceptOffered, TestInlineProvider } from './support/inlineProvider';

const ACCEPT = 'aiProvenance.capture.acceptInlineSuggestion';
const ACCEPT_WORD = 'aiProvenance.capture.acceptInlineSuggestionNextWord';
/** code-server reports edit sources: the tool is the extension that provided the suggestion, this one (its tests register the provider). */
const PROVIDER = 'ai-provenance.ai-provenance';
const SEVEN =
  'export function clamp(value: number, low: number, high: number): number {\n  if (value < low) {\n    return low;\n  }\n  if (value > high) return high;\n  return value;\n}';

async function undo(times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await vscode.commands.executeCommand('undo');
}
async function redo(times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await vscode.commands.executeCommand('redo');
}

/** Undoes (or redoes) until the document holds `text`; returns how many steps it took. */
async function stepUntil(command: 'undo' | 'redo', document: vscode.TextDocument, text: string): Promise<number> {
  for (let steps = 1; steps <= 60; steps++) {
    await vscode.commands.executeCommand(command);
    if (document.getText() === text) return steps;
  }
  throw new Error(`${command} never got back to ${JSON.stringify(text)}; the document holds ${JSON.stringify(document.getText())}`);
}

/** Source, tool, model and review of the regions, for comparing before and after a round trip. */
async function origins(uri: vscode.Uri): Promise<string[]> {
  return (await regionsOf(uri)).map(
    (region) =>
      `${region.source}/${region.tool ?? '-'}/${region.model ?? '-'}/${region.reviewed ? `reviewed by ${region.reviewed.by}` : 'unreviewed'}`,
  );
}

describe('capture: authorship through undo, redo, moves and Save As', function () {
  this.timeout(240_000);
  let provider: TestInlineProvider;
  beforeEach(() => (provider = new TestInlineProvider({ scheme: 'file' })));
  afterEach(async () => {
    provider.dispose();
    await closeAllEditors();
  });

  it("undo removes an accepted suggestion's region and redo brings it back with the same origin and review", async () => {
    const editor = await openNewFile('roundtrips/undo-full.ts', 'export const first = 1;\n\n');
    moveCursor(editor, 1, 0);
    await acceptOffered(provider, SEVEN, ACCEPT);
    await expectMarked(editor.document.uri, [2, 3, 4, 5, 6, 7, 8], 'the accepted suggestion');
    const repository = await (await activeApi()).registry.resolve(editor.document.uri);
    repository!.store.markReviewed(repository!.pathOf(editor.document.uri)!, { by: 'ana', at: Date.now() });
    const before = await origins(editor.document.uri);
    assert.deepEqual(before, [`inline/${PROVIDER}/-/reviewed by ana`]);
    await undo();
    await expectMarked(editor.document.uri, [], 'after undo');
    await redo();
    await expectMarked(editor.document.uri, [2, 3, 4, 5, 6, 7, 8], 'after redo');
    assert.deepEqual(await origins(editor.document.uri), before);
    // And again, both ways.
    await undo();
    await expectMarked(editor.document.uri, [], 'after a second undo');
    await redo();
    await expectMarked(editor.document.uri, [2, 3, 4, 5, 6, 7, 8], 'after a second redo');
  });

  it("typed text undone and redone stays human; so does a person's line between accepts (several undo stops)", async () => {
    const editor = await openNewFile('roundtrips/undo-stops.ts', 'export const first = 1;\n\n');
    moveCursor(editor, 1, 0);
    await typeText('const typed = 2;\n');
    await acceptOffered(provider, SEVEN, ACCEPT);
    await typeText('\n// a note typed by hand');
    await expectMarked(editor.document.uri, [3, 4, 5, 6, 7, 8, 9], 'accepted between typed lines');
    const final = editor.document.getText();
    const steps = await stepUntil('undo', editor.document, 'export const first = 1;\n\n');
    assert.ok(steps >= 3, `the typing, the accept and the note are separate undo stops (${steps})`);
    await expectMarked(editor.document.uri, [], 'all undone');
    await stepUntil('redo', editor.document, final);
    await expectMarked(editor.document.uri, [3, 4, 5, 6, 7, 8, 9], 'all redone: the typed lines stay human');
  });

  it('partial accepts come back word by word, and undo after a save is undone like any other', async () => {
    const editor = await openNewFile('roundtrips/undo-partial.ts', 'const limit = 10;\n\n');
    moveCursor(editor, 1, 0);
    await acceptOffered(provider, 'export const maximum = Math.max(limit, 100);', ACCEPT_WORD);
    await acceptOffered(provider, ' maximum = Math.max(limit, 100);', ACCEPT_WORD, true);
    await expectMarked(editor.document.uri, [2], 'two words accepted');
    const sources = async () => [...new Set((await markedLines(editor.document.uri)).values())];
    const accepted = editor.document.getText();
    await editor.document.save();
    await stepUntil('undo', editor.document, 'const limit = 10;\n\n');
    await expectMarked(editor.document.uri, [], 'both words undone after the save');
    await stepUntil('redo', editor.document, accepted);
    await expectMarked(editor.document.uri, [2], 'both words redone');
    assert.deepEqual(await sources(), ['inline-partial']);
  });

  it('cut and paste, and a dragged block, keep authorship; text from outside stays human', async () => {
    const editor = await openNewFile('roundtrips/moves.ts', '// top\n\n// middle\n\n// bottom\n');
    moveCursor(editor, 1, 0);
    await acceptOffered(provider, SEVEN, ACCEPT);
    await expectMarked(editor.document.uri, [2, 3, 4, 5, 6, 7, 8], 'accepted');
    // Cut: the selection to the clipboard, then deleted by the person (the browser's cut command cannot reach the clipboard headless).
    editor.selection = new vscode.Selection(1, 0, 8, 0);
    await vscode.env.clipboard.writeText(editor.document.getText(editor.selection));
    await vscode.commands.executeCommand('deleteLeft');
    await expectMarked(editor.document.uri, [], 'cut');
    const last = editor.document.lineCount - 1;
    moveCursor(editor, last, 0);
    await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
    await waitFor('the paste', () => (editor.document.getText().endsWith('return value;\n}\n') ? true : undefined));
    await expectMarked(editor.document.uri, [5, 6, 7, 8, 9, 10, 11], 'pasted at the end');
    assert.deepEqual(await origins(editor.document.uri), [`inline/${PROVIDER}/-/unreviewed`]);

    // Dragging the block up above `// top`: the editor moves the selected text in one edit.
    const block = new vscode.Range(4, 0, 11, 0);
    editor.selection = new vscode.Selection(block.start, block.end);
    const text = editor.document.getText(block);
    await editor.edit((edit) => {
      edit.delete(block);
      edit.insert(new vscode.Position(0, 0), text);
    });
    await expectMarked(editor.document.uri, [1, 2, 3, 4, 5, 6, 7], 'dragged to the top');

    // Text copied from outside the workspace is the person's.
    await vscode.env.clipboard.writeText('export function outside(value: number): number {\n  return value - 1;\n}\n');
    moveCursor(editor, editor.document.lineCount - 1, 0);
    await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
    await waitFor('the second paste', () => (editor.document.getText().includes('outside') ? true : undefined));
    await sleep(500);
    await expectMarked(editor.document.uri, [1, 2, 3, 4, 5, 6, 7], 'the outside text stays unmarked');
  });

  it('an Untitled document keeps its regions and source through Save As; typed lines stay human', async () => {
    const untitledProvider = new TestInlineProvider({ scheme: 'untitled' });
    const target = join(workspaceRoot(), 'roundtrips', 'saved-as.ts');
    rmSync(target, { force: true });
    try {
      // An Untitled document with a target path: saving it is Save As without the dialog.
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(target).with({ scheme: 'untitled' }));
      await vscode.window.showTextDocument(document);
      await typeText('// typed by hand\n');
      await acceptOffered(untitledProvider, SEVEN, ACCEPT);
      await typeText('\n');
      assert.ok(await document.save(), 'saved');
      const saved = vscode.Uri.file(target);
      await expectMarked(saved, [2, 3, 4, 5, 6, 7, 8], 'after Save As');
      assert.deepEqual(await origins(saved), [`inline/${PROVIDER}/-/unreviewed`]);
      await sleep(1500);
      await expectMarked(saved, [2, 3, 4, 5, 6, 7, 8], 'and still after the file watcher saw the new file');
    } finally {
      untitledProvider.dispose();
    }
  });
});
