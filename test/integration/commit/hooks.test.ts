import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InstallResult, UninstallResult } from '../../../src/core/provenance';
import { closeAllEditors, extensionApi, waitFor, workspaceRoot } from '../support/extension';
import { withoutCapture } from '../support/settings';
import { bundledCli, git, lastMessage, lastNote, temporaryRepository, writeWithAiLines } from './support';

const HOOKS = ['prepare-commit-msg', 'commit-msg', 'post-commit', 'post-rewrite', 'pre-push', 'post-merge'];
const WRAPPER_MARKER = '# ai-provenance hook wrapper';

/** Five non-blank lines; the tests mark some of them as AI. */
const HELPER = [
  'export function clamp(value: number, low: number, high: number): number {',
  '  if (value < low) return low;',
  '  if (value > high) return high;',
  '  return value;',
  '}',
];

/** Values of a git config key (none when unset). */
function configValues(root: string, key: string): string[] {
  try {
    return git(root, 'config', '--get-all', key).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function install(root: string): Thenable<InstallResult | undefined> {
  return vscode.commands.executeCommand<InstallResult | undefined>('aiProvenance.installCommitHooks', root);
}

function uninstall(root: string): Thenable<UninstallResult | undefined> {
  return vscode.commands.executeCommand<UninstallResult | undefined>('aiProvenance.uninstallCommitHooks', root);
}

describe('commit: hook commands', () => {
  withoutCapture();
  const root = () => workspaceRoot().fsPath;
  const hooksDir = () => join(root(), '.git', 'hooks');

  afterEach(async () => {
    await closeAllEditors();
    await uninstall(root());
  });

  it('install and uninstall create and remove the hooks; a real git commit gets trailers and a note', async () => {
    const installed = await install(root());
    assert.ok(installed, 'the install command returned no result');
    assert.deepEqual(
      installed.hooks.map((hook) => [hook.name, hook.chained]),
      HOOKS.map((name) => [name, false]),
    );
    for (const name of HOOKS) {
      const path = join(hooksDir(), name);
      assert.ok(readFileSync(path, 'utf8').includes(WRAPPER_MARKER), `${name} is our wrapper`);
      assert.ok((statSync(path).mode & 0o111) !== 0, `${name} is executable`);
    }
    const cliCopy = join(root(), '.git', 'ai-provenance', 'bin', 'cli.js');
    assert.deepEqual(readFileSync(cliCopy), readFileSync(bundledCli()), 'the hooks run a copy of the bundled CLI');
    assert.deepEqual(configValues(root(), 'notes.rewriteRef'), ['refs/notes/ai-provenance']);
    // The editor's own binary is the fallback when node is not on PATH: the wrappers run it as node.
    assert.ok(readFileSync(join(hooksDir(), 'post-commit'), 'utf8').includes('ELECTRON_RUN_AS_NODE=1'));
    assert.equal((await extensionApi()).commit.hookOfferAnswer(root())?.answer, 'install');

    await writeWithAiLines(root(), 'src/util/clamp.ts', HELPER, 1, 2);
    git(root(), 'add', 'src/util/clamp.ts');
    git(root(), 'commit', '--quiet', '-m', 'Add clamp');
    const message = lastMessage(root());
    assert.match(message, /^Add clamp\n\nAI-Lines: 2\/5\n/);
    assert.match(message, /^AI-Reviewed: 0\/2$/m);
    assert.deepEqual(lastNote(root())?.totals, { aiLines: 2, addedLines: 5, reviewedLines: 0 });

    const removed = await uninstall(root());
    assert.ok(removed, 'the uninstall command returned no result');
    assert.deepEqual(
      removed.removed.map((path) => path.split(/[\\/]/).pop()),
      HOOKS,
    );
    for (const name of HOOKS) assert.equal(existsSync(join(hooksDir(), name)), false, `${name} is gone`);
    assert.equal(existsSync(cliCopy), false, 'the CLI copy is gone');
    assert.deepEqual(configValues(root(), 'notes.rewriteRef'), []);

    // Without hooks a commit gets nothing.
    writeFileSync(join(root(), 'src/util/clamp.ts'), `${[...HELPER, '// end'].join('\n')}\n`);
    git(root(), 'commit', '--quiet', '-m', 'Touch clamp', '--', 'src/util/clamp.ts');
    assert.equal(lastMessage(root()), 'Touch clamp');
    assert.equal(lastNote(root()), undefined);
  });

  it('keeps a hook that was there, runs it first, and puts it back byte for byte', async () => {
    const own = join(hooksDir(), 'prepare-commit-msg');
    const script = '#!/bin/sh\n# the team\'s own hook\nprintf "\\nChecked-by: team hook\\n" >> "$1"\n';
    writeFileSync(own, script);
    chmodSync(own, 0o750);
    try {
      const installed = await install(root());
      assert.deepEqual(
        installed?.hooks.filter((hook) => hook.chained).map((hook) => hook.name),
        ['prepare-commit-msg'],
      );

      await writeWithAiLines(root(), 'src/util/wrap.ts', HELPER, 0, 4);
      git(root(), 'add', 'src/util/wrap.ts');
      git(root(), 'commit', '--quiet', '-m', 'Add wrap');
      // The team's trailer first, ours after it, in one block.
      assert.match(lastMessage(root()), /^Add wrap\n\nChecked-by: team hook\nAI-Lines: 5\/5\n/);

      await uninstall(root());
      assert.equal(readFileSync(own, 'utf8'), script);
      assert.equal(statSync(own).mode & 0o777, 0o750);
    } finally {
      await uninstall(root());
      rmSync(own, { force: true });
    }
  });

  it('shows the trailers of the staged changes, and whether the hooks will write them', async () => {
    await writeWithAiLines(root(), 'src/util/trim.ts', HELPER, 0, 2);
    git(root(), 'add', 'src/util/trim.ts');
    try {
      let text = await vscode.commands.executeCommand<string>('aiProvenance.showCommitTrailers', root());
      assert.match(text, /^AI-Lines: 3\/5$/m);
      assert.match(text, /^ {2}src\/util\/trim\.ts: 3 of 5 lines AI, 0 reviewed/m);
      assert.match(text, /^Hooks: not installed/m);
      assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'ai-provenance-commit');
      assert.equal(vscode.window.activeTextEditor?.document.getText(), text);

      await install(root());
      text = await vscode.commands.executeCommand<string>('aiProvenance.showCommitTrailers', root());
      assert.match(text, /^Hooks: installed in .*hooks: the commit gets these trailers/m);
    } finally {
      git(root(), 'reset', '--quiet', '--', 'src/util/trim.ts');
    }
  });

  it('refreshes stale hooks of its own silently when a repository is opened', async () => {
    const repository = temporaryRepository('stale-hooks');
    try {
      // Installed by an earlier version of the extension: its CLI copy differs from the bundled one.
      await install(repository.root);
      const cliCopy = join(repository.root, '.git', 'ai-provenance', 'bin', 'cli.js');
      writeFileSync(cliCopy, '// ai-provenance 0.0.1\n');
      const api = await extensionApi();

      await writeWithAiLines(repository.root, 'helper.ts', HELPER, 0, 1); // opens the repository
      await waitFor('the CLI copy refreshed', () => readFileSync(cliCopy).equals(readFileSync(bundledCli())));
      await api.commit.settled();
      assert.equal(api.commit.hookOffersShown().includes(repository.root), false, 'no offer for a repository with hooks');
    } finally {
      await closeAllEditors();
      repository.remove();
    }
  });
});
