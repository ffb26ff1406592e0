import * as vscode from 'vscode';
import { isAiRiskLevel, type AiRiskLevel } from '../../core/risk';
import type { AnnotationSettings } from '../../core/views';

/** The `aiProvenance.*` settings of what the editor shows; read fresh each time (cheap). */
export const viewSettings = {
  get annotations(): AnnotationSettings {
    const section = config();
    return {
      enabled: section.get<boolean>('enabled', true),
      highlight: section.get<boolean>('decorations.enabled', true),
      highlightReviewed: section.get<boolean>('decorations.showReviewed', false),
      loadBearingWarning: section.get<boolean>('annotations.loadBearingWarning', true),
      blastRadius: section.get<boolean>('annotations.blastRadius', true),
      annotateReviewed: section.get<boolean>('annotations.showReviewed', false),
      minDependents: Math.max(0, finite(section.get<number>('annotations.minDependents', 1), 1)),
    };
  },
  get enabled(): boolean {
    return config().get<boolean>('enabled', true);
  },
  get hover(): boolean {
    return config().get<boolean>('hover.enabled', true);
  },
  get codeLens(): boolean {
    return config().get<boolean>('codeLens.enabled', true);
  },
  get diagnostics(): boolean {
    return config().get<boolean>('diagnostics.enabled', false);
  },
  get statusBar(): boolean {
    return config().get<boolean>('statusBar.enabled', true);
  },
  /** From which level the risk meter gets a warning background (critical always gets the error one). */
  get statusBarHighlightFrom(): AiRiskLevel {
    const value = config().get<string>('statusBar.highlightFrom', 'high');
    return isAiRiskLevel(value) ? value : 'high';
  },
  get regionsViewShowReviewed(): boolean {
    return config().get<boolean>('regionsView.showReviewed', false);
  },
};

/** True when the change touches a setting the views read. */
export function affectsViews(event: vscode.ConfigurationChangeEvent): boolean {
  return ['enabled', 'decorations', 'annotations', 'hover', 'codeLens', 'diagnostics', 'statusBar', 'regionsView'].some((key) =>
    event.affectsConfiguration(`aiProvenance.${key}`),
  );
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('aiProvenance');
}

function finite(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
