import * as vscode from 'vscode';
import { fromRepoPath } from '../../core/git';
import { type RiskLevel, riskLevelRank } from '../../core/risk';
import { planRegionTree, type RegionTreeFile, type RegionTreeRegion } from '../../core/views';
import type { RegionInsights } from '../views/regionInsights';
import { viewSettings } from '../views/viewSettings';

/**
 * The view's elements. Region elements carry `uri` and `regionId`, the
 * argument the region commands (mark reviewed, unmark, reveal) accept, so
 * menus can pass them on as they are.
 */
export type RegionsViewNode = FileNode | RegionNode;
export type FileNode = RegionTreeFile & { readonly uri: vscode.Uri };
export type RegionNode = RegionTreeRegion & { readonly uri: vscode.Uri };

/** Icon colours per level: contributed theme colours (aiProvenance.risk*Foreground). */
const LEVEL_ICONS: Readonly<Record<RiskLevel, [string, string | undefined]>> = {
  critical: ['error', 'aiProvenance.riskCriticalForeground'],
  high: ['warning', 'aiProvenance.riskHighForeground'],
  medium: ['shield', 'aiProvenance.riskMediumForeground'],
  low: ['shield', 'aiProvenance.riskLowForeground'],
  none: ['pass', undefined],
};

/** Files and their AI regions, riskiest first. */
export class RegionsTreeProvider implements vscode.TreeDataProvider<RegionsViewNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<RegionsViewNode | undefined>();
  private roots: FileNode[] | undefined;
  private loadBearingOnlyFilter = false;

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly insights: RegionInsights) {}

  get loadBearingOnly(): boolean {
    return this.loadBearingOnlyFilter;
  }

  set loadBearingOnly(value: boolean) {
    this.loadBearingOnlyFilter = value;
    this.refresh();
  }

  refresh(): void {
    this.roots = undefined;
    this.changeEmitter.fire(undefined);
  }

  /** The files shown now (the tree's roots). */
  files(): readonly FileNode[] {
    this.roots ??= this.plan();
    return this.roots;
  }

  getChildren(element?: RegionsViewNode): RegionsViewNode[] {
    if (!element) return [...this.files()];
    return element.kind === 'file' ? element.regions.map((region) => ({ ...region, uri: element.uri })) : [];
  }

  getParent(element: RegionsViewNode): RegionsViewNode | undefined {
    return element.kind === 'region' ? this.files().find((file) => file.root === element.root && file.path === element.path) : undefined;
  }

  getTreeItem(element: RegionsViewNode): vscode.TreeItem {
    return element.kind === 'file' ? fileItem(element) : regionItem(element);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private plan(): FileNode[] {
    const workspace = this.insights.workspace();
    const roots = new Set(workspace.files.map((file) => file.root));
    return planRegionTree(workspace.files, {
      loadBearingOnly: this.loadBearingOnlyFilter,
      showReviewed: viewSettings.regionsViewShowReviewed,
      multipleRepositories: roots.size > 1,
    }).map((file) => ({ ...file, uri: vscode.Uri.file(fromRepoPath(file.root, file.path)) }));
  }
}

/** The icon of a risk level (shared with the Review view). */
export function levelIcon(level: RiskLevel, reviewed = false): vscode.ThemeIcon {
  if (reviewed) return new vscode.ThemeIcon('check');
  const [icon, color] = LEVEL_ICONS[level];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

function fileItem(file: FileNode): vscode.TreeItem {
  // The riskiest files open, the rest stay one line each.
  const expanded = riskLevelRank(file.level) >= riskLevelRank('medium');
  const item = new vscode.TreeItem(file.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = file.id;
  item.description = file.description;
  item.tooltip = file.tooltip;
  item.iconPath = levelIcon(file.level);
  item.contextValue = 'aiProvenanceFile';
  item.resourceUri = file.uri;
  return item;
}

function regionItem(region: RegionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(region.label, vscode.TreeItemCollapsibleState.None);
  item.id = region.id;
  item.description = region.description;
  item.tooltip = region.tooltip;
  item.iconPath = levelIcon(region.level, region.reviewed);
  item.contextValue = region.reviewed ? 'aiProvenanceRegion.reviewed' : 'aiProvenanceRegion.unreviewed';
  item.command = { title: 'Reveal AI Region', command: 'aiProvenance.revealRegion', arguments: [{ uri: region.uri, regionId: region.regionId }] };
  return item;
}
