import * as vscode from 'vscode';
import { hunkHoverMarkdown, openLines, type ShownHunk } from '../../core/review';
import { assessRisk, DEFAULT_RISK_MODEL } from '../../core/risk';
import { blastFacts, commandLink } from '../../core/views';
import type { LoadBearingService } from '../loadBearing/loadBearingService';
import { openFileLink } from '../views/regionLinks';
import { viewSettings } from '../views/viewSettings';
import type { ReviewDecorations } from './reviewDecorations';
import type { ReviewService } from './reviewService';

/** Commands the committed-code hover may run from its links. */
export const REVIEW_LINK_COMMANDS = ['aiProvenance.openFile', 'aiProvenance.signOffAiCode', 'aiProvenance.showReviewView'] as const;

/**
 * The hover on committed AI code, on a hunk's first line and on the line of
 * its annotation: origin, commit and author, sign-off state and who may
 * sign, load-bearing classes, risk, dependents, and the sign-off links.
 */
export class ReviewHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly review: ReviewService,
    private readonly decorations: ReviewDecorations,
    private readonly loadBearing: LoadBearingService,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!viewSettings.enabled || !viewSettings.hover) return undefined;
    const fileReview = this.review.fileReview(document.uri);
    if (!fileReview) return undefined;
    const line = position.line + 1;
    const shown = fileReview.hunks.find((candidate) => anchorLines(candidate).includes(line));
    if (!shown) return undefined;
    const { repository } = fileReview.review;
    const classification = fileReview.file?.classification ?? this.loadBearing.classification(repository, fileReview.path);
    const settings = viewSettings.annotations;
    const blast = settings.blastRadius ? this.decorations.blastOf(repository, fileReview.path, shown) : undefined;
    const facts = blastFacts(blast);
    const open = shown.kind === 'branch' ? openLines(shown.hunk).length : shown.hunk.end - shown.hunk.start + 1;
    const risk = assessRisk(
      { path: fileReview.path, unreviewedAiLines: open, loadBearing: classification, ...(facts ? { blast: facts } : {}) },
      this.loadBearing.riskModel(repository) ?? DEFAULT_RISK_MODEL,
    );
    const uri = document.uri.toString();
    const markdown = new vscode.MarkdownString(
      hunkHoverMarkdown({
        shown,
        ...(fileReview.file ? { file: fileReview.file } : {}),
        classification,
        blast,
        risk,
        links: {
          openFile: (path) => openFileLink(repository, path),
          ...(shown.kind === 'branch'
            ? {
                signOffHunk: commandLink('aiProvenance.signOffAiCode', { uri, lines: [shown.hunk.start, shown.hunk.end] }),
                signOffFile: commandLink('aiProvenance.signOffAiCode', { uri }),
              }
            : {}),
          showReview: commandLink('aiProvenance.showReviewView'),
        },
      }),
      true,
    );
    markdown.isTrusted = { enabledCommands: [...REVIEW_LINK_COMMANDS] };
    return new vscode.Hover(markdown, document.lineAt(position.line).range);
  }
}

/** 1-based lines where a hunk's hover appears: its first line, and its first open line (where the annotation is). */
function anchorLines(shown: ShownHunk): number[] {
  const lines = [shown.hunk.start];
  if (shown.kind === 'branch') {
    const open = openLines(shown.hunk);
    if (open.length > 0) lines.push(open[0]!);
  }
  return lines;
}
