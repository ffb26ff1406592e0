import * as vscode from 'vscode';
import { repositoryName } from '../repositories/repositoryContext';

const SCHEME = 'ai-provenance-commit';

/**
 * Read-only documents for "Show Commit Trailers": a virtual document rather
 * than an untitled one, so closing it never asks to save. One per
 * repository, refreshed in place when the command runs again.
 */
export class TrailersDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  // After onDidChange: the editor subscribes to it when the provider is registered.
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  async show(root: string, text: string): Promise<vscode.TextEditor> {
    const name = repositoryName(root);
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}/Commit Trailers`, query: root });
    this.texts.set(uri.toString(), text);
    this.changeEmitter.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changeEmitter.dispose();
  }
}
