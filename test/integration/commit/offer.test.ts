import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, waitFor } from '../support/extension';
import { withoutCapture } from '../support/settings';
import { sleep, temporaryRepository, writeWithAiLines } from './support';

const LINES = ['export const answer = 42;', 'export const question = "?";'];

/** Waits until the offer was shown for `root`. */
async function offered(root: string): Promise<void> {
  const api = await extensionApi();
  await waitFor(`the hooks offer for ${root}`, () => api.commit.hookOffersShown().includes(root));
}

async function offersFor(root: string): Promise<number> {
  const api = await extensionApi();
  await api.commit.settled();
  return api.commit.hookOffersShown().filter((shown) => shown === root).length;
}

function answer(root: string, choice: 'install' | 'notNow' | 'never'): Thenable<void> {
  return vscode.commands.executeCommand('aiProvenance.commit.answerHookOffer', root, choice);
}

function hooksInstalled(root: string): boolean {
  return existsSync(join(root, '.git', 'hooks', 'prepare-commit-msg'));
}

describe('commit: the offer to install the hooks', () => {
  withoutCapture();
  const repositories: Array<{ remove(): void }> = [];
  const repository = (name: string) => {
    const created = temporaryRepository(name);
    repositories.push(created);
    return created.root;
  };

  after(async () => {
    await closeAllEditors();
    for (const created of repositories) created.remove();
  });

  it('is made once a repository has AI code, once, and "never" is remembered', async () => {
    const root = repository('offer-never');
    const api = await extensionApi();
    await writeWithAiLines(root, 'plain.ts', LINES, 0, 0);
    await offered(root);
    // Remembered as soon as it is shown: a notification closed unanswered does not come back in this session.
    assert.equal(api.commit.hookOfferAnswer(root)?.answer, 'notNow');

    await answer(root, 'never');
    assert.equal(api.commit.hookOfferAnswer(root)?.answer, 'never');
    await writeWithAiLines(root, 'more.ts', LINES, 0, 1);
    assert.equal(await offersFor(root), 1);
    assert.equal(hooksInstalled(root), false);
  });

  it('is not made for a repository without AI code', async () => {
    const root = repository('offer-no-ai');
    const api = await extensionApi();
    await vscode.window.showTextDocument(vscode.Uri.file(join(root, 'README.md')));
    await waitFor('the repository to be tracked', () => api.registry.all().some((tracked) => tracked.root === root));
    await sleep(500);
    assert.equal(await offersFor(root), 0);
    assert.equal(api.commit.hookOfferAnswer(root), undefined);
  });

  it('"Install" installs the hooks with the bundled CLI', async () => {
    const root = repository('offer-install');
    const api = await extensionApi();
    await writeWithAiLines(root, 'plain.ts', LINES, 0, 1);
    await offered(root);
    await answer(root, 'install');
    assert.equal(hooksInstalled(root), true);
    assert.equal(api.commit.hookOfferAnswer(root)?.answer, 'install');
  });

  it('is not made when aiProvenance.commit.offerHookInstall is off', async () => {
    await vscode.workspace.getConfiguration('aiProvenance.commit').update('offerHookInstall', false, vscode.ConfigurationTarget.Global);
    try {
      const root = repository('offer-off');
      const api = await extensionApi();
      await writeWithAiLines(root, 'plain.ts', LINES, 0, 1);
      await waitFor('the repository to be tracked', () => api.registry.all().some((tracked) => tracked.root === root));
      assert.equal(await offersFor(root), 0);
      assert.equal(api.commit.hookOfferAnswer(root), undefined);
    } finally {
      await vscode.workspace.getConfiguration('aiProvenance.commit').update('offerHookInstall', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
