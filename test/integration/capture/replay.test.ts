// The capture replay: scripted editing sessions in the real editor, mixing
// what people do (typing, paste, IntelliSense, snippets, formatting, undo,
// checkout) with what AI tools do (inline accepts, WorkspaceEdits, files
// rewritten on disk). The truth is kept from the script's own knowledge of
// who made each change; what the extension marked is compared with it line
// by line, and the floors of issue 15 (precision >= 0.98, recall >= 0.95)
// are asserted: part of `npm test`. The round trips of undo/redo, a cut and
// paste and git's stash, pop and branch switch are in support/replayRoundTrips.
// `npm run bench:capture` runs it alone and keeps the line-by-line report.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ACCURACY_FLOOR, AccuracyTally, accuracyTable } from './support/accuracy';
import { Authorship } from './support/authorship';
import {
  activeApi,
  closeAllEditors,
  commitOnNewBranch,
  saveAndCloseAllEditors,
  git,
  markedLines,
  moveCursor,
  openNewFile,
  sleep,
  typeText,
  waitFor,
  workspaceRoot,
  writeWorkspaceFile,
} from './support/editorSession';
import { acceptOffered, TestInlineProvider } from './support/inlineProvider';
import { ReplayRecorder } from './support/replayRecorder';
import { agentHookSession } from './support/replayAgentHooks';
import { roundTripSession } from './support/replayRoundTrips';

const ACCEPT = 'aiProvenance.capture.acceptInlineSuggestion';
const ACCEPT_WORD = 'aiProvenance.capture.acceptInlineSuggestionNextWord';
const ACCEPT_LINE = 'aiProvenance.capture.acceptInlineSuggestionNextLine';

function childWrites(path: string, text: string): void {
  execFileSync(process.execPath, ['-e', 'require("fs").writeFileSync(process.argv[1], process.argv[2])', path, text]);
}

function end(editor: vscode.TextEditor): void {
  const last = editor.document.lineCount - 1;
  moveCursor(editor, last, editor.document.lineAt(last).text.length);
}

