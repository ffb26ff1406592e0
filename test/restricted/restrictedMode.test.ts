// The extension in an untrusted workspace (Restricted Mode): capture and the
// views work, git is never run (a repository's configuration can make git run
// programs), so regions stay in the extension's storage and the commit
// commands decline.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, openEditor, regionsOf, select, waitFor, workspaceRoot } from '../integration/support/extension';

const LEDGER = 'src/payments/ledger.ts';

function fixtureUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...path.split('/'));
}

function inGitDir(...parts: string[]): string {
  return join(workspaceRoot().fsPath, '.git', ...parts);
}

describe('Restricted Mode', () => {
  it('opens the workspace untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it("marks AI code and shows it, keeping the regions in the extension's storage, not in the repository", async () => {
    const api = await extensionApi();
    const uri = fixtureUri(LEDGER);
    const editor = await openEditor(uri);
    select(editor, 10, 15);
    await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
    const regions = await regionsOf(uri);
    assert.deepEqual(
      regions.map((region) => [region.start.line, region.end.line, region.source]),
      [[10, 15, 'manual']],
    );

    const repository = await api.registry.resolve(uri);
    assert.ok(repository);
    assert.equal(repository.inGit, false, 'no git was asked where the repository is');
    assert.equal(repository.root, workspaceRoot().fsPath);
    await repository.store.sync();
    assert.equal(existsSync(inGitDir('ai-provenance', 'regions.json')), false, 'regions were written into .git');

    const painted = await waitFor('the load-bearing warning', () => {
      const snapshot = api.views.decorations(uri);
      return snapshot && snapshot.plan.annotations.length === 1 ? snapshot : undefined;
    });
    assert.match(painted.plan.annotations[0]!.text, /^AI-generated · payments/);
  });

  it('indexes the workspace without git, by walking the folder', async () => {
    const api = await extensionApi();
    const repository = await api.registry.resolve(fixtureUri(LEDGER));
    assert.ok(repository);
    api.index.ensureStarted(repository);
    const index = await waitFor('the index', () => api.index.all().find((candidate) => candidate.root === repository.root), 30_000);
    const stats = await waitFor('the first build', async () => (await index.stats()).lastBuild, 60_000);
    assert.equal(stats.listing, 'walk');
    assert.ok(stats.indexed > 0);
  });

  it('declines the commit commands, which would run git, and installs nothing', async () => {
    assert.equal(await vscode.commands.executeCommand('aiProvenance.installCommitHooks'), undefined);
    assert.equal(await vscode.commands.executeCommand('aiProvenance.showCommitTrailers'), undefined);
    assert.equal(existsSync(inGitDir('hooks', 'prepare-commit-msg')), false);
    assert.equal(existsSync(inGitDir('ai-provenance', 'bin')), false);
  });

  it('shows no branch review and declines Sign Off AI Code (both run git), recording nothing', async () => {
    const api = await extensionApi();
    await api.review.settled();
    assert.deepEqual(api.review.reviews(), []);
    assert.equal(await vscode.commands.executeCommand('aiProvenance.signOffAiCode', { root: workspaceRoot().fsPath, comment: '' }), undefined);
    assert.equal(existsSync(inGitDir('refs', 'notes', 'ai-provenance-signoffs')), false);
  });
});
