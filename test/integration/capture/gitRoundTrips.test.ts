// Marks through git's round trips: uncommitted AI lines through stash and
// pop (the file open or closed), committed ones through a branch switched
// away and back (from the snapshot, and from the notes alone), reset and
// pull, and a rebase. What git brings that was never AI stays unmarked.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  activeApi,
  saveAllStores,
  closeAllEditors,
  sleep,
  commitOnNewBranch,
  expectMarked,
  git,
  moveCursor,
  openNewFile,
  regionsOf,
  saveAndCloseAllEditors,
  waitFor,
  workspaceRoot,
} from './support/editorSession';
import { acceptOffered, TestInlineProvider } from './support/inlineProvider';

const ACCEPT = 'aiProvenance.capture.acceptInlineSuggestion';
const SEVEN =
  'export function clamp(value: number, low: number, high: number): number {\n  if (value < low) {\n    return low;\n  }\n  if (value > high) return high;\n  return value;\n}';
const AI_LINES = [2, 3, 4, 5, 6, 7, 8];

async function onDisk(path: string, what: string, test: (text: string) => boolean): Promise<void> {
  await waitFor(what, () => (test(readFileSync(join(workspaceRoot(), path), 'utf8')) ? true : undefined));
}

async function sources(uri: vscode.Uri): Promise<string[]> {
  return [...new Set((await regionsOf(uri)).map((region) => `${region.source}${region.reviewed ? ' reviewed' : ''}`))];
}

/** A file committed without AI code, then a suggestion accepted into it and saved. */
async function acceptedInto(provider: TestInlineProvider, path: string): Promise<vscode.TextEditor> {
  const editor = await openNewFile(path, 'export const first = 1;\n\n');
  moveCursor(editor, 1, 0);
  await acceptOffered(provider, SEVEN, ACCEPT);
  await editor.document.save();
  await expectMarked(editor.document.uri, AI_LINES, 'the accepted suggestion');
  return editor;
}