async function session(
  tag: string,
  recorder: ReplayRecorder,
  inline: TestInlineProvider,
  closedFiles: Array<{ path: string; authorship: Authorship }>,
): Promise<void> {
  const folder = `replay-${tag}`;
  const editor = await openNewFile(`${folder}/session.ts`, `// Session ${tag}\n`);
  recorder.follow(editor.document);
  const uri = editor.document.uri;

  end(editor);
  await recorder.step('typing', () =>
    typeText('\nexport function total(items: number[]): number {\nlet sum = 0;\nfor (const item of items) {\nsum += item;\n}\nreturn sum;\n}\n'),
  );
  end(editor);
  await recorder.step('inline', () =>
    acceptOffered(
      inline,
      `export function average(items: number[]): number {\n  if (items.length === 0) return 0;\n  return total(items) / items.length; // ${tag}\n}\n`,
      ACCEPT,
    ),
  );
  end(editor);
  await recorder.step('typing', () => typeText('\nconst limit = 10;\n'));
  end(editor);
  await recorder.step('paste', async () => {
    await vscode.env.clipboard.writeText(`export const defaults = {\n  currency: 'EUR',\n  locale: 'de-DE',\n  tag: '${tag}',\n};\n`);
    await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
  });
  end(editor);
  await recorder.step('typing', () => typeText('\n'));
  await recorder.step('inline-partial', async () => {
    // No line break at the end: at the end of a document the editor shows such a suggestion as an inline edit, which only Tab accepts.
    await acceptOffered(inline, `export const maximum = Math.max(limit, 100);\nexport const minimum = Math.min(limit, 1); // ${tag}`, ACCEPT_WORD);
    await acceptOffered(inline, ` maximum = Math.max(limit, 100);\nexport const minimum = Math.min(limit, 1); // ${tag}`, ACCEPT_WORD, true);
  });
  await recorder.step('typing', () => typeText(' = 1;\n'));
  end(editor);
  await recorder.step('inline-partial', () =>
    acceptOffered(inline, `export const ratio = limit / 3; // ${tag}\nexport const unused = 0;`, ACCEPT_LINE),
  );
  end(editor);
  await recorder.step('typing', () => typeText('\nconst label = "cons'));
  await recorder.step('suggest', async () => {
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(1500);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
  });
  await recorder.step('typing', () => typeText('";\n'));
  end(editor);
  await recorder.step('snippet', () =>
    vscode.commands.executeCommand('editor.action.insertSnippet', {
      snippet: `for (const \${1:entry} of \${2:entries}) {\n\tconsole.log(\${1:entry}, '${tag}');\n}\n`,
    }),
  );
  end(editor);
  await recorder.step('typing', () => typeText('\n'));
  // A chat "apply": a block inserted away from the cursor of the active editor.
  moveCursor(editor, 0, 0);
  await recorder.step('chat', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      uri,
      new vscode.Position(editor.document.lineCount - 1, 0),
      `export function scale(value: number, factor: number): number {\n  const scaled = value * factor;\n  return Math.round(scaled); // ${tag}\n}\n`,
    );
    await vscode.workspace.applyEdit(edit);
  });
  await recorder.step('format', () => vscode.commands.executeCommand('editor.action.formatDocument'));
  await recorder.step('undo', () => vscode.commands.executeCommand('undo'));
  await recorder.step('redo', () => vscode.commands.executeCommand('redo'));
  // A person rewrites part of an AI line.
  const averageLine = editor.document
    .getText()
    .split('\n')
    .findIndex((line) => line.includes('return total(items) / items.length'));
  moveCursor(editor, averageLine, editor.document.lineAt(averageLine).firstNonWhitespaceCharacterIndex);
  await recorder.step('typing', async () => {
    await vscode.commands.executeCommand('cursorEndSelect');
    await typeText('return items.length ? total(items) / items.length : 0;');
  });
  await recorder.step('save', () => editor.document.save());

  // A CLI agent rewrites the open, saved file on disk: the editor reloads it.
  await recorder.step('agent-disk', async () => {
    const text = editor.document.getText();
    const at = text.indexOf('const limit');
    childWrites(
      uri.fsPath,
      `${text.slice(0, at)}// Added by a CLI agent (${tag}).\nexport function clamp(value: number, low: number, high: number): number {\n  return Math.min(high, Math.max(low, value));\n}\n\n${text.slice(at)}`,
    );
    await waitFor('the editor to reload', () => (editor.document.getText().includes('Added by a CLI agent') ? true : undefined));
    await sleep(1500);
  });
  end(editor);
  await recorder.step('typing', () => typeText('\nexport const done = true;\n'));

  // An agent (another extension) edits a file no editor shows.
  const hiddenUri = writeWorkspaceFile(`${folder}/hidden.ts`, `export const base = '${tag}';\n`);
  git('add', `${folder}/hidden.ts`);
  git('commit', '-q', '-m', `replay ${tag} hidden`);
  const hidden = await vscode.workspace.openTextDocument(hiddenUri);
  recorder.follow(hidden);
  await recorder.step('agent', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(hiddenUri, new vscode.Position(1, 0), `export function describe(): string {\n  return \`base \${base}\`;\n}\n`);
    await vscode.workspace.applyEdit(edit);
  });
  await recorder.step('save', () => hidden.save());

  // A CLI agent writes a file no editor has open (compared with git's version).
  const closedPath = `${folder}/closed.ts`;
  const closedBefore = `export const first = 1;\nexport const second = 2;\n`;
  writeWorkspaceFile(closedPath, closedBefore);
  git('add', closedPath);
  git('commit', '-q', '-m', `replay ${tag} closed`);
  await sleep(1200);
  const closedAfter = `export const first = 1;\nexport function fromAgent(): number {\n  return first * 2; // ${tag}\n}\nexport const second = 2;\n`;
  childWrites(join(workspaceRoot(), closedPath), closedAfter);
  const closedTruth = new Authorship(closedBefore, 'base');
  closedTruth.apply(
    {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 0 },
      text: `export function fromAgent(): number {\n  return first * 2; // ${tag}\n}\n`,
    },
    'agent-disk',
  );
  closedFiles.push({ path: join(workspaceRoot(), closedPath), authorship: closedTruth });

  // git checks out another branch under an open file: nothing of it is AI.
  const branchy = `${folder}/branchy.ts`;
  const branchyEditor = await openNewFile(branchy, `export const version = 1;\n`);
  recorder.follow(branchyEditor.document);
  commitOnNewBranch(`replay-${tag}`, branchy, `export const version = 2;\nexport function onBranch(): string {\n  return 'branch ${tag}';\n}\n`);
  const main = git('rev-parse', '--abbrev-ref', 'HEAD').trim();
  await recorder.step('git', async () => {
    git('checkout', '-q', `replay-${tag}`);
    await waitFor('the checkout reload', () => (branchyEditor.document.getText().includes('onBranch') ? true : undefined));
    await sleep(2000);
  });
  git('checkout', '-q', main);
  await sleep(2000);
}

/**
 * Cases the rules are known to get wrong (docs/CAPTURE.md, "Limits"),
 * measured apart so that their cost is visible rather than hidden.
 */
