import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Classification } from '../../../src/core/loadBearing/classifier';
import { closeAllEditors, extensionApi, waitFor, workspaceRoot, writeWorkspaceFile } from '../support/extension';
import { annotations, decorationsWhere, fixtureUri, markAi, useFixtureIndex, withoutCapture } from './support/views';

const DAILY = 'src/reports/daily.ts';

async function classesOf(path: string, what: string, check: (classification: Classification) => boolean): Promise<Classification> {
  const api = await extensionApi();
  return waitFor(what, () => {
    const classification = api.views.classification(fixtureUri(path));
    return classification && check(classification) ? classification : undefined;
  });
}

const names = (classification: Classification) => classification.classes.map((match) => `${match.name}:${match.severity}:${match.reason}`);

describe('views: load-bearing configuration', () => {
  withoutCapture();
  useFixtureIndex({ ready: true });
  afterEach(async () => {
    for (const file of ['.ai-provenance.json', '.github'])
      rmSync(vscode.Uri.joinPath(workspaceRoot(), file).fsPath, { recursive: true, force: true });
    await vscode.workspace.getConfiguration().update('aiProvenance.loadBearing', undefined, vscode.ConfigurationTarget.Workspace);
    await classesOf(DAILY, 'the defaults again', (classification) => classification.classes.length === 0);
    await closeAllEditors();
  });

  it('re-classifies when the team adds a class to .ai-provenance.json, and the warning follows', async () => {
    await markAi(DAILY, 3, 7);
    await decorationsWhere(fixtureUri(DAILY), 'the blast-radius note', (s) => s.plan.annotations[0]?.kind === 'note');
    writeWorkspaceFile(
      '.ai-provenance.json',
      JSON.stringify({ loadBearing: { classes: { reports: { severity: 'high', include: ['src/reports/**'] } } } }),
    );
    const classification = await classesOf(DAILY, 'the reports class', (c) => c.classes.length > 0);
    assert.deepEqual(names(classification), ['reports:high:path']);
    const painted = await decorationsWhere(fixtureUri(DAILY), 'the warning', (s) => s.plan.annotations[0]?.kind === 'warning');
    assert.deepEqual(annotations(painted), [[3, 'AI-generated · reports · 1 dependent', 'warning']]);
  });

  it('keeps the valid parts of an invalid file', async () => {
    writeWorkspaceFile(
      '.ai-provenance.json',
      JSON.stringify({ loadBearing: { classes: { reports: { severity: 'urgent', include: ['src/reports/**'] } }, exclud: [] } }),
    );
    // A new class whose severity is invalid gets the default severity of new classes.
    const classification = await classesOf(DAILY, 'the reports class', (c) => c.classes.length > 0);
    assert.deepEqual(names(classification), ['reports:high:path']);
    const problems = (await extensionApi()).views.configurationProblems();
    assert.ok(
      problems.includes('`.ai-provenance.json`: loadBearing.classes.reports.severity must be one of low|medium|high|critical'),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((problem) => problem.startsWith('`.ai-provenance.json`: loadBearing.exclud is not a known property')),
      problems.join('\n'),
    );
  });

  it('maps CODEOWNERS owners to classes', async () => {
    writeWorkspaceFile('.github/CODEOWNERS', '*            @acme/platform\n/src/reports/ @acme/finance\n');
    writeWorkspaceFile('.ai-provenance.json', JSON.stringify({ loadBearing: { codeowners: { owners: { '@acme/finance': 'payments' } } } }));
    const classification = await classesOf(DAILY, 'payments by owner', (c) => c.classes.length > 0);
    assert.deepEqual(names(classification), ['payments:critical:codeowners']);
    assert.equal(classification.classes[0]!.detail, 'owned by @acme/finance (CODEOWNERS line 2: /src/reports/)');
  });

  it("adds the user's own classes from the aiProvenance.loadBearing setting", async () => {
    await vscode.workspace
      .getConfiguration()
      .update(
        'aiProvenance.loadBearing',
        { classes: { reports: { severity: 'medium', include: ['src/reports/**'] } } },
        vscode.ConfigurationTarget.Workspace,
      );
    const classification = await classesOf(DAILY, 'the user class', (c) => c.classes.length > 0);
    assert.deepEqual(names(classification), ['reports:medium:path']);
  });
});
