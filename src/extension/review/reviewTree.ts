import * as vscode from 'vscode';
import { fromRepoPath } from '../../core/git';
import { planReviewTree, type ReviewTreeFile, type ReviewTreeGroup, type ReviewTreeHunk } from '../../core/review';
import { levelIcon } from '../regionsView/regionsTreeProvider';
import type { ReviewService } from './reviewService';

/** Elements of the Review view; `uri` is the file's (hunks and files), so commands can take them as they are. */
export type ReviewNode =
  | (ReviewTreeGroup & { readonly uri?: undefined })
  | (ReviewTreeFile & { readonly uri: vscode.Uri })
  | (ReviewTreeHunk & { readonly uri: vscode.Uri })
  | { readonly kind: 'message'; readonly id: string; readonly root: string; readonly label: string; readonly tooltip: string };

/** The branch's AI code by load-bearing class and risk, one click to each hunk. */
export class ReviewTreeProvider implements vscode.TreeDataProvider<ReviewNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ReviewNode | undefined>();
  private roots: ReviewNode[] | undefined;
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly review: ReviewService) {}

  refresh(): void {
    this.roots = undefined;
    this.changeEmitter.fire(undefined);
  }

  /** The groups (or messages) shown now. */
  groups(): readonly ReviewNode[] {
    this.roots ??= this.plan();
    return this.roots;
  }

  getChildren(element?: ReviewNode): ReviewNode[] {
    if (!element) return [...this.groups()];
    if (element.kind === 'group') return element.files.map((file) => ({ ...file, uri: uriOf(file.root, file.path) }));
    if (element.kind === 'file') return element.hunks.map((hunk) => ({ ...hunk, uri: element.uri }));
    return [];
  }

  getParent(element: ReviewNode): ReviewNode | undefined {
    if (element.kind === 'file') return this.groups().find((group) => group.kind === 'group' && group.files.some((file) => file.id === element.id));
    if (element.kind === 'hunk') {
      for (const group of this.groups()) {
        if (group.kind !== 'group') continue;
        const file = group.files.find((candidate) => candidate.root === element.root && candidate.path === element.path);
        if (file) return { ...file, uri: uriOf(file.root, file.path) };
      }
    }
    return undefined;
  }

  getTreeItem(element: ReviewNode): vscode.TreeItem {
    switch (element.kind) {
      case 'message': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
        item.id = element.id;
        item.tooltip = element.tooltip;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.id;
        item.description = element.description;
        item.tooltip = element.tooltip;
        item.iconPath = element.open > 0 ? new vscode.ThemeIcon('shield') : new vscode.ThemeIcon('pass');
        item.contextValue = element.open > 0 ? 'aiProvenanceReviewGroup.open' : 'aiProvenanceReviewGroup.signedOff';
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.id;
        item.description = element.description;
        item.tooltip = element.tooltip;
        item.iconPath = levelIcon(element.level);
        item.resourceUri = element.uri;
        item.contextValue = element.open > 0 ? 'aiProvenanceReviewFile.open' : 'aiProvenanceReviewFile.signedOff';
        return item;
      }
      case 'hunk': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
        item.id = element.id;
        item.description = element.description;
        item.tooltip = element.tooltip;
        item.iconPath = element.open > 0 ? new vscode.ThemeIcon('circle-large-outline') : new vscode.ThemeIcon('pass-filled');
        item.contextValue = element.open > 0 ? 'aiProvenanceReviewHunk.open' : 'aiProvenanceReviewHunk.signedOff';
        item.command = {
          title: 'Reveal AI Code',
          command: 'aiProvenance.revealReviewHunk',
          arguments: [{ uri: element.uri, start: element.start, end: element.end }],
        };
        return item;
      }
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private plan(): ReviewNode[] {
    const reviews = this.review.all();
    const several = reviews.filter((review) => review.state || review.problem).length > 1;
    const nodes: ReviewNode[] = [];
    for (const review of reviews) {
      const { repository } = review;
      if (!review.state) {
        if (review.problem)
          nodes.push({
            kind: 'message',
            id: `${repository.root}\0message`,
            root: repository.root,
            label: several ? `${repository.name}: ${review.problem}` : review.problem,
            tooltip: review.problem,
          });
        continue;
      }
      nodes.push(...planReviewTree(repository.root, review.state, several ? { repositoryLabel: repository.name } : {}));
    }
    return nodes;
  }
}

function uriOf(root: string, path: string): vscode.Uri {
  return vscode.Uri.file(fromRepoPath(root, path));
}