async function knownLimits(recorder: ReplayRecorder, closedFiles: Array<{ path: string; authorship: Authorship }>): Promise<void> {
  const folder = 'replay-limits';
  const editor = await openNewFile(
    `${folder}/limits.ts`,
    'export const one = 1;\nexport const two = 2;\nexport const three = 3;\n\nexport const four = 4;\n',
  );
  recorder.follow(editor.document);
  // People moving and copying lines: their own work, not AI.
  editor.selection = new vscode.Selection(0, 0, 1, 5);
  await recorder.step('move-lines', () => vscode.commands.executeCommand('editor.action.moveLinesDownAction'));
  await recorder.step('copy-lines', () => vscode.commands.executeCommand('editor.action.copyLinesDownAction'));
  // An AI block inserted on the cursor's line (chat's "Insert at Cursor"): taken for the person's.
  moveCursor(editor, editor.document.lineCount - 1, 0);
  await recorder.step('chat', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, editor.selection.active, 'export function inserted(): number {\n  return 1;\n}\n');
    await vscode.workspace.applyEdit(edit);
  });
  // A single-line agent edit outside a burst: not a block, not marked.
  const single = writeWorkspaceFile(`${folder}/single.ts`, 'export const setting = 1;\n');
  git('add', `${folder}/single.ts`);
  git('commit', '-q', '-m', 'limits single');
  const hidden = await vscode.workspace.openTextDocument(single);
  recorder.follow(hidden);
  await sleep(2500);
  await recorder.step('agent', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(single, new vscode.Position(1, 0), 'export const tweaked = 42;\n');
    await vscode.workspace.applyEdit(edit);
  });
  await hidden.save();
  // A person copying a file from a terminal: indistinguishable from an agent's write.
  const copied = `${folder}/copied.ts`;
  const copiedText = 'export const copiedOne = 1;\nexport const copiedTwo = 2;\nexport const copiedThree = 3;\n';
  childWrites(join(workspaceRoot(), copied), copiedText);
  const copiedTruth = new Authorship('', 'base');
  copiedTruth.apply({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, text: copiedText }, 'person-cp');
  closedFiles.push({ path: join(workspaceRoot(), copied), authorship: copiedTruth });
  await sleep(2500);
}

describe('capture replay', function () {
  this.timeout(900_000);
  let inline: TestInlineProvider;
  let recorder: ReplayRecorder;
  before(() => {
    inline = new TestInlineProvider();
    recorder = new ReplayRecorder(workspaceRoot());
  });
  after(async () => {
    inline?.dispose();
    recorder?.dispose();
    await closeAllEditors();
    // The suites after this one rate the whole workspace (views): the replay's regions are no part of it.
    const repository = await (await activeApi()).registry.resolve(vscode.Uri.file(workspaceRoot()));
    for (const path of repository?.store.files() ?? []) if (path.startsWith('replay-')) repository!.store.clearFile(path);
    await repository?.store.sync();
  });

  it('marks what AI tools wrote and not what people or their tools did, line by line', async () => {
    const closedFiles: Array<{ path: string; authorship: Authorship }> = [];
    for (const tag of ['a', 'b']) {
      await session(tag, recorder, inline, closedFiles);
      await saveAndCloseAllEditors();
    }
    await roundTripSession(recorder, inline);
    await saveAndCloseAllEditors();
    await knownLimits(recorder, closedFiles);
    await saveAndCloseAllEditors();
    closedFiles.push(...(await agentHookSession()));
    await sleep(2000);
    const tally = new AccuracyTally();
    const limitsTally = new AccuracyTally();
    const files = [...[...recorder.documents].map(([path, authorship]) => ({ path, authorship })), ...closedFiles];
    const details: Record<string, unknown> = {};
    for (const { path, authorship } of files) {
      const marked = await markedLines(vscode.Uri.file(path));
      const zeroBased = new Map([...marked].map(([line, source]) => [line - 1, source]));
      const truth = authorship.truth();
      (path.includes('replay-limits') ? limitsTally : tally).add(truth, zeroBased);
      details[path.slice(workspaceRoot().length + 1)] = truth.map(
        (line, index) =>
          `${String(index + 1).padStart(3)} ${line.ai ? line.author.padEnd(14) : `(${line.author})`.padEnd(14)} ${zeroBased.get(index) ?? '-'}`,
      );
    }
    const report = tally.report();
    const output = process.env.AI_PROVENANCE_CAPTURE_REPORT;
    if (output) writeFileSync(output, JSON.stringify({ ...report, knownLimits: limitsTally.report(), details }, null, 2));
    console.log(['Capture accuracy (scripted sessions, line by line):', ...accuracyTable(report)].join('\n'));
    assert.ok(report.overall.truthAi > 30, `the script wrote too few AI lines to measure (${report.overall.truthAi})`);
    assert.ok(
      report.overall.precision >= ACCURACY_FLOOR.precision,
      `precision ${report.overall.precision.toFixed(3)} < ${ACCURACY_FLOOR.precision}: ${JSON.stringify(report.falsePositivesBy)}`,
    );
    assert.ok(
      report.overall.recall >= ACCURACY_FLOOR.recall,
      `recall ${report.overall.recall.toFixed(3)} < ${ACCURACY_FLOOR.recall}: ${JSON.stringify(report.missesBy)}`,
    );
  });
});
