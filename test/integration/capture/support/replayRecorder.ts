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
  /** While set, change events leave the truth alone (see roundTrip). */
  private paused = false;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly prefix: string) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      const authorship = this.documents.get(event.document.uri.fsPath);
      if (!authorship || event.contentChanges.length === 0) return;
      this.lastChange = Date.now();
      if (this.paused) return;
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

  /**
   * Runs a step that takes text away and puts the same text back (git stash
   * and pop, a branch switched away and back): who wrote each character is
   * what it was before, whatever the reloads in between looked like. The
   * followed documents must hold their texts again afterwards.
   */
  async roundTrip(what: string, action: () => PromiseLike<unknown>): Promise<void> {
    console.log(`[replay] ${what}`);
    this.paused = true;
    try {
      await action();
      await this.settle();
    } finally {
      this.paused = false;
    }
    for (const document of vscode.workspace.textDocuments) {
      const authorship = this.documents.get(document.uri.fsPath);
      if (authorship && authorship.text !== document.getText()) throw new Error(`${what} did not bring ${document.uri.fsPath} back as it was`);
    }
  }

  async settle(quietMs = 700): Promise<void> {
    while (Date.now() - this.lastChange < quietMs) await sleep(100);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
