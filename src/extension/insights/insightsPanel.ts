import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { fromRepoPath } from '../../core/git';
import { insightsDocument, PAGE_SCRIPT_FILE, repositoryInsights, type Insights } from '../../core/insights';
import { readProvenanceSettings } from '../../core/provenance';
import type { WorkspaceIndexService } from '../index/workspaceIndexService';
import type { Log } from '../log';
import type { RepositoryContext } from '../repositories/repositoryContext';
import { indexBlastRadius } from './indexBlastRadius';

export const INSIGHTS_VIEW_TYPE = 'aiProvenance.insights';

/**
 * The Insights webview of one repository: the same page as
 * `ai-provenance insights --html`, with the editor's theme, its script
 * loaded from the extension (no remote resources, a nonce'd CSP), and file
 * names that open the file.
 */
export class InsightsPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private insights: Insights | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private repository: RepositoryContext,
    private readonly index: WorkspaceIndexService,
    private readonly log: Log,
    onDispose: () => void,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel(INSIGHTS_VIEW_TYPE, this.title(), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    this.disposables.push(
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message)),
    );
  }

  get root(): string {
    return this.repository.root;
  }

  /** Computes the numbers (incrementally: see readHistory) and shows them. */
  async show(repository: RepositoryContext): Promise<void> {
    this.repository = repository;
    this.panel.title = this.title();
    this.panel.reveal();
    if (!this.insights) this.panel.webview.html = this.message('Reading the history…');
    try {
      this.insights = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'AI Provenance: reading the history for Insights' },
        () => this.compute(),
      );
      this.panel.webview.html = this.page(this.insights);
    } catch (error) {
      this.log.warn(`insights for ${repository.root}: ${(error as Error).message}`);
      this.panel.webview.html = this.message(`Insights are not available: ${(error as Error).message}`);
    }
  }

  private async compute(): Promise<Insights> {
    const root = this.repository.root;
    const settings = await readProvenanceSettings(root);
    const { insights } = await repositoryInsights(root, {
      classifier: settings.classifier,
      riskModel: settings.project.risk,
      repository: this.repository.name,
      cacheDir: this.repository.store.storeDir,
      ...(settings.blastRadius === 'off' ? {} : { blastRadius: indexBlastRadius(this.index, this.repository) }),
    });
    return insights;
  }

  private page(insights: Insights): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', PAGE_SCRIPT_FILE)).toString();
    return insightsDocument(insights, {
      title: this.title(),
      nonce: randomBytes(16).toString('base64'),
      script: { src: script },
      cspSource: webview.cspSource,
      fileLinks: true,
    });
  }

  private message(text: string): string {
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head><body style="font-family: var(--vscode-font-family); color: var(--vscode-foreground)"><p>${text.replace(/[&<>]/g, (char) => `&#${char.charCodeAt(0)};`)}</p></body></html>`;
  }

  private title(): string {
    return `AI Provenance: Insights (${this.repository.name})`;
  }

  private async onMessage(message: unknown): Promise<void> {
    const { command, path } = (message ?? {}) as { command?: unknown; path?: unknown };
    if (command !== 'openFile' || typeof path !== 'string' || path === '' || path.split('/').includes('..')) return;
    const absolute = fromRepoPath(this.repository.root, path);
    if (!existsSync(absolute)) {
      void vscode.window.showInformationMessage(`${path} is no longer in the working tree.`);
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(absolute), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}
