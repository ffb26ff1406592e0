import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { ReviewNode } from '../../../src/extension/review/reviewTree';
import { bundledCli, temporaryRepository } from '../commit/support';
import { closeAllEditors, extensionApi, openEditor, waitFor } from '../support/extension';

const ANN = {
  GIT_AUTHOR_NAME: 'Ann Author',
  GIT_AUTHOR_EMAIL: 'ann@example.com',
  GIT_COMMITTER_NAME: 'Ann Author',
  GIT_COMMITTER_EMAIL: 'ann@example.com',
};
const REFUND = 'src/payments/refund.ts';
/** main's version: two AI lines of an older commit (lines 3-4), already on the base. */
const BASE_TEXT = [
  '// Refunds',
  '',
  'export const MAX_REFUNDS = 3;',
  'export const REFUND_WINDOW_DAYS = 30;',
  '',
  'export const refunds: string[] = [];',
  '',
];
/** The branch appends these AI lines: 8-11. */
const BRANCH_AI = [
  'export function assertRefundable(amount: number, charged: number): void {',
  '  if (amount <= 0) throw new Error("amount");',
  '  if (amount > charged) throw new Error("more than charged");',
  '}',
];

/**
 * The reviewer's side in the real editor: a teammate's branch, with AI
 * lines in a payments file recorded in notes by the author (another
 * identity), shown quietly with the load-bearing warning, listed in the
 * Review view, signed off, and the gate then passes.
 */
