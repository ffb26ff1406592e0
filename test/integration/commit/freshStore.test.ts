// Fresh data at commit time: what a command or a capture records is in the
// store on disk (where the hooks read it) by the time it reports done, not
// after the store's debounce (aiProvenance.store.syncDelayMs).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { GIT_ACTIVITY_WINDOW_MS } from '../../../src/core/capture/gitState';
import type { InstallResult } from '../../../src/core/provenance';
import { closeAllEditors, openEditor, select, waitFor, workspaceRoot } from '../support/extension';
import { setting } from '../support/settings';
import { regionsOf } from '../capture/support/editorSession';
import { git, lastMessage, lastNote, temporaryRepository } from './support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function trailer(message: string, key: string): string | undefined {
  return new RegExp(`^${key}: (.*)$`, 'm').exec(message)?.[1];
}

async function installHooks(root: string): Promise<void> {
  const result = await vscode.commands.executeCommand<InstallResult | undefined>('aiProvenance.installCommitHooks', root);
  assert.ok(result, `hooks installed in ${root}`);
}

describe('commit: the store is fresh at commit time', () => {
  afterEach(closeAllEditors);

  describe('explicit commands', () => {
    let repository: { root: string; remove(): void };
    // A store opened from now on waits a minute before writing by itself: only writing at once can pass.
    before(() => setting('store.syncDelayMs', 60_000));
    after(() => setting('store.syncDelayMs', undefined));
    beforeEach(async () => {
      repository = temporaryRepository('fresh-store');
      await installHooks(repository.root);
    });
    afterEach(async () => {
      await vscode.commands.executeCommand('aiProvenance.uninstallCommitHooks', repository.root);
      repository.remove();
    });

    it('a commit 50 ms after Mark Reviewed counts the lines as reviewed', async () => {
      const uri = vscode.Uri.file(join(repository.root, 'src', 'limits.ts'));
      mkdirSync(join(repository.root, 'src'), { recursive: true });
      writeFileSync(
        uri.fsPath,
        ['export const MAX = 10;', 'export function limit(value: number): number {', '  return Math.min(value, MAX);', '}', ''].join('\n'),
      );
      const editor = await openEditor(uri);
      select(editor, 1, 3);
      await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
      select(editor, 1, 3);
      await vscode.commands.executeCommand('aiProvenance.markReviewed');
      await sleep(50);
      git(repository.root, 'add', '-A');
      git(repository.root, 'commit', '-q', '-m', 'Add limit');

      const message = lastMessage(repository.root);
      assert.equal(trailer(message, 'AI-Lines'), '3/4', message);
      assert.equal(trailer(message, 'AI-Reviewed'), '3/3', message);
      assert.deepEqual(lastNote(repository.root)?.totals, { aiLines: 3, addedLines: 4, reviewedLines: 3 });
    });
  });

  describe('captures', () => {
    const root = () => workspaceRoot().fsPath;
    before(async () => {
      // Earlier suites run git in this shared workspace (the git round trips end with a rebase): by design, a file
      // written within GIT_ACTIVITY_WINDOW_MS of git rebasing or applying a stash is taken to be git's. Let that
      // window pass, so the agent's write below is judged as an agent's whatever ran before.
      await sleep(GIT_ACTIVITY_WINDOW_MS);
      await installHooks(root());
    });
    after(() => vscode.commands.executeCommand('aiProvenance.uninstallCommitHooks', root()));

    it('a disk-captured agent write followed 100 ms later by git commit gets its trailers and note', async () => {
      const path = join(root(), 'fresh', 'rates.ts');
      mkdirSync(join(root(), 'fresh'), { recursive: true });
      writeFileSync(path, 'export const RATE = 1;\n');
      git(root(), 'add', 'fresh/rates.ts');
      git(root(), 'commit', '-q', '-m', 'Add rates');
      const uri = vscode.Uri.file(path);
      // An agent rewrites the file from another process.
      execFileSync(process.execPath, [
        '-e',
        'require("fs").writeFileSync(process.argv[1], process.argv[2])',
        path,
        'export const RATE = 1;\nexport const FEE = 0.25;\nexport const CAP = 100;\n',
      ]);
      await waitFor('the disk watcher to capture the write', async () => ((await regionsOf(uri)).length > 0 ? true : undefined), 20_000);
      await sleep(100);
      // Only this file: earlier suites leave other tracked files of the shared workspace changed (commit -a took them).
      git(root(), 'add', 'fresh/rates.ts');
      git(root(), 'commit', '-q', '-m', 'Agent: fees');

      const message = lastMessage(root());
      assert.equal(trailer(message, 'AI-Lines'), '2/2', message);
      assert.equal(trailer(message, 'AI-Sources'), 'agent-disk', message);
      assert.equal(lastNote(root())?.totals.aiLines, 2);
    });
  });
});
