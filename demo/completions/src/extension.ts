// Offers the demo's fixed suggestions as inline completions (ghost text),
// through the API AI assistants use, so AI Provenance's capture of accepted
// suggestions can be seen without an AI account.
import * as vscode from 'vscode';
import { offerAt } from './suggestions';

class DemoInlineCompletions implements vscode.InlineCompletionItemProvider {
  provideInlineCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.InlineCompletionItem[] {
    const line = document.lineAt(position.line).text;
    const offer = offerAt({
      path: document.uri.path,
      textBeforeCursor: line.slice(0, position.character),
      textAfterCursor: line.slice(position.character),
      lineAbove: position.line > 0 ? document.lineAt(position.line - 1).text : '',
    });
    if (!offer) return [];
    const range = new vscode.Range(position.line, offer.startCharacter, position.line, offer.endCharacter);
    return [new vscode.InlineCompletionItem(offer.text, range)];
  }
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.languages.registerInlineCompletionItemProvider({ scheme: 'file' }, new DemoInlineCompletions()));
}
