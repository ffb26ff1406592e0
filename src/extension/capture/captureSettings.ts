import * as vscode from 'vscode';

/**
 * The `aiProvenance.capture.*` settings, cached: the classifier consults
 * them on the typing path, where reading the configuration is too slow.
 */
export class CaptureSettings implements vscode.Disposable {
  inlineKeybindings = true;
  editorEdits = true;
  diskWatcher = true;
  editSources = true;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('aiProvenance.capture')) this.read();
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private read(): void {
    const section = vscode.workspace.getConfiguration('aiProvenance.capture');
    this.inlineKeybindings = section.get<boolean>('inlineKeybindings', true);
    this.editorEdits = section.get<boolean>('editorEdits', true);
    this.diskWatcher = section.get<boolean>('diskWatcher', true);
    this.editSources = section.get<boolean>('editSources', true);
  }
}
