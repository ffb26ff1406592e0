import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  extensionApi,
  openEditor,
  regionsOf,
  select,
  spans,
  waitFor,
  workspaceRoot,
  writeWorkspaceFile,
} from '../support/extension';
import { withoutCapture } from '../support/settings';

const CHECKOUT = [
  "import { charge } from './charge';",
  '',
  'export async function checkout(cart) {',
  '  const total = cart.items.reduce((sum, item) => sum + item.price, 0);',
  '  await charge(cart.customer, total);',
  '  return total;',
  '}',
  '',
].join('\n');

const CLI = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

describe('region tracking in the editor', () => {
  // Only tracking is tested here (capture has its own tests).
  withoutCapture();
  afterEach(closeAllEditors);

  it('marks the selection as AI and follows the edits that come after', async () => {
    const uri = writeWorkspaceFile('src/tracking/checkout.ts', CHECKOUT);
    const editor = await openEditor(uri);
    select(editor, 2, 6);
    await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
    assert.deepEqual(spans(await regionsOf(uri)), [[2, 6, []]]);
    assert.equal((await regionsOf(uri))[0].source, 'manual');

    // Lines inserted above move the region down.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// header\n// second line\n'));
    assert.deepEqual(spans(await regionsOf(uri)), [[4, 8, []]]);

    // Typing inside a line of the region makes it a human-modified line.
    editor.selection = new vscode.Selection(7, 14, 7, 14);
    await vscode.commands.executeCommand('type', { text: ' * 100' });
    // Typing runs in the workbench; its change reaches this host a moment later.
    await waitFor('the typed text to reach the document', () => editor.document.lineAt(7).text.includes('* 100'));
    assert.deepEqual(spans(await regionsOf(uri)), [[4, 8, [7]]]);

    // Deleting a whole line of the region shrinks it.
    await editor.edit((edit) => edit.delete(new vscode.Range(5, 0, 6, 0)));
    assert.deepEqual(spans(await regionsOf(uri)), [[4, 7, [6]]]);
  });

  it('marks part of a region reviewed and unmarks a selection', async () => {
    const uri = writeWorkspaceFile('src/tracking/review.ts', CHECKOUT);
    const editor = await openEditor(uri);
    select(editor, 2, 6);
    await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
    select(editor, 3, 4);
    await vscode.commands.executeCommand('aiProvenance.markReviewed');
    const regions = await regionsOf(uri);
    assert.deepEqual(
      regions.map((region) => [region.start.line, region.end.line, region.reviewed !== undefined]),
      [
        [2, 2, false],
        [3, 4, true],
        [5, 6, false],
      ],
    );
    select(editor, 5, 6);
    await vscode.commands.executeCommand('aiProvenance.unmarkSelection');
    assert.deepEqual(
      spans(await regionsOf(uri)).map(([first, last]) => [first, last]),
      [
        [2, 2],
        [3, 4],
      ],
    );
  });

  it('writes regions to the store in the git directory', async () => {
    const uri = writeWorkspaceFile('src/tracking/stored.ts', CHECKOUT);
    const editor = await openEditor(uri);
    select(editor, 2, 6);
    await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
    const api = await extensionApi();
    const repository = await api.registry.resolve(uri);
    await repository!.store.sync();
    const stored = JSON.parse(readFileSync(join(workspaceRoot().fsPath, '.git', 'ai-provenance', 'regions.json'), 'utf8'));
    const record = stored.files['src/tracking/stored.ts'];
    assert.ok(record, 'the file has no record in the store');
    assert.deepEqual(
      [record.regions[0].start, record.regions[0].end],
      [
        [2, 0],
        [6, 1],
      ],
    );
  });

  it('shows regions recorded by the CLI without a reload', async () => {
    const uri = writeWorkspaceFile('src/tracking/fromCli.ts', CHECKOUT);
    await openEditor(uri);
    execFileSync(process.execPath, [CLI, 'record', 'src/tracking/fromCli.ts', '--lines', '3-5', '--tool', 'codex'], {
      cwd: workspaceRoot().fsPath,
    });
    const regions = await waitFor('the CLI region to reach the editor', async () => {
      const current = await regionsOf(uri);
      return current.length > 0 ? current : undefined;
    });
    assert.deepEqual(spans(regions), [[2, 4, []]]);
    assert.equal(regions[0].tool, 'codex');
  });

  it('re-anchors regions of a file changed on disk while it was closed', async () => {
    const uri = writeWorkspaceFile('src/tracking/closed.ts', CHECKOUT);
    const editor = await openEditor(uri);
    select(editor, 2, 6);
    await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
    await closeAllEditors();
    writeFileSync(uri.fsPath, `// added while closed\n// and another\n${CHECKOUT}`);
    await openEditor(uri);
    const regions = await waitFor('the region to be re-anchored', async () => {
      const current = await regionsOf(uri);
      return current[0]?.start.line === 4 ? current : undefined;
    });
    assert.deepEqual(spans(regions), [[4, 8, []]]);
  });

  it('refuses to mark an unsaved, untitled document and says why', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'const x = 1;\n', language: 'typescript' });
    const editor = await vscode.window.showTextDocument(document);
    select(editor, 0, 0);
    // The command must not throw; it explains instead (a notification).
    await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
    const api = await extensionApi();
    assert.equal(api.registry.lookup(document.uri), undefined);
  });
});
