// The replay's round trips (issue 15, items 1 and 2): an accept undone and
// redone, typing undone and redone, an AI block cut and pasted, git stash
// and pop with the file open and closed, and a branch switched away and
// back after a commit with the hooks (marks from the notes). The truth of a
// redo or a move of AI text is the AI's: the text is the same text.
import * as vscode from 'vscode';
import {
  saveAllStores,
  commitOnNewBranch,
  git,
  moveCursor,
  openNewFile,
  saveAndCloseAllEditors,
  sleep,
  typeText,
  waitFor,
  workspaceRoot,
} from './editorSession';
import { acceptOffered, type TestInlineProvider } from './inlineProvider';
import type { ReplayRecorder } from './replayRecorder';

const ACCEPT = 'aiProvenance.capture.acceptInlineSuggestion';

function command(id: string): () => Thenable<unknown> {
  return () => vscode.commands.executeCommand(id);
}

async function untilText(document: vscode.TextDocument, what: string, test: (text: string) => boolean): Promise<void> {
  await waitFor(what, () => (test(document.getText()) ? true : undefined));
  // The reload reaches the extension too; its restore of the marks is asynchronous (git blame).
  await sleep(1500);
}

export async function roundTripSession(recorder: ReplayRecorder, inline: TestInlineProvider): Promise<void> {
  const path = 'replay-trips/trips.ts';
  const editor = await openNewFile(path, '// Round trips\nexport const first = 1;\n\n');
  const { document } = editor;
  recorder.follow(document);

  // Undo and redo of an accept and of typing.
  moveCursor(editor, 2, 0);
  await recorder.step('inline', () =>
    acceptOffered(
      inline,
      'export function clamp(value: number, low: number, high: number): number {\n  if (value < low) return low;\n  return Math.min(value, high);\n}',
      ACCEPT,
    ),
  );
  await recorder.step('undo', command('undo'));
  await recorder.step('inline', command('redo'));
  moveCursor(editor, document.lineCount - 1, 0);
  await recorder.step('typing', () => typeText('export const typed = first + 1;\n'));
  await recorder.step('undo', command('undo'));
  await recorder.step('typing', command('redo'));

  // Cut and paste of the AI block below the typed line (the browser's cut cannot reach the clipboard headless).
  const lines = document.getText().split('\n');
  const first = lines.findIndex((line) => line.startsWith('export function clamp'));
  const block = new vscode.Selection(first, 0, lines.indexOf('}', first) + 1, 0);
  if (first < 0 || block.end.line <= first) throw new Error(`the accepted block is not in the document: ${JSON.stringify(document.getText())}`);
  editor.selection = block;
  await vscode.env.clipboard.writeText(document.getText(block));
  await recorder.step('cut', command('deleteLeft'));
  moveCursor(editor, document.lineCount - 1, 0);
  await recorder.step('inline', command('editor.action.clipboardPasteAction'));
  await recorder.step('save', () => document.save());

  // git stash and pop, the file open, then closed.
  await recorder.roundTrip('git stash and pop (open)', async () => {
    git('stash', 'push', '-q', '--', path);
    await untilText(document, 'the stash', (text) => !text.includes('clamp'));
    git('stash', 'pop', '-q');
    await untilText(document, 'the pop', (text) => text.includes('clamp'));
  });
  await saveAndCloseAllEditors();
  await recorder.roundTrip('git stash and pop (closed)', async () => {
    git('stash', 'push', '-q', '--', path);
    await sleep(2500);
    git('stash', 'pop', '-q');
    await sleep(2500);
  });

  // Committed with the hooks (the note records the AI lines), then a branch switched away and back.
  const root = workspaceRoot();
  await vscode.commands.executeCommand('aiProvenance.installCommitHooks', root);
  try {
    await saveAllStores();
    git('add', path);
    git('commit', '-q', '-m', 'replay round trips');
    commitOnNewBranch('replay-trips-other', path, '// Round trips\nexport const first = 1;\nexport const onOtherBranch = true;\n', 'HEAD~1');
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD').trim();
    const reopened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(`${root}/${path}`)));
    await recorder.roundTrip('a branch switched away and back', async () => {
      git('checkout', '-q', 'replay-trips-other');
      await untilText(reopened.document, 'the other branch', (text) => text.includes('onOtherBranch'));
      git('checkout', '-q', branch);
      await untilText(reopened.document, 'the branch back', (text) => text.includes('clamp'));
    });
  } finally {
    await vscode.commands.executeCommand('aiProvenance.uninstallCommitHooks', root);
    // Later suites (review, views) read the workspace's committed AI code and its branches: leave neither behind.
    git('update-ref', '-d', 'refs/notes/ai-provenance');
    git('branch', '-D', 'replay-trips-other');
  }
}
