// Inline completions (ghost text) accepted through our accept commands, which
// the Tab and Ctrl+Right keybindings run: full accepts become `inline`
// regions, partial accepts `inline-partial`; nothing else is marked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, expectMarked, markedLines, moveCursor, openNewFile, regionsOf, typeText } from './support/editorSession';
import { acceptOffered, TestInlineProvider } from './support/inlineProvider';

const ACCEPT = 'aiProvenance.capture.acceptInlineSuggestion';
const ACCEPT_WORD = 'aiProvenance.capture.acceptInlineSuggestionNextWord';
const ACCEPT_LINE = 'aiProvenance.capture.acceptInlineSuggestionNextLine';

describe('capture: inline completion accepts', function () {
  this.timeout(240_000);
  let provider: TestInlineProvider;
  beforeEach(() => (provider = new TestInlineProvider()));
  afterEach(async () => {
    provider.dispose();
    await closeAllEditors();
  });

  it('marks a fully accepted multi-line suggestion as inline, and only it', async () => {
    const editor = await openNewFile('capture/inline-full.ts', 'export const first = 1;\n\nexport const last = 2;\n');
    moveCursor(editor, 1, 0);
    await acceptOffered(provider, 'export function double(value: number): number {\n  return value * 2;\n}', ACCEPT);
    assert.equal(editor.document.lineAt(1).text, 'export function double(value: number): number {');
    await expectMarked(editor.document.uri, [2, 3, 4], 'the accepted suggestion');
    const sources = new Set((await regionsOf(editor.document.uri)).map((region) => region.source));
    assert.deepEqual([...sources], ['inline']);

    // A person then rewrites one of the accepted lines: that line is theirs now, the others stay AI.
    moveCursor(editor, 2, editor.document.lineAt(2).text.length - 1);
    await typeText(' + 0');
    await expectMarked(editor.document.uri, [2, 4], 'after a person edited line 3');
    // Lines typed above move the region down.
    moveCursor(editor, 0, 0);
    await typeText('// header\n');
    await expectMarked(editor.document.uri, [3, 5], 'after a line was typed above');
  });

  it('marks partial accepts (next word, next line) as inline-partial', async () => {
    const editor = await openNewFile('capture/inline-partial.ts', 'const items = [1, 2, 3];\n\n');
    moveCursor(editor, 1, 0);
    await acceptOffered(provider, 'const total = items.reduce((sum, item) => sum + item, 0);\nconsole.log(total);', ACCEPT_WORD);
    assert.equal(editor.document.lineAt(1).text, 'const');
    await expectMarked(editor.document.uri, [2], 'the accepted word');

    moveCursor(editor, 2, 0);
    await typeText('\n');
    moveCursor(editor, 3, 0);
    await acceptOffered(provider, 'export const answer = 42;\nexport const question = undefined;', ACCEPT_LINE);
    assert.match(editor.document.lineAt(3).text, /^export const answer = 42;/);
    const marked = await markedLines(editor.document.uri);
    assert.equal(marked.get(2), 'inline-partial');
    assert.equal(marked.get(4), 'inline-partial');
    assert.equal(marked.has(1), false, 'the line above was not accepted');
  });

  it('leaves Tab alone when no suggestion is shown: nothing changes and later typing is not marked', async () => {
    const editor = await openNewFile('capture/inline-none.ts', 'const a = 1;\n');
    moveCursor(editor, 1, 0);
    provider.withdraw();
    const version = editor.document.version;
    await vscode.commands.executeCommand(ACCEPT);
    assert.equal(editor.document.version, version, 'the accept command changed the document without a suggestion');
    await typeText('const typed = 2;');
    await expectMarked(editor.document.uri, [], 'typing after an empty accept');
  });
});