describe('capture: marks through git round trips', function () {
  this.timeout(300_000);
  let provider: TestInlineProvider;
  let branch: string;
  let startHead: string;
  before(() => {
    branch = git('rev-parse', '--abbrev-ref', 'HEAD').trim();
    startHead = git('rev-parse', 'HEAD').trim();
  });
  after(async () => {
    // Later suites (commit, index, review, views) share this workspace and count its commits, files and regions:
    // put the branch back where it was and forget every file and region this suite made.
    git('checkout', '-q', branch);
    git('reset', '-q', '--hard', startHead);
    rmSync(join(workspaceRoot(), 'gitround'), { recursive: true, force: true });
    forgetCommittedAi('gitround-');
    const repository = await (await activeApi()).registry.resolve(vscode.Uri.file(workspaceRoot()));
    for (const path of repository?.store.files() ?? []) if (path.startsWith('gitround/')) repository!.store.clearFile(path);
    await repository?.store.sync();
    if (repository) rmSync(join(repository.store.storeDir, 'removed-regions.json'), { force: true });
  });
  beforeEach(() => (provider = new TestInlineProvider()));
  afterEach(async () => {
    provider.dispose();
    await closeAllEditors();
    git('checkout', '-q', branch);
  });

  for (const open of [false, true]) {
    it(`git stash and pop bring back uncommitted AI lines with their marks (the file ${open ? 'open' : 'closed'})`, async () => {
      const path = `gitround/stash-${open ? 'open' : 'closed'}.ts`;
      const { document } = await acceptedInto(provider, path);
      if (!open) await saveAndCloseAllEditors();
      git('stash');
      await onDisk(path, 'the stash', (text) => !text.includes('clamp'));
      await expectMarked(document.uri, [], 'stashed');
      git('stash', 'pop');
      await onDisk(path, 'the pop', (text) => text.includes('clamp'));
      await expectMarked(document.uri, AI_LINES, 'popped');
      assert.deepEqual(await sources(document.uri), ['inline']);
      git('checkout', '--', path);
    });
  }

  it("a branch switched away and back shows the same marks, committed with the hooks (then from the notes alone); the other branch's lines stay unmarked", async () => {
    const root = workspaceRoot();
    await vscode.commands.executeCommand('aiProvenance.installCommitHooks', root);
    try {
      const path = 'gitround/branch.ts';
      const { document } = await acceptedInto(provider, path);
      // The commit hook reads the store on disk: write what the editor holds first.
      await saveAllStores();
      git('add', path);
      git('commit', '-q', '-m', 'clamp from an inline suggestion');
      assert.match(git('log', '-1', '--format=%B'), /AI-Lines: 7\/7/);
      assert.match(git('notes', '--ref', 'ai-provenance', 'show', 'HEAD'), /gitround\/branch\.ts/);
      commitOnNewBranch(
        'gitround-other',
        path,
        'export const first = 1;\nexport const onOtherBranch = true;\nexport function other(): number {\n  return 2;\n}\n',
        'HEAD~1',
      );

      // The file open in the editor, as in the issue.
      git('checkout', '-q', 'gitround-other');
      await waitFor('the other branch', () => (document.getText().includes('onOtherBranch') ? true : undefined));
      await expectMarked(document.uri, [], 'on the other branch: nothing there is AI');
      git('checkout', '-q', branch);
      await waitFor('the branch back', () => (document.getText().includes('clamp') ? true : undefined));
      await expectMarked(document.uri, AI_LINES, 'back on the branch');
      assert.deepEqual(await sources(document.uri), ['inline']);

      // Forget everything this machine remembers about the file: the notes alone bring the marks back (file closed).
      await saveAndCloseAllEditors();
      const repository = await (await activeApi()).registry.resolve(document.uri);
      repository!.store.clearFile(path);
      await repository!.store.sync();
      rmSync(join(repository!.store.storeDir, 'removed-regions.json'), { force: true });
      await expectMarked(document.uri, [], 'forgotten');
      git('checkout', '-q', 'gitround-other');
      await onDisk(path, 'the other branch', (text) => text.includes('onOtherBranch'));
      // The file watcher judges a burst of writes together: let it see this checkout on its own.
      await sleep(2000);
      git('checkout', '-q', branch);
      await onDisk(path, 'the branch back', (text) => text.includes('clamp'));
      await expectMarked(document.uri, AI_LINES, 'from the notes');
      assert.deepEqual(await sources(document.uri), ['inline']);

      // reset --hard takes the commit away; a pull brings it back.
      const head = git('rev-parse', 'HEAD').trim();
      git('branch', '-f', 'gitround-saved', head);
      git('reset', '-q', '--hard', 'HEAD~1');
      await onDisk(path, 'the reset', (text) => !text.includes('clamp'));
      await expectMarked(document.uri, [], 'reset away');
      git('pull', '-q', '--ff-only', '.', 'gitround-saved');
      await onDisk(path, 'the pull', (text) => text.includes('clamp'));
      await expectMarked(document.uri, AI_LINES, 'pulled back');

      // A rebase replays the commit on top of another one: the file goes and comes back.
      git('checkout', '-q', '-b', 'gitround-base', 'HEAD~1');
      commitFile('gitround/unrelated.ts', 'export const unrelated = 1;\n');
      git('checkout', '-q', branch);
      git('rebase', '-q', 'gitround-base');
      await onDisk(path, 'the rebase', (text) => text.includes('clamp'));
      await expectMarked(document.uri, AI_LINES, 'after the rebase');
      assert.deepEqual(await sources(document.uri), ['inline']);
    } finally {
      await vscode.commands.executeCommand('aiProvenance.uninstallCommitHooks', root);
      // Later suites (review, views) read the workspace's committed AI code and its branches: leave neither behind.
      forgetCommittedAi('gitround-');
    }
  });
});

function commitFile(path: string, text: string): void {
  mkdirSync(join(workspaceRoot(), 'gitround'), { recursive: true });
  writeFileSync(join(workspaceRoot(), path), text);
  git('add', path);
  git('commit', '-q', '-m', `add ${path}`);
}

/** Drops the provenance notes and the branches a test made (other suites share the workspace). */
function forgetCommittedAi(branchPrefix: string): void {
  git('update-ref', '-d', 'refs/notes/ai-provenance');
  for (const branch of git('for-each-ref', '--format=%(refname:short)', 'refs/heads/').split('\n')) {
    if (branch.startsWith(branchPrefix)) git('branch', '-D', branch);
  }
}
