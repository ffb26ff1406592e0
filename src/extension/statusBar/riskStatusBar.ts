import * as vscode from 'vscode';
import { fromRepoPath } from '../../core/git';
import type { FileRisk } from '../../core/risk';
import { commandLink, planStatusMeter, type StatusMeter, type WorkspaceRisk } from '../../core/views';
import { editSources } from '../capture/editSources';
import type { RegionInsights } from '../views/regionInsights';
import { LINK_COMMANDS } from '../views/regionLinks';
import { affectsViews, viewSettings } from '../views/viewSettings';

/** What the status bar shows, for tests. */
export interface StatusBarSnapshot {
  readonly visible: boolean;
  readonly text: string;
  /** The tooltip's Markdown source. */
  readonly tooltip: string;
  /** 'statusBarItem.warningBackground', 'statusBarItem.errorBackground' or undefined. */
  readonly backgroundColor: string | undefined;
  /** What a click runs. */
  readonly command: string;
}

const CLICK_COMMAND = 'aiProvenance.showRegionsView';
const BACKGROUNDS = { warning: 'statusBarItem.warningBackground', error: 'statusBarItem.errorBackground' } as const;

/**
 * The workspace's AI risk at a glance: "$(warning) AI risk: high (3)" with
 * the theme's warning or error background when it is high enough, a tooltip
 * with the breakdown, and a click that opens the regions view. Hidden while
 * no AI code is tracked.
 */
export class RiskStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[];
  private shown: StatusBarSnapshot = { visible: false, text: '', tooltip: '', backgroundColor: undefined, command: CLICK_COMMAND };

  constructor(private readonly insights: RegionInsights) {
    this.item = vscode.window.createStatusBarItem('aiProvenance.risk', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'AI Provenance: Risk';
    this.item.command = CLICK_COMMAND;
    this.disposables = [
      this.item,
      insights.onDidChangeWorkspace(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsViews(event)) this.refresh();
      }),
    ];
    this.refresh();
  }

  snapshot(): StatusBarSnapshot {
    return this.shown;
  }

  refresh(): void {
    if (!viewSettings.enabled || !viewSettings.statusBar) {
      this.item.hide();
      this.shown = { ...this.shown, visible: false };
      return;
    }
    const workspace = this.insights.workspace();
    const meter = planStatusMeter(workspace.summary, {
      regions: workspace.regions,
      highlightFrom: viewSettings.statusBarHighlightFrom,
      indexing: workspace.indexing,
      openFile: (file) => openLink(workspace, file),
      openView: commandLink(CLICK_COMMAND),
      // Whether capture knows edit sources or infers them: the first question when a mark looks wrong.
      captureNote: editSources.describe(),
    });
    this.show(meter);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private show(meter: StatusMeter): void {
    const tooltip = new vscode.MarkdownString(meter.tooltip, true);
    tooltip.isTrusted = { enabledCommands: [...LINK_COMMANDS] };
    const backgroundColor = meter.background ? BACKGROUNDS[meter.background] : undefined;
    this.item.text = meter.text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: meter.accessibilityLabel, role: 'button' };
    this.item.backgroundColor = backgroundColor ? new vscode.ThemeColor(backgroundColor) : undefined;
    if (meter.visible) this.item.show();
    else this.item.hide();
    this.shown = { visible: meter.visible, text: meter.text, tooltip: meter.tooltip, backgroundColor, command: CLICK_COMMAND };
  }
}

/** The assessed file behind a summary's entry: the summary lists the same FileRisk objects. */
function openLink(workspace: WorkspaceRisk, file: FileRisk): string {
  const match = workspace.files.find((candidate) => candidate.risk === file);
  if (!match) return commandLink(CLICK_COMMAND);
  return commandLink('aiProvenance.openFile', vscode.Uri.file(fromRepoPath(match.root, match.path)).toString());
}
