import { plural } from '../text/plural';
import type { FileRisk } from '../risk/fileRisk';
import { RISK_LEVELS, riskLevelRank, type RiskLevel } from '../risk/riskLevel';
import type { RiskSummary } from '../risk/summarizeRisk';
import { escapeMarkdown, link } from './markdown';

/** The status bar item: what to show and how loud. */
export interface StatusMeter {
  /** False when there is nothing to say (no AI regions at all). */
  readonly visible: boolean;
  /** "$(warning) AI risk: high (3)". */
  readonly text: string;
  /** Markdown (theme icons on). */
  readonly tooltip: string;
  /** A theme background for the item: the status bar supports only these two. */
  readonly background: 'warning' | 'error' | undefined;
  /** For screen readers: the text without icons. */
  readonly accessibilityLabel: string;
}

export interface StatusMeterOptions {
  /** AI regions tracked in the workspace, reviewed ones included. */
  readonly regions: number;
  /** Levels from here up get the warning background (critical: the error background). */
  readonly highlightFrom: RiskLevel;
  /** Some blast radius is still being computed: the level may rise. */
  readonly indexing: boolean;
  /** Link target that opens one of the riskiest files. */
  openFile(file: FileRisk): string;
  /** Link target that opens the regions view. */
  readonly openView: string;
  /** How capture knows where edits come from (exact or inferred), shown above the footer. */
  readonly captureNote?: string;
}

const ICONS: Readonly<Record<RiskLevel, string>> = {
  none: '$(pass)',
  low: '$(shield)',
  medium: '$(shield)',
  high: '$(warning)',
  critical: '$(error)',
};

export function planStatusMeter(summary: RiskSummary, options: StatusMeterOptions): StatusMeter {
  const text = `${ICONS[summary.level]} ${summary.label}`;
  return {
    visible: options.regions > 0,
    text,
    tooltip: tooltip(summary, options),
    background: background(summary.level, options.highlightFrom),
    accessibilityLabel: summary.label,
  };
}

function background(level: RiskLevel, highlightFrom: RiskLevel): StatusMeter['background'] {
  if (level === 'none' || riskLevelRank(level) < riskLevelRank(highlightFrom)) return undefined;
  return level === 'critical' ? 'error' : 'warning';
}

function tooltip(summary: RiskSummary, options: StatusMeterOptions): string {
  const sections = [`**${summary.label}** · ${escapeMarkdown(summary.explanation)}`];
  const levels = [...RISK_LEVELS].reverse().filter((level) => level !== 'none' && summary.breakdown[level] > 0);
  if (levels.length > 0) {
    sections.push(
      ['| Risk | Files |', '| :-- | --: |', ...levels.map((level) => `| ${ICONS[level]} ${level} | ${summary.breakdown[level]} |`)].join('\n'),
    );
  }
  if (summary.top.length > 0) sections.push(['Riskiest files:', ...summary.top.map((file) => topFile(file, options))].join('\n'));
  if (options.indexing) sections.push('*Blast radius: indexing… (the level may still rise)*');
  if (options.captureNote) sections.push(`*${escapeMarkdown(options.captureNote)}*`);
  sections.push(`${plural(options.regions, 'AI region')} tracked · ${link('Open the AI Regions view', options.openView)}`);
  return sections.join('\n\n');
}

function topFile(file: FileRisk, options: StatusMeterOptions): string {
  const classes = file.classes.length > 0 ? ` · ${escapeMarkdown(file.classes.join(', '))}` : '';
  return `- ${ICONS[file.level]} ${link(escapeMarkdown(file.path), options.openFile(file))} · ${file.level} · ${plural(file.unreviewedAiLines, 'unreviewed AI line')}${classes}`;
}
