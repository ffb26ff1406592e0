import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, waitFor } from '../support/extension';
import { temporaryRepository } from '../commit/support';

describe('agents: the offer to install agent hooks', () => {
  const repositories: Array<{ remove(): void }> = [];
  after(() => {
    for (const repository of repositories) repository.remove();
  });

  it('offers the hooks of the agents found in a folder once, and installs them only when asked', async () => {
    const repository = temporaryRepository('agents-offer');
    repositories.push(repository);
    const { root } = repository;
    mkdirSync(join(root, '.cursor'));
    mkdirSync(join(root, '.claude'));
    const { agents } = await extensionApi();
    assert.deepEqual(
      (await agents.offer.candidates(root)).map((agent) => agent.name),
      ['claude-code', 'cursor'],
    );
    await agents.offer.offer(root);
    await waitFor('the offer to be shown', () => agents.offer.shown.includes(root));
    assert.deepEqual(await agents.offer.candidates(root), [], 'each agent is offered once, whatever the answer');
    await agents.offer.offer(root);
    assert.equal(agents.offer.shown.filter((shown) => shown === root).length, 1);

    // Nothing was written without an answer; the command (what "Install Hooks" does) writes the project hooks.
    assert.throws(() => readFileSync(join(root, '.cursor', 'hooks.json')));
    const installed = await vscode.commands.executeCommand<string[]>('aiProvenance.installAgentHooks', root, ['cursor', 'claude-code']);
    assert.deepEqual(installed, [join(root, '.cursor', 'hooks.json'), join(root, '.claude', 'settings.json')]);
    assert.match(readFileSync(installed[0], 'utf8'), /"afterTabFileEdit": \[\s*\{\s*"command": "ai-provenance record --hook cursor"/);
    assert.match(readFileSync(installed[1], 'utf8'), /"matcher": "Write\|Edit\|MultiEdit"/);
  });
});
