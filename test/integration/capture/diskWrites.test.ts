// Files written on disk by another process (a CLI agent in a terminal):
// marked agent-disk, unless git wrote them or the editor saved them.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { GIT_ACTIVITY_WINDOW_MS } from '../../../src/core/capture/gitState';
import {
  closeAllEditors,
  commitOnNewBranch,
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

/** Rewrites a file from a child process, as an agent running in a terminal would. */
function agentWrites(uri: vscode.Uri, text: string): void {
  execFileSync(process.execPath, ['-e', 'require("fs").writeFileSync(process.argv[1], process.argv[2])', uri.fsPath, text]);
}

const ORIGINAL = 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n';

describe('capture: files written on disk', function () {
  this.timeout(240_000);
  afterEach(closeAllEditors);

  it("marks the lines another process adds to a closed file, compared with git's version", async () => {
    const uri = writeWorkspaceFile('capture/disk-closed.ts', ORIGINAL);
    git('add', 'capture/disk-closed.ts');
    git('commit', '-q', '-m', 'disk-closed');
    agentWrites(uri, 'export const a = 1;\nexport const b = 20;\nexport const c = 3;\nexport const d = 4;\n');
    await expectMarked(uri, [2, 4], 'the lines the agent wrote');
    const regions = await regionsOf(uri);
    assert.deepEqual(new Set(regions.map((region) => region.source)), new Set(['agent-disk']));
    // Never seen before: compared with the git index, at a lower confidence.
    assert.ok(regions.every((region) => region.confidence === 0.75));
  });

  it("marks lines written to an open, clean file; the editor's reload is nobody's edit; later typing is human", async () => {
    const editor = await openNewFile('capture/disk-open.ts', ORIGINAL);
    const uri = editor.document.uri;
    agentWrites(
      uri,
      'export const a = 1;\n// written by the agent\nexport function added() {\n  return 42;\n}\nexport const b = 2;\nexport const c = 3;\n',
    );
    await waitFor('the editor to reload the file', () => (editor.document.getText().includes('added()') ? true : undefined));
    await expectMarked(uri, [2, 3, 4, 5], 'the agent lines');
    assert.equal((await regionsOf(uri))[0].confidence, 0.95, 'compared with the text last seen in the editor');
    // A person edits one of those lines in the editor: it becomes theirs.
    moveCursor(editor, 3, editor.document.lineAt(3).text.length);
    await typeText(' // reviewed');
    await expectMarked(uri, [2, 3, 5], 'after the person edited line 4');
  });

  it('does not mark what the editor saves, nor a git checkout of another branch', async () => {
    const editor = await openNewFile('capture/disk-git.ts', ORIGINAL);
    const uri = editor.document.uri;
    moveCursor(editor, 3, 0);
    await typeText('export const typed = 4;\n');
    await editor.document.save();
    await sleep(1500);
    assert.deepEqual(await markedLines(uri), new Map(), 'a save from the editor was marked');

    const branch = git('rev-parse', '--abbrev-ref', 'HEAD').trim();
    git('commit', '-q', '-am', 'typed');
    commitOnNewBranch('capture-other', 'capture/disk-git.ts', 'export const other = 1;\nexport function onOtherBranch() {\n  return true;\n}\n');
    git('checkout', '-q', 'capture-other');
    await waitFor('the editor to reload after the checkout', () => (editor.document.getText().includes('onOtherBranch') ? true : undefined));
    await sleep(2500);
    assert.equal(readFileSync(uri.fsPath, 'utf8').includes('onOtherBranch'), true);
    assert.deepEqual(await markedLines(uri), new Map(), 'a checkout was marked as AI');
    git('checkout', '-q', branch);
    await waitFor('the editor to reload after checking out back', () => (editor.document.getText().includes('typed') ? true : undefined));
    await sleep(2500);
    assert.deepEqual(await markedLines(uri), new Map(), 'checking out back was marked as AI');
  });

  it("marks an agent's write right after git reset --hard, where an earlier stash pop left AUTO_MERGE for the reset to delete", async () => {
    const uri = writeWorkspaceFile('capture/disk-reset.ts', ORIGINAL);
    git('add', 'capture/disk-reset.ts');
    git('commit', '-q', '-m', 'disk-reset');
    // A change stashed and popped back cleanly: git (2.39 at least) leaves .git/AUTO_MERGE behind.
    writeWorkspaceFile('capture/disk-reset.ts', `${ORIGINAL}export const stashed = 4;\n`);
    git('stash', '-q');
    git('stash', 'pop', '-q');
    // Writes right after the pop are git's (that is by design): this test is about the reset, long after.
    await sleep(GIT_ACTIVITY_WINDOW_MS + 500);
    // The reset deletes AUTO_MERGE; the agent writes at once, as an agent that resets and starts over would.
    git('reset', '-q', '--hard');
    agentWrites(uri, `${ORIGINAL}export function fromAgent(): number {\n  return 4;\n}\n`);
    await expectMarked(uri, [4, 5, 6], 'the lines the agent wrote right after the reset');
    assert.deepEqual(new Set((await regionsOf(uri)).map((region) => region.source)), new Set(['agent-disk']));
  });
});
