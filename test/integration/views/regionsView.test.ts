import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RegionsViewNode } from '../../../src/extension/regionsView/regionsTreeProvider';
import { closeAllEditors, extensionApi, waitFor } from '../support/extension';
import { fixtureUri, markAi, setting, useFixtureIndex, withoutCapture } from './support/views';

const LEDGER = 'src/payments/ledger.ts';
const DAILY = 'src/reports/daily.ts';

interface Shown {
  readonly label: string;
  readonly description: string;
  readonly context: string | undefined;
  readonly node: RegionsViewNode;
}

async function shown(node?: RegionsViewNode): Promise<Shown[]> {
  const tree = (await extensionApi()).views.regionsTree;
  const children = (await tree.getChildren(node)) ?? [];
  return Promise.all(
    children.map(async (child) => {
      const item = await tree.getTreeItem(child);
      return { label: String(item.label), description: String(item.description ?? ''), context: item.contextValue, node: child };
    }),
  );
}

/** Waits for the view's files (and their regions) to be [label, description, [region label, region description]...]. */
async function viewShows(what: string, check: (files: Array<[string, string, string[][]]>) => boolean): Promise<Array<[string, string, string[][]]>> {
  let last: Array<[string, string, string[][]]> = [];
  try {
    return await waitFor(what, async () => {
      const files = await shown();
      last = await Promise.all(
        files.map(
          async (file) =>
            [file.label, file.description, (await shown(file.node)).map((r) => [r.label, r.description])] as [string, string, string[][]],
        ),
      );
      return check(last) ? last : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; last shown: ${JSON.stringify(last)}`, { cause: error });
  }
}

describe('views: AI Regions view', () => {
  withoutCapture();
  useFixtureIndex({ ready: true });
  afterEach(async () => {
    await vscode.commands.executeCommand('aiProvenance.regionsView.showAll');
    await setting('regionsView.showReviewed', undefined);
    await closeAllEditors();
  });

  it('lists files and their regions by risk, and follows edits', async () => {
    await markAi(DAILY, 3, 7);
    const ledger = await markAi(LEDGER, 10, 15);
    const files = await viewShows('both files', (f) => f.length === 2);
    assert.deepEqual(files, [
      ['ledger.ts', 'src/payments · medium · payments', [['Lines 11–16', 'medium · 6 AI lines · 4 dependents (2 load-bearing)']]],
      ['daily.ts', 'src/reports · low', [['Lines 4–8', 'low · 5 AI lines · 1 dependent']]],
    ]);
    await ledger.edit((edit) => edit.insert(new vscode.Position(0, 0), '// moved\n'));
    await viewShows('the moved region', (f) => f[0]?.[2][0]?.[0] === 'Lines 12–17');
  });

  it('reveals a region on click', async () => {
    await markAi(LEDGER, 10, 15);
    await closeAllEditors();
    const [file] = await waitFor('the file', async () => ((await shown()).length === 1 ? shown() : undefined));
    const [region] = await shown(file!.node);
    const item = await (await extensionApi()).views.regionsTree.getTreeItem(region!.node);
    assert.equal(item.command?.command, 'aiProvenance.revealRegion');
    await vscode.commands.executeCommand(item.command!.command, ...item.command!.arguments!);
    const editor = await waitFor(
      'the editor',
      () => vscode.window.activeTextEditor?.document.uri.toString() === fixtureUri(LEDGER).toString() && vscode.window.activeTextEditor,
    );
    assert.equal(editor.selection.active.line, 10);
  });

  it('filters to load-bearing files', async () => {
    await markAi(DAILY, 3, 7);
    await markAi(LEDGER, 10, 15);
    await viewShows('both files', (f) => f.length === 2);
    await vscode.commands.executeCommand('aiProvenance.regionsView.showLoadBearingOnly');
    await viewShows('only the load-bearing file', (f) => f.length === 1 && f[0]![0] === 'ledger.ts');
    await vscode.commands.executeCommand('aiProvenance.regionsView.showAll');
    await viewShows('both files again', (f) => f.length === 2);
  });

  it('marks reviewed, unreviewed and unmarks from the view', async () => {
    await markAi(DAILY, 3, 7);
    await markAi(LEDGER, 10, 15);
    const files = await waitFor('both files', async () => ((await shown()).length === 2 ? shown() : undefined));
    const [ledgerRegion] = await shown(files[0]!.node);
    assert.equal(ledgerRegion!.context, 'aiProvenanceRegion.unreviewed');
    await vscode.commands.executeCommand('aiProvenance.regionsView.markReviewed', ledgerRegion!.node);
    await viewShows('the reviewed file gone', (f) => f.length === 1 && f[0]![0] === 'daily.ts');

    await setting('regionsView.showReviewed', true);
    const withReviewed = await viewShows('the reviewed region listed', (f) => f.length === 2);
    assert.deepEqual(withReviewed[1]![0], 'ledger.ts');
    assert.match(withReviewed[1]![2][0]![1]!, /^reviewed by .+ · 6 AI lines$/);
    const reviewedFile = (await shown()).find((file) => file.label === 'ledger.ts')!;
    const [reviewed] = await shown(reviewedFile.node);
    assert.equal(reviewed!.context, 'aiProvenanceRegion.reviewed');
    await vscode.commands.executeCommand('aiProvenance.regionsView.markUnreviewed', reviewed!.node);
    await viewShows('unreviewed again', (f) => f[0]?.[0] === 'ledger.ts' && f[0][2][0]![1]!.startsWith('medium'));

    const dailyFile = (await shown()).find((file) => file.label === 'daily.ts')!;
    const [dailyRegion] = await shown(dailyFile.node);
    await vscode.commands.executeCommand('aiProvenance.regionsView.unmark', dailyRegion!.node);
    await viewShows('the unmarked region gone', (f) => f.length === 1);

    const [ledgerFile] = await shown();
    await vscode.commands.executeCommand('aiProvenance.regionsView.markFileReviewed', ledgerFile!.node);
    await viewShows('the file reviewed', (f) => f.length === 1 && f[0]![2][0]![1]!.startsWith('reviewed by'));
  });
});
