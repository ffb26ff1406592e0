import * as vscode from 'vscode';
import type { AiRegion } from '../../core/regions';
import { assessRegionRisk } from '../../core/risk';
import { aiLineSpan, blastFacts, regionHoverMarkdown } from '../../core/views';
import type { RegionInsights } from '../views/regionInsights';
import { LINK_COMMANDS, regionLinks } from '../views/regionLinks';
import { viewSettings } from '../views/viewSettings';

/**
 * The hover on an AI region's first line (where its annotation is): what
 * wrote it, why the file is load-bearing, the risk, the dependents by depth
 * and the review actions. Elsewhere in the region it stays out of the way.
 */
export class RegionHoverProvider implements vscode.HoverProvider {
  constructor(private readonly insights: RegionInsights) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!viewSettings.enabled || !viewSettings.hover) return undefined;
    const insight = this.insights.fileInsight(document.uri);
    if (!insight) return undefined;
    const settings = viewSettings.annotations;
    const showReviewed = settings.annotateReviewed || settings.highlightReviewed;
    const region = insight.regions.find((candidate) => aiLineSpan(candidate)?.first === position.line && (showReviewed || !candidate.reviewed));
    if (!region) return undefined;

    const blast = settings.blastRadius ? insight.blastOf(region) : undefined;
    const facts = blastFacts(blast);
    const risk = assessRegionRisk(
      { path: insight.path, region, loadBearing: insight.classification, ...(facts ? { blast: facts } : {}) },
      insight.riskModel,
    );
    const markdown = new vscode.MarkdownString(
      regionHoverMarkdown({
        path: insight.path,
        region,
        classification: insight.classification,
        blast,
        risk,
        links: regionLinks(insight.repository, document.uri, region.id),
      }),
      true,
    );
    markdown.isTrusted = { enabledCommands: [...LINK_COMMANDS] };
    return new vscode.Hover(markdown, lineRange(document, region));
  }
}

function lineRange(document: vscode.TextDocument, region: AiRegion): vscode.Range {
  return document.lineAt(aiLineSpan(region)?.first ?? region.start.line).range;
}
