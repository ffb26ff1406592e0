import * as vscode from 'vscode';
import { riskLevelRank } from '../../core/risk';
import { plural } from '../../core/text';
import type { RegionInsights } from '../views/regionInsights';
import { affectsViews } from '../views/viewSettings';
import { RegionsTreeProvider, type FileNode, type RegionNode } from './regionsTreeProvider';

export const REGIONS_VIEW_ID = 'aiProvenance.regions';
/** Context key for the view's title buttons (filter on / off). */
const FILTER_CONTEXT_KEY = 'aiProvenance.regionsView.loadBearingOnly';
/** The filter is a per-workspace choice, remembered across sessions. */
const FILTER_STATE_KEY = 'aiProvenance.regionsView.loadBearingOnly';

/**
 * The "AI Regions" view: files and their AI regions by risk, a filter for
 * load-bearing files, a badge with the number of files at high or critical
 * risk, and the commands of its menus.
 */
export class RegionsView implements vscode.Disposable {
  readonly provider: RegionsTreeProvider;
  private readonly treeView: vscode.TreeView<FileNode | RegionNode>;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly insights: RegionInsights,
    private readonly state: vscode.Memento,
  ) {
    this.provider = new RegionsTreeProvider(insights);
    this.treeView = vscode.window.createTreeView(REGIONS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables = [
      this.provider,
      this.treeView,
      insights.onDidChangeWorkspace(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsViews(event)) this.refresh();
      }),
      ...this.registerCommands(),
    ];
    this.setFilter(state.get<boolean>(FILTER_STATE_KEY, false));
  }

  get visible(): boolean {
    return this.treeView.visible;
  }

  refresh(): void {
    this.provider.refresh();
    this.describe();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private setFilter(loadBearingOnly: boolean): void {
    this.provider.loadBearingOnly = loadBearingOnly;
    void this.state.update(FILTER_STATE_KEY, loadBearingOnly);
    void vscode.commands.executeCommand('setContext', FILTER_CONTEXT_KEY, loadBearingOnly);
    this.describe();
  }

  /** The filter in the title, a message when it hides everything, the badge. */
  private describe(): void {
    const filtered = this.provider.loadBearingOnly;
    this.treeView.description = filtered ? 'load-bearing only' : undefined;
    // The welcome view covers an empty list without the filter.
    this.treeView.message = filtered && this.provider.files().length === 0 ? 'No unreviewed AI code in load-bearing files.' : undefined;
    const summary = this.insights.workspace().summary;
    const loud = riskLevelRank(summary.level) >= riskLevelRank('high');
    this.treeView.badge = loud ? { value: summary.count, tooltip: `${plural(summary.count, 'file')} at ${summary.level} AI risk` } : undefined;
  }

  private registerCommands(): vscode.Disposable[] {
    const register = (id: string, handler: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, handler);
    const reference = (node: RegionNode) => ({ uri: node.uri, regionId: node.regionId });
    return [
      register('aiProvenance.showRegionsView', () => vscode.commands.executeCommand(`${REGIONS_VIEW_ID}.focus`)),
      register('aiProvenance.regionsView.showLoadBearingOnly', () => this.setFilter(true)),
      register('aiProvenance.regionsView.showAll', () => this.setFilter(false)),
      // Menus pass the element; the region commands take `{ uri, regionId }`, which region elements are.
      register('aiProvenance.regionsView.markReviewed', (node: RegionNode) =>
        vscode.commands.executeCommand('aiProvenance.markReviewed', reference(node)),
      ),
      register('aiProvenance.regionsView.markUnreviewed', (node: RegionNode) =>
        vscode.commands.executeCommand('aiProvenance.markUnreviewed', reference(node)),
      ),
      register('aiProvenance.regionsView.unmark', (node: RegionNode) =>
        vscode.commands.executeCommand('aiProvenance.unmarkSelection', reference(node)),
      ),
      register('aiProvenance.regionsView.markFileReviewed', (node: FileNode) =>
        vscode.commands.executeCommand('aiProvenance.markFileReviewed', node.uri),
      ),
    ];
  }
}
