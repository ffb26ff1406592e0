import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { GitRepository } from '../../../src/extension/commit/git';
import { closeAllEditors, extensionApi, waitFor, workspaceRoot } from '../support/extension';
import { withoutCapture } from '../support/settings';
import { FixedBlastRadius } from './fixedBlastRadius';
import { boxWhere, git, gitRepositoryAt, lastMessage, lastNote, sleep, writeWithAiLines } from './support';

/** Six lines, five of them non-blank. */
const RULES = [
  'export function discount(total: number): number {',
  '  if (total > 100) return 10;',
  '  if (total > 50) return 5;',
  '',
  '  return 0;',
  '}',
];
/** The preview writes only once the box has not changed for this long (DEFAULT_PREVIEW_TIMING.quietMs), plus polling slack. */
const QUIET_MS = 1500 + 500;

function trailerBlock(lines: string, reviewed: string): string {
  return `AI-Lines: ${lines}\nAI-Sources: manual\nAI-Reviewed: ${reviewed}\nAI-Risk: low`;
}

describe('commit: trailer preview in the commit box', () => {
  withoutCapture();
  const root = () => workspaceRoot().fsPath;
  let repository: GitRepository;
  let noIndex: vscode.Disposable;
  const staged: string[] = [];

  async function stageAiFile(path: string, first: number, last: number): Promise<vscode.TextEditor> {
    const editor = await writeWithAiLines(root(), path, RULES, first, last);
    git(root(), 'add', path);
    staged.push(path);
    return editor;
  }

  before(async () => {
    // No AI-Blast-Radius unless a test gives one: the real index may or may not have answered yet.
    noIndex = (await extensionApi()).views.useBlastRadiusSource(new FixedBlastRadius());
    repository = await gitRepositoryAt(root());
    await vscode.commands.executeCommand('aiProvenance.installCommitHooks', root());
    // The git extension commits with the editor's environment.
    git(root(), 'config', 'user.name', 'Commit Test');
    git(root(), 'config', 'user.email', 'commit-test@example.com');
  });

  after(async () => {
    noIndex.dispose();
    await vscode.commands.executeCommand('aiProvenance.uninstallCommitHooks', root());
  });

  afterEach(async () => {
    if (staged.length > 0) git(root(), 'reset', '--quiet', '--', ...staged.splice(0));
    repository.inputBox.value = '';
    await closeAllEditors();
  });

  it('shows the trailers of staged AI lines below the message, follows reviews, and goes when they are unstaged', async () => {
    repository.inputBox.value = 'Add discount rules';
    const editor = await stageAiFile('src/util/discount.ts', 1, 2);
    await boxWhere(repository, 'the preview', (value) => value === `Add discount rules\n\n${trailerBlock('2/5', '0/2')}`);

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('aiProvenance.markFileReviewed');
    await boxWhere(repository, 'reviewed', (value) => value === `Add discount rules\n\n${trailerBlock('2/5', '2/2')}`);

    git(root(), 'reset', '--quiet', '--', 'src/util/discount.ts');
    await boxWhere(repository, 'the block removed', (value) => value === 'Add discount rules');
  });

  it('never fills an empty box, and empties a box left with only the block', async () => {
    const api = await extensionApi();
    await stageAiFile('src/util/coupon.ts', 0, 5);
    await waitFor('the preview computed', () => (api.commit.previewOf(root())?.trailers.length ?? 0) > 0, 20_000);
    await sleep(QUIET_MS);
    assert.equal(repository.inputBox.value, '');

    repository.inputBox.value = 'Add coupons';
    const block = trailerBlock('5/5', '0/5');
    await boxWhere(repository, 'the preview after a subject was typed', (value) => value === `Add coupons\n\n${block}`);

    // The user deletes the subject: a box with nothing but our trailers must not look like a message.
    repository.inputBox.value = `\n\n${block}`;
    await boxWhere(repository, 'emptied', (value) => value === '');
  });

  it('keeps what the user typed, other trailers included, and waits while they type', async () => {
    const message = 'Add shipping\n\nFree above 100.\n\nSigned-off-by: Ann Example <ann@example.com>';
    repository.inputBox.value = message;
    await stageAiFile('src/util/shipping.ts', 1, 1);
    const block = trailerBlock('1/5', '0/1');
    await boxWhere(repository, 'our trailers after Signed-off-by', (value) => value === `${message}\n${block}`);

    // The user types a new message over it: no block may join the words being typed.
    const seen = new Set<string>();
    let typed = '';
    for (const character of 'Ship for free') {
      typed += character;
      repository.inputBox.value = typed;
      for (let sample = 0; sample < 3; sample++) {
        await sleep(50);
        seen.add(repository.inputBox.value);
      }
    }
    const written = [...seen].filter((value) => /^S[^\n]*\n\nAI-Lines/.test(value));
    assert.deepEqual(written, [], 'the preview wrote into the box while the user typed');
    await boxWhere(repository, 'the preview once typing stopped', (value) => value === `Ship for free\n\n${block}`);
  });

  it('is replaced, not duplicated, by the hook: a commit from the box gets one block and a note', async () => {
    repository.inputBox.value = 'Add tax rules';
    await stageAiFile('src/util/tax.ts', 0, 1);
    const previewed = await boxWhere(repository, 'the preview', (value) => value.includes('AI-Lines: 2/5'));
    // Edited by hand: the hook rewrites our trailers from the facts.
    await repository.commit(previewed.replace('AI-Lines: 2/5', 'AI-Lines: 1/5'));
    staged.splice(0);
    const committed = lastMessage(root());
    assert.equal(committed, `Add tax rules\n\n${trailerBlock('2/5', '0/2')}`);
    assert.deepEqual(lastNote(root())?.totals, { aiLines: 2, addedLines: 5, reviewedLines: 0 });
  });

  it('adds the blast radius once the index knows it, and the hook keeps it', async () => {
    const index = new FixedBlastRadius({ 'src/util/radius.ts': { files: 3, loadBearing: ['src/payments/charge.ts'] } });
    const inUse = (await extensionApi()).views.useBlastRadiusSource(index);
    try {
      repository.inputBox.value = 'Add radius';
      await stageAiFile('src/util/radius.ts', 0, 2);
      await boxWhere(repository, 'the preview without a radius', (value) => value === `Add radius\n\n${trailerBlock('3/5', '0/3')}`);
      index.finish();
      const withRadius = await boxWhere(repository, 'the radius', (value) => value.includes('AI-Blast-Radius: 3 files, 1 load-bearing'));

      // The hook has no index: it keeps the editor's measured radius rather than dropping it.
      await repository.commit(withRadius);
      staged.splice(0);
      assert.equal(lastMessage(root()), withRadius);
    } finally {
      inUse.dispose();
      index.dispose();
    }
  });

  it('goes when aiProvenance.commit.previewTrailers is turned off, and comes back', async () => {
    const settings = () => vscode.workspace.getConfiguration('aiProvenance.commit');
    repository.inputBox.value = 'Add rounding';
    await stageAiFile('src/util/rounding.ts', 0, 0);
    const previewed = await boxWhere(repository, 'the preview', (value) => value.startsWith('Add rounding\n\nAI-Lines: 1/5'));
    await settings().update('previewTrailers', false, vscode.ConfigurationTarget.Global);
    try {
      await boxWhere(repository, 'the block removed', (value) => value === 'Add rounding');
    } finally {
      await settings().update('previewTrailers', undefined, vscode.ConfigurationTarget.Global);
    }
    await boxWhere(repository, 'the preview back', (value) => value === previewed);
  });

  it('leaves the box alone while git replays commits (a revert here)', async () => {
    const api = await extensionApi();
    repository.inputBox.value = 'Revert rounding';
    await stageAiFile('src/util/halve.ts', 0, 1);
    const previewed = await boxWhere(repository, 'the preview', (value) => value.startsWith('Revert rounding\n\nAI-Lines: 2/5'));
    const revertHead = join(root(), '.git', 'REVERT_HEAD');
    writeFileSync(revertHead, `${git(root(), 'rev-parse', 'HEAD').trim()}\n`);
    try {
      // Unstaged during the revert: the block would go, but git's message is not ours to edit then.
      git(root(), 'reset', '--quiet', '--', 'src/util/halve.ts');
      await waitFor('the preview to stand aside', () => api.commit.previewOf(root())?.idle === 'replay', 20_000);
      await sleep(QUIET_MS);
      assert.equal(repository.inputBox.value, previewed);
    } finally {
      rmSync(revertHead, { force: true });
    }
    await boxWhere(repository, 'the block removed after the revert', (value) => value === 'Revert rounding');
  });

  it('shows nothing where the hooks are not installed', async () => {
    const api = await extensionApi();
    repository.inputBox.value = 'Add fees';
    await stageAiFile('src/util/fees.ts', 0, 1);
    await boxWhere(repository, 'the preview', (value) => value.startsWith('Add fees\n\nAI-Lines: 2/5'));

    await vscode.commands.executeCommand('aiProvenance.uninstallCommitHooks', root());
    try {
      await boxWhere(repository, 'the block removed', (value) => value === 'Add fees');
      assert.equal(api.commit.previewOf(root())?.idle, 'no-hooks');
    } finally {
      await vscode.commands.executeCommand('aiProvenance.installCommitHooks', root());
    }
  });
});
