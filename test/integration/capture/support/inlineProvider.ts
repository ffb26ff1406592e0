// An inline-completion provider registered by the tests: the same API
// Copilot and other inline providers use, offering a fixed suggestion.
import * as vscode from 'vscode';
import { sleep, waitFor } from './editorSession';

export class TestInlineProvider implements vscode.InlineCompletionItemProvider, vscode.Disposable {
  private suggestion: string | undefined;
  private readonly registration: vscode.Disposable;
  calls = 0;

  constructor(selector: vscode.DocumentSelector = { scheme: 'file' }) {
    this.registration = vscode.languages.registerInlineCompletionItemProvider(selector, this);
  }

  provideInlineCompletionItems(_document: vscode.TextDocument, position: vscode.Position): vscode.InlineCompletionItem[] {
    this.calls++;
    return this.suggestion ? [new vscode.InlineCompletionItem(this.suggestion, new vscode.Range(position, position))] : [];
  }

  /**
   * Offers `text` at the cursor and waits until the editor asked for it (the
   * ghost text is then shown). An editor still showing the rest of a
   * partly accepted suggestion does not ask again: then it goes on after a while.
   */
  async offer(text: string): Promise<void> {
    this.suggestion = text;
    const before = this.calls;
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    await waitFor('the inline suggestion to be requested', () => (this.calls > before ? true : undefined), 5_000).catch(() => undefined);
    // The ghost text is rendered after the provider answers.
    await sleep(150);
  }

  withdraw(): void {
    this.suggestion = undefined;
  }

  dispose(): void {
    this.registration.dispose();
  }
}

/**
 * Offers `suggestion` and runs one of our accept commands (what Tab or
 * Ctrl+Right run), retrying while the editor had not shown the ghost text
 * yet (under load it can take a while). Resolves once the document changed.
 * `shownAlready`: the rest of a partly accepted suggestion is still shown; accept more of it first.
 */
export async function acceptOffered(provider: TestInlineProvider, suggestion: string, command: string, shownAlready = false): Promise<void> {
  const editor = vscode.window.activeTextEditor!;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0 || !shownAlready) await provider.offer(suggestion);
    const version = editor.document.version;
    await vscode.commands.executeCommand(command);
    if (editor.document.version !== version) return;
    await sleep(300);
  }
  const line = editor.document.lineAt(editor.selection.active.line).text;
  throw new Error(`${command} accepted nothing after 5 attempts (provider asked ${provider.calls} times; cursor line ${JSON.stringify(line)})`);
}
