// The editor keeps the hooks working: a node fallback that vanished (an
// editor update moved its binary) is replaced, and commits the hooks could
// not record (no node on PATH) are reported instead of staying silent.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, openEditor, waitFor } from '../support/extension';
import { bundledCli, git, temporaryRepository } from './support';

/** A PATH with git and the shell tools a hook uses, but no node (a GUI client started without the user's profile). */
function pathWithoutNode(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const tool of ['git', 'cat', 'grep', 'date', 'rm', 'dirname', 'mv', 'cp']) {
    const found = ['/usr/bin', '/bin', '/usr/local/bin'].map((bin) => join(bin, tool)).find((candidate) => existsSync(candidate));
    if (found) symlinkSync(found, join(dir, tool));
  }
  return dir;
}

describe('commit: hook upkeep in the editor', () => {
  afterEach(closeAllEditors);

  it('reinstalls hooks whose node fallback no longer exists, and reports a commit the hooks could not record', async () => {
    const repository = temporaryRepository('hook-upkeep');
    try {
      const vanishing = join(repository.root, '..', 'node-of-an-old-editor');
      symlinkSync(process.execPath, vanishing);
      execFileSync(process.execPath, [bundledCli(), 'hook', 'install', '--node', vanishing], {
        cwd: repository.root,
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      });
      rmSync(vanishing);
      writeFileSync(join(repository.root, 'notes.md'), 'made from a client without node\n');
      git(repository.root, 'add', 'notes.md');
      execFileSync('git', ['commit', '-q', '-m', 'No node here'], {
        cwd: repository.root,
        env: {
          ...process.env,
          PATH: pathWithoutNode(join(repository.root, '..', 'bin')),
          GIT_AUTHOR_NAME: 'T',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 'T',
          GIT_COMMITTER_EMAIL: 't@example.com',
        },
        stdio: 'pipe',
      });
      const head = git(repository.root, 'rev-parse', 'HEAD').trim();

      // The editor opens the repository (a file of it): its hooks are checked.
      await openEditor(vscode.Uri.file(join(repository.root, 'notes.md')));
      const api = await extensionApi();
      await waitFor('the hooks check', async () => {
        await api.commit.settled(repository.root);
        return api.commit.hookFailuresReported().includes(repository.root) ? true : undefined;
      });
      await waitFor('the hooks to be refreshed', () => {
        const now = JSON.parse(readFileSync(join(repository.root, '.git', 'ai-provenance', 'hooks.json'), 'utf8')) as { nodeFallback: string };
        return now.nodeFallback === process.execPath ? true : undefined;
      });
      const status = JSON.parse(
        execFileSync(process.execPath, [bundledCli(), 'hook', 'status', '--json'], {
          cwd: repository.root,
          encoding: 'utf8',
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        }),
      ) as {
        nodeFallbackPresent: boolean;
        failures: Array<{ hook: string; commit?: string; reason: string }>;
      };
      assert.equal(status.nodeFallbackPresent, true);
      assert.ok(status.failures.some((failure) => failure.hook === 'post-commit' && failure.commit === head && failure.reason === 'node-not-found'));
    } finally {
      await vscode.commands.executeCommand('aiProvenance.uninstallCommitHooks', repository.root);
      repository.remove();
    }
  });
});