describe('review: the branch’s committed AI code, and signing it off', function () {
  this.timeout(120_000);
  let repository: { root: string; remove(): void };
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repository.root, env: { ...process.env, ...ANN }, encoding: 'utf8', stdio: 'pipe' });
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [bundledCli(), ...args], { cwd: repository.root, env: { ...process.env, ...ANN }, encoding: 'utf8' });
  const write = (path: string, lines: readonly string[]) => {
    const file = join(repository.root, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${lines.join('\n')}\n`);
  };
  /** The author's AI lines, recorded the way the CLI and hooks do it, then committed with a note (her store is then cleared: the reviewer's clone has none). */
  const commitAi = (message: string, first: number, last: number) => {
    assert.equal(cli('record', REFUND, '--lines', `${first}-${last}`, '--tool', 'copilot', '--model', 'gpt-4o', '--source', 'inline').status, 0);
    git('add', '-A');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
    assert.equal(cli('notes', 'write', 'HEAD').status, 0);
    assert.equal(cli('clear', REFUND).status, 0);
  };
  const review = async () => {
    const api = await extensionApi();
    return api.review.reviews().find((candidate) => candidate.repository.root === repository.root);
  };
  const uri = () => vscode.Uri.file(join(repository.root, ...REFUND.split('/')));

  before(async () => {
    repository = temporaryRepository('review');
    writeFileSync(join(repository.root, '.ai-provenance.json'), JSON.stringify({ policy: { requireSignOff: ['payments'] } }));
    write(REFUND, BASE_TEXT.slice(0, 2));
    git('add', '-A');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Policy');
    write(REFUND, BASE_TEXT);
    commitAi('Refund limits', 3, 4);
    git('checkout', '-q', '-b', 'feature');
    write(REFUND, [...BASE_TEXT, ...BRANCH_AI]);
    commitAi('Add refund checks', 8, 11);
    // The reviewer's identity in this clone.
    git('config', 'user.name', 'Bob Reviewer');
    git('config', 'user.email', 'bob@example.com');
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.getConfiguration('aiProvenance.review').update('wholeFileAuthorship', undefined, vscode.ConfigurationTarget.Workspace);
    repository.remove();
  });

  it('shows the branch’s AI lines quietly with the load-bearing warning, lists them in the Review view, and leaves the base’s quiet', async () => {
    const api = await extensionApi();
    const editor = await openEditor(uri());
    const state = await waitFor(
      'the review of the branch',
      async () => ((await review())?.state?.files.length ? (await review())!.state : undefined),
      30_000,
    );
    assert.equal((await review())?.base?.ref, 'main');
    const [file] = state.files;
    assert.equal(file.path, REFUND);
    assert.equal(file.requiresSignOff, true);
    assert.deepEqual(
      file.hunks.map((hunk) => [hunk.start, hunk.end, hunk.commit.author, hunk.origin.tool, hunk.open]),
      [[8, 11, 'Ann Author', 'copilot', 4]],
    );

    await api.review.settled();
    const painted = await waitFor('the review decorations', () => api.review.decorations(editor.document.uri));
    assert.deepEqual(painted.plan.loadBearingLines, [7, 8, 9, 10]);
    assert.deepEqual(painted.plan.quietLines, [], 'the base’s AI lines stay quiet unless asked');
    assert.equal(painted.plan.annotations.length, 1);
    assert.equal(painted.plan.annotations[0].kind, 'warning');
    assert.match(painted.plan.annotations[0].text, /^AI-generated in [0-9a-f]{7} by Ann Author · payments/);
    // One's own (uncommitted) regions are painted by the region decorations, not these.
    assert.deepEqual(api.views.decorations(editor.document.uri)?.plan.loadBearingLines ?? [], []);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(7, 3),
    );
    const hover = hovers
      .flatMap((entry) => entry.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.match(hover, /committed in `[0-9a-f]{7}` by Ann Author/);
    assert.match(hover, /\*\*Needs a sign-off\*\* \(policy\.requireSignOff\), by a reviewer who is not the author: L8-11/);
    assert.match(hover, /Sign off these lines/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.ok(lenses.some((lens) => lens.command?.title === '$(check) Sign off AI code' && lens.range.start.line === 7));

    const groups = (await api.review.tree.getChildren()) as ReviewNode[];
    // (Other repositories the suite opened may be listed too, each label then prefixed with its name.)
    const payments = groups.find((group) => group.kind === 'group' && group.root === repository.root && /(^|: )payments$/.test(group.label));
    assert.ok(payments && payments.kind === 'group', JSON.stringify(groups.map((group) => group.label)));
    assert.match(payments.description, /critical · sign-off required · 0\/4 AI lines signed off/);
    const [fileNode] = (await api.review.tree.getChildren(payments)) as ReviewNode[];
    const [hunkNode] = (await api.review.tree.getChildren(fileNode)) as ReviewNode[];
    assert.equal(hunkNode.kind === 'hunk' && hunkNode.label, 'Lines 8–11');

    // Whole-file authorship, like blame annotations: the base's AI lines appear, quietly.
    await vscode.commands.executeCommand('aiProvenance.toggleAiAuthorship', editor.document.uri);
    await waitFor(
      'the base’s AI lines in whole-file mode',
      () => (api.review.decorations(editor.document.uri)?.plan.quietLines.join() === '2,3' ? true : undefined),
      15_000,
    );
    await vscode.commands.executeCommand('aiProvenance.toggleAiAuthorship', editor.document.uri);
    await waitFor(
      'whole-file mode off',
      () => (api.review.decorations(editor.document.uri)?.plan.quietLines.length === 0 ? true : undefined),
      15_000,
    );
  });

  it('reviews against the base chosen in aiProvenance.review.base, and says so when it is not there', async () => {
    const api = await extensionApi();
    const config = vscode.workspace.getConfiguration('aiProvenance');
    try {
      await config.update('review.base', 'origin/nowhere', vscode.ConfigurationTarget.Workspace);
      const problem = await waitFor('the review to use the chosen base', async () => (await review())?.problem, 15_000);
      assert.match(problem, /the review base origin\/nowhere is not a commit here/);
      await config.update('review.base', 'HEAD~1', vscode.ConfigurationTarget.Workspace);
      await waitFor(
        'the review against HEAD~1',
        async () => ((await review())?.base?.ref === 'HEAD~1' && (await review())?.state ? true : undefined),
        15_000,
      );
      assert.equal((await review())!.state!.commits.length, 1);
    } finally {
      await config.update('review.base', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the detected base again', async () => ((await review())?.base?.ref === 'main' ? true : undefined), 15_000);
    await api.review.settled();
  });

  it('follows unsaved edits: lines typed above move the committed AI lines', async () => {
    const api = await extensionApi();
    const editor = await openEditor(uri());
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// reviewed on a branch\n// by Bob\n'));
    await waitFor(
      'the hunk two lines lower',
      () => (api.review.decorations(editor.document.uri)?.plan.loadBearingLines.join() === '9,10,11,12' ? true : undefined),
      15_000,
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(
      'the hunk back in place',
      () => (api.review.decorations(editor.document.uri)?.plan.loadBearingLines.join() === '7,8,9,10' ? true : undefined),
      15_000,
    );
  });

  it('Sign Off AI Code records a sign-off by the reviewer; the warning goes and the gate passes', async () => {
    const api = await extensionApi();
    const editor = await openEditor(uri());
    const gateBefore = cli('gate', '--base', 'main');
    assert.equal(gateBefore.status, 1, gateBefore.stdout);
    assert.match(gateBefore.stdout, /L8-11: 4 AI lines in payments need a sign-off/);

    const signOff = await vscode.commands.executeCommand<{ document: { reviewer: { email: string }; comment?: string } } | undefined>(
      'aiProvenance.signOffAiCode',
      {
        uri: editor.document.uri.toString(),
        lines: [8, 11],
        comment: 'limits checked',
      },
    );
    assert.equal(signOff?.document.reviewer.email, 'bob@example.com');
    assert.equal(signOff?.document.comment, 'limits checked');
    await api.review.refresh();
    const state = (await review())!.state!;
    assert.equal(state.files[0].hunks[0].open, 0);
    assert.deepEqual(api.review.decorations(editor.document.uri)?.plan.loadBearingLines ?? [], []);
    assert.deepEqual(api.review.decorations(editor.document.uri)?.plan.annotations ?? [], []);

    const gateAfter = cli('gate', '--base', 'main');
    assert.equal(gateAfter.status, 0, gateAfter.stdout);
    assert.match(gateAfter.stdout, /^AI Provenance gate passed/);
  });
});
