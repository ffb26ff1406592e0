// Chat and agent edits inside the editor (WorkspaceEdits of other
// extensions) are marked from their shape; what a person does at the
// cursor (typing, paste, snippets, IntelliSense), formatting and undo are not.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  expectMarked,
  git,
  markedLines,
  moveCursor,
  openNewFile,
  regionsOf,
  sleep,
  typeText,
  waitFor,
  writeWorkspaceFile,
} from './support/editorSession';

const AGENT_BLOCK = 'export function clamp(value: number, low: number, high: number): number {\n  return Math.min(high, Math.max(low, value));\n}\n';

describe('capture: chat and agent edits in the editor', function () {
  this.timeout(240_000);
  afterEach(closeAllEditors);

  it('marks a WorkspaceEdit into a file no editor shows as agent, with its confidence', async () => {
    const uri = writeWorkspaceFile('capture/agent-hidden.ts', 'export const one = 1;\n');
    git('add', 'capture/agent-hidden.ts');
    git('commit', '-q', '-m', 'agent-hidden');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(1, 0), AGENT_BLOCK);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await expectMarked(uri, [2, 3, 4], 'the agent block');
    const [region] = await regionsOf(uri);
    assert.equal(region.source, 'agent');
    assert.equal(region.confidence, 0.9);
  });

  it('marks a block applied away from the cursor of the active editor as chat, and follows later edits', async () => {
    const editor = await openNewFile('capture/chat-apply.ts', 'const header = 1;\n\n\nconst footer = 2;\n');
    moveCursor(editor, 0, 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(2, 0), AGENT_BLOCK);
    await vscode.workspace.applyEdit(edit);
    await expectMarked(editor.document.uri, [3, 4, 5], 'the applied block');
    assert.equal((await markedLines(editor.document.uri)).get(3), 'chat');
    // Typing a new line above moves the region; rewriting its middle line makes that line human.
    moveCursor(editor, 0, 0);
    await typeText('// note\n');
    await expectMarked(editor.document.uri, [4, 5, 6], 'after a line typed above');
    const middle = editor.document.lineAt(4);
    moveCursor(editor, 4, middle.text.length);
    await typeText(' // checked');
    await expectMarked(editor.document.uri, [4, 6], 'after the middle line was edited');
  });

  it('does not mark typing, a paste, a snippet, an IntelliSense accept, formatting or undo', async () => {
    const editor = await openNewFile('capture/human.ts', 'export function main() {\n}\n');
    const uri = editor.document.uri;
    moveCursor(editor, 0, editor.document.lineAt(0).text.length);
    await typeText('\nconst typed = [1, 2, 3];\nif (typed.length) {\nconsole.log(typed);\n}');
    await vscode.env.clipboard.writeText('const pasted = {\n  first: 1,\n  second: 2,\n};\n');
    moveCursor(editor, editor.document.lineCount - 1, 0);
    await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
    await waitForText(editor, 'const pasted');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { snippet: 'for (const ${1:item} of ${2:items}) {\n\t$0\n}\n' });
    await waitForText(editor, 'for (const item');
    moveCursor(editor, editor.document.lineCount - 1, 0);
    await typeText('typed.ma');
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(1500);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await vscode.commands.executeCommand('undo');
    await sleep(1000);
    assert.match(editor.document.getText(), /const pasted/);
    assert.deepEqual(await markedLines(uri), new Map(), 'human work was marked as AI');
  });

  it('does not mark a rename refactoring across files, and keeps the AI lines it renames in', async () => {
    const library = await openNewFile('capture/rename-lib.ts', 'export function oldName(value: number): number {\n  return value + 1;\n}\n');
    const libraryUri = library.document.uri;
    const userUri = writeWorkspaceFile('capture/rename-use.ts', "import { oldName } from './rename-lib';\nexport const used = oldName(1);\n");
    git('add', 'capture/rename-use.ts');
    git('commit', '-q', '-m', 'rename-use');
    await vscode.workspace.openTextDocument(userUri);
    // The function came from an agent.
    const agentEdit = new vscode.WorkspaceEdit();
    agentEdit.insert(libraryUri, new vscode.Position(3, 0), 'export function helper(): number {\n  return oldName(41);\n}\n');
    await vscode.workspace.applyEdit(agentEdit);
    await expectMarked(libraryUri, [4, 5, 6], 'the agent block');
    moveCursor(library, 0, 18);
    // What F2 does: ask the language's rename provider (the TypeScript server, once it is up) for its WorkspaceEdit and apply it.
    const rename = await waitFor(
      'the TypeScript rename provider',
      async () => {
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
          'vscode.executeDocumentRenameProvider',
          libraryUri,
          new vscode.Position(0, 18),
          'newName',
        );
        return edit && edit.size > 0 ? edit : undefined;
      },
      120_000,
    );
    // The agent is still at work when the person renames: its next block lands right before the rename,
    // which so falls inside the agent's burst of edits (how soon the TypeScript server answers no longer decides).
    const agentFileUri = writeWorkspaceFile('capture/rename-agent.ts', 'export const first = 1;\n');
    git('add', 'capture/rename-agent.ts');
    git('commit', '-q', '-m', 'rename-agent');
    const nextAgentEdit = new vscode.WorkspaceEdit();
    nextAgentEdit.insert(agentFileUri, new vscode.Position(1, 0), AGENT_BLOCK);
    assert.equal(await vscode.workspace.applyEdit(nextAgentEdit), true);
    assert.equal(await vscode.workspace.applyEdit(rename), true);
    await waitFor('the rename', () => (library.document.getText().includes('return newName(41)') ? true : undefined));
    await expectMarked(agentFileUri, [2, 3, 4], 'the agent block written during the rename');
    await sleep(1000);
    await expectMarked(libraryUri, [4, 5, 6], 'after the rename');
    assert.deepEqual(await markedLines(userUri), new Map(), 'the renamed usages were marked');
  });

  it("keeps the agent's region intact when the user undoes their own edit next to it", async () => {
    const editor = await openNewFile('capture/undo.ts', 'const a = 1;\n');
    moveCursor(editor, 0, 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(1, 0), AGENT_BLOCK);
    await vscode.workspace.applyEdit(edit);
    await expectMarked(editor.document.uri, [2, 3, 4], 'the agent block');
    moveCursor(editor, 0, 5);
    await typeText('X');
    await vscode.commands.executeCommand('undo');
    await waitForText(editor, 'const a = 1;');
    await expectMarked(editor.document.uri, [2, 3, 4], 'after typing and undoing it');
  });
});

async function waitForText(editor: vscode.TextEditor, text: string): Promise<void> {
  for (let i = 0; i < 200 && !editor.document.getText().includes(text); i++) await sleep(50);
  assert.ok(editor.document.getText().includes(text), `the document never showed ${JSON.stringify(text)}`);
}
