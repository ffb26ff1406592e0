import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor } from '../support/extension';
import { annotations, decorationsWhere, fixtureUri, forgetAllRegions, markAi, setting, useFixtureIndex, withoutCapture } from './support/views';

const LEDGER = 'src/payments/ledger.ts';
const DAILY = 'src/reports/daily.ts';
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe('views: annotations', () => {
  withoutCapture();
  const fixture = useFixtureIndex({ ready: false });
  afterEach(async () => {
    for (const key of [
      'annotations.showReviewed',
      'decorations.showReviewed',
      'annotations.minDependents',
      'annotations.blastRadius',
      'index.enabled',
    ])
      await setting(key, undefined);
    await closeAllEditors();
  });

  it('warns on AI code in a load-bearing file, adds the blast radius when the index is ready, follows edits', async () => {
    const uri = fixtureUri(LEDGER);
    const editor = await markAi(LEDGER, 10, 15);
    let painted = await decorationsWhere(uri, 'the load-bearing warning', (s) => s.plan.annotations.length === 1);
    assert.deepEqual(annotations(painted), [[10, 'AI-generated · payments · blast radius: indexing…', 'warning']]);
    assert.deepEqual(painted.plan.loadBearingLines, range(10, 15));
    assert.deepEqual(painted.plan.aiLines, [], 'the striped gutter icon replaces the plain bar');
    assert.deepEqual(painted.plan.aiText[0], { line: 10, start: 0, end: 53 });

    fixture.index.finish();
    painted = await decorationsWhere(uri, 'the blast radius', (s) => !s.plan.annotations[0]?.text.includes('indexing'));
    assert.deepEqual(annotations(painted), [[10, 'AI-generated · payments · 4 dependents (2 load-bearing)', 'warning']]);

    const askedBefore = fixture.index.asked.length;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// one\n// two\n'));
    painted = await decorationsWhere(uri, 'the warning to move down', (s) => s.plan.annotations[0]?.line === 12);
    assert.deepEqual(annotations(painted), [[12, 'AI-generated · payments · 4 dependents (2 load-bearing)', 'warning']]);
    assert.deepEqual(painted.plan.loadBearingLines, range(12, 17));
    // The index is asked again for the moved lines once the edits settle, not on the keystroke.
    await waitFor('the index to be asked for the moved lines', () => fixture.index.asked.includes(`${LEDGER}:12-17`));
    assert.ok(fixture.index.asked.length - askedBefore <= 2, `asked ${fixture.index.asked.slice(askedBefore).join(', ')}`);
  });

  it('hides the warning of reviewed code, unless configured', async () => {
    const uri = fixtureUri(LEDGER);
    const editor = await markAi(LEDGER, 10, 15);
    fixture.index.finish();
    await decorationsWhere(uri, 'the warning', (s) => s.plan.annotations.length === 1);
    editor.selection = new vscode.Selection(12, 0, 12, 0);
    await vscode.commands.executeCommand('aiProvenance.markReviewed');
    const quiet = await decorationsWhere(uri, 'no warning once reviewed', (s) => s.plan.annotations.length === 0);
    assert.deepEqual([quiet.plan.loadBearingLines, quiet.plan.aiLines, quiet.plan.aiText], [[], [], []]);

    await setting('annotations.showReviewed', true);
    await setting('decorations.showReviewed', true);
    const shown = await decorationsWhere(
      uri,
      'the reviewed annotation and highlight',
      (s) => s.plan.annotations.length === 1 && s.plan.aiLines.length > 0,
    );
    const [[line, text, kind]] = annotations(shown);
    assert.deepEqual([line, kind], [10, 'note']);
    assert.match(text, /^AI-generated, reviewed by .+ · payments · 4 dependents \(2 load-bearing\)$/);
    assert.deepEqual(shown.plan.aiLines, range(10, 15), 'reviewed code keeps the plain bar');
    assert.deepEqual(shown.plan.loadBearingLines, []);
  });

  it('annotates the blast radius of AI code outside load-bearing files, above the configured minimum', async () => {
    const uri = fixtureUri(DAILY);
    await markAi(DAILY, 3, 7);
    let painted = await decorationsWhere(uri, 'indexing', (s) => s.plan.annotations.length === 1);
    assert.deepEqual(annotations(painted), [[3, 'AI-generated · blast radius: indexing…', 'note']]);
    assert.deepEqual(painted.plan.aiLines, range(3, 7));
    assert.deepEqual(painted.plan.loadBearingLines, []);
    fixture.index.finish();
    await decorationsWhere(uri, 'the count', (s) => s.plan.annotations[0]?.text === 'AI-generated · 1 dependent');

    await setting('annotations.minDependents', 2);
    painted = await decorationsWhere(uri, 'quiet below the minimum', (s) => s.plan.annotations.length === 0);
    assert.deepEqual(painted.plan.aiLines, range(3, 7), 'the highlight stays');
    await setting('annotations.minDependents', undefined);
    await decorationsWhere(uri, 'the count again', (s) => s.plan.annotations.length === 1);
    await setting('annotations.blastRadius', false);
    await decorationsWhere(uri, 'no blast radius when switched off', (s) => s.plan.annotations.length === 0);
  });

  it('never guesses: without an index only the class is shown', async () => {
    // Back to the extension's own workspace index, switched off as a user would.
    fixture.stopUsing();
    await setting('index.enabled', false);
    const uri = fixtureUri(LEDGER);
    await markAi(LEDGER, 10, 15);
    // Asked before the next file replaces this one in the editor (snapshots are kept for visible editors only).
    const ledger = await decorationsWhere(uri, 'the warning', (s) => s.plan.annotations.length === 1);
    assert.deepEqual(annotations(ledger), [[10, 'AI-generated · payments', 'warning']]);
    await markAi(DAILY, 3, 7);
    const daily = await decorationsWhere(fixtureUri(DAILY), 'the highlight', (s) => s.plan.aiLines.length > 0);
    assert.deepEqual(daily.plan.annotations, []);
  });

  it('paints line by line around the visible lines only, the overview ruler for the whole file, and follows scrolling', async () => {
    const LONG = 'src/util/long.ts';
    const uri = fixtureUri(LONG);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(Array.from({ length: 1_000 }, (_, i) => `export const value${i} = ${i};\n`).join('')));
    try {
      await markAi(LONG, 2, 3);
      const editor = await markAi(LONG, 900, 903);
      let painted = await decorationsWhere(uri, 'both regions on the ruler', (s) => s.plan.aiRuler.length === 2);
      assert.deepEqual(painted.plan.aiRuler, [
        { first: 2, last: 3 },
        { first: 900, last: 903 },
      ]);
      assert.deepEqual(painted.plan.aiLines, [2, 3], 'the region far below the screen is not painted line by line');

      editor.revealRange(new vscode.Range(900, 0, 900, 0), vscode.TextEditorRevealType.AtTop);
      painted = await decorationsWhere(uri, 'the lower region once scrolled to', (s) => s.plan.aiLines.includes(900));
      assert.deepEqual(painted.plan.aiLines, range(900, 903), 'the lines scrolled away from are dropped');
      assert.equal(painted.plan.aiRuler.length, 2);
    } finally {
      await closeAllEditors();
      await forgetAllRegions();
      await vscode.workspace.fs.delete(uri);
    }
  });
});
