// Follows every document of a replay: each change event the editor reports
// is applied to that document's Authorship with the author of the step
// running now.
import * as vscode from 'vscode';
import { Authorship } from './authorship';
import { sleep } from './editorSession';

export class ReplayRecorder implements vscode.Disposable {
  readonly documents = new Map<string, Authorship>();
  author = 'typing';
  private lastChange = Date.now();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly prefix: string) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      const authorship = this.documents.get(event.document.uri.fsPath);
      if (!authorship || event.contentChanges.length === 0) return;
      this.lastChange = Date.now();
      for (const change of event.contentChanges)
        authorship.apply({ start: change.range.start, end: change.range.end, text: change.text }, this.author);
    });
  }

  /** Starts following a document whose current text was written by `author`. */
  follow(document: vscode.TextDocument, author = 'base'): void {
    if (!document.uri.fsPath.startsWith(this.prefix)) throw new Error(`${document.uri.fsPath} is outside the replay folder`);
    this.documents.set(document.uri.fsPath, new Authorship(document.getText(), author));
  }

  /** Runs a step as `author`, then waits until its changes (and any late ones) have arrived. */
  async step(author: string, action: () => PromiseLike<unknown>): Promise<void> {
    this.author = author;
    console.log(`[replay] ${author}`);
    await action();
    await this.settle();
  }

  async settle(quietMs = 700): Promise<void> {
    while (Date.now() - this.lastChange < quietMs) await sleep(100);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
