import type { Dependent } from '../index/blastRadius';
import type { Classification } from '../loadBearing/classifier';
import { aiLineCount, type AiRegion } from '../regions/region';
import { plural } from '../text/plural';
import type { RegionRisk } from '../risk/regionRisk';
import { dependentsText } from './annotationText';
import type { BlastLookup } from './blastLookup';
import { escapeMarkdown, link } from './markdown';

/** Link targets the hover needs (command URIs: the planner does not know how the editor opens files). */
export interface RegionHoverLinks {
  openFile(path: string): string;
  readonly markReviewed: string;
  readonly markUnreviewed: string;
  readonly unmark: string;
}

export interface RegionHoverInput {
  readonly path: string;
  readonly region: AiRegion;
  readonly classification: Classification;
  /** Undefined when blast radii are switched off. */
  readonly blast: BlastLookup | undefined;
  readonly risk: RegionRisk;
  readonly links: RegionHoverLinks;
  /** Dependents listed before "…and N more" (default 20). */
  readonly maxDependents?: number;
}

const DEFAULT_MAX_DEPENDENTS = 20;

/**
 * The hover of an AI region, as Markdown with theme icons: what wrote it,
 * why the file is load-bearing, the risk, the dependents grouped by depth
 * (load-bearing first, each a link that opens the file), and the actions.
 */
export function regionHoverMarkdown(input: RegionHoverInput): string {
  return [header(input.region), loadBearingSection(input.classification), riskLine(input.risk), ...blastSection(input), actions(input)]
    .filter((section) => section !== '')
    .join('\n\n');
}

function header(region: AiRegion): string {
  const origin = [region.source, region.tool, region.model].filter((part): part is string => !!part).map(escapeMarkdown);
  const state = region.reviewed ? `reviewed by ${escapeMarkdown(region.reviewed.by)}` : 'unreviewed';
  return [`**AI-generated**`, ...origin, plural(aiLineCount(region), 'AI line'), state].join(' · ');
}

/** Why the file is load-bearing, one line per class (shared with the committed-code hover). */
export function loadBearingSection(classification: Classification): string {
  if (classification.classes.length === 0) return '';
  const classes = classification.classes.map((match) => {
    const name = match.reason === 'structure' ? 'load-bearing by structure' : `**${escapeMarkdown(match.name)}**`;
    return `- ${name} (${match.severity}): ${escapeMarkdown(match.detail)}`;
  });
  return [`$(warning) **Load-bearing file**`, ...classes].join('\n');
}

export function riskLine(risk: RegionRisk): string {
  // The explanation starts with its level ("high: 15 unreviewed AI lines ...").
  const reason = risk.explanation.replace(/^[a-z]+: /, '');
  return `**Risk: ${risk.level}** · ${escapeMarkdown(reason)}`;
}

/** The dependents by depth, each a link; none without an index. */
export function blastSection(
  input: Pick<RegionHoverInput, 'blast' | 'maxDependents'> & { readonly links: Pick<RegionHoverLinks, 'openFile'> },
): string[] {
  const { blast } = input;
  if (blast === undefined || blast === 'unavailable') return [];
  if (blast === 'pending') return ['**Blast radius:** indexing…'];
  if (blast.files === 0) return [`**Blast radius:** ${dependentsText(blast)}`];
  const from = blast.symbols.length > 0 ? ` · from ${blast.symbols.map((symbol) => `\`${symbol.replace(/`/g, '')}\``).join(', ')}` : '';
  const loadBearing = blast.loadBearing.length > 0 ? `, ${blast.loadBearing.length} load-bearing` : '';
  const sections = [`**Blast radius:** ${plural(blast.files, 'dependent file')}${loadBearing}${from}`];
  let budget = input.maxDependents ?? DEFAULT_MAX_DEPENDENTS;
  for (const [depth, dependents] of byDepth(blast.dependents)) {
    if (budget <= 0) break;
    const shown = dependents.slice(0, budget);
    budget -= shown.length;
    const title = depth === 1 ? '*Depth 1 (direct)*' : `*Depth ${depth}*`;
    sections.push([title, ...shown.map((dependent) => dependentItem(dependent, input.links))].join('\n'));
  }
  const listed = Math.min(blast.dependents.length, input.maxDependents ?? DEFAULT_MAX_DEPENDENTS);
  if (blast.dependents.length > listed) sections.push(`*…and ${plural(blast.dependents.length - listed, 'more dependent file')}*`);
  return sections;
}

/** Depth groups in order; in each, load-bearing files first, tests last. */
function byDepth(dependents: readonly Dependent[]): Array<[number, Dependent[]]> {
  const groups = new Map<number, Dependent[]>();
  for (const dependent of dependents) {
    const group = groups.get(dependent.depth);
    if (group) group.push(dependent);
    else groups.set(dependent.depth, [dependent]);
  }
  const rank = (dependent: Dependent) => (dependent.loadBearing.length > 0 ? 0 : dependent.test ? 2 : 1);
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([depth, group]) => [depth, group.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path))]);
}

function dependentItem(dependent: Dependent, links: Pick<RegionHoverLinks, 'openFile'>): string {
  const icon = dependent.loadBearing.length > 0 ? '$(warning) ' : '';
  const classes = dependent.loadBearing.length > 0 ? ` · ${escapeMarkdown(dependent.loadBearing.join(', '))}` : '';
  const test = dependent.test ? ' · test' : '';
  // `via` starts at the changed code; past depth 1 the files in between say how it is reached.
  const via = dependent.via.length > 1 ? `via ${dependent.via.slice(1).join(' → ')}` : undefined;
  return `- ${icon}${link(escapeMarkdown(dependent.path), links.openFile(dependent.path), via)}${classes}${test}`;
}

function actions(input: RegionHoverInput): string {
  const { links, region } = input;
  const review = region.reviewed ? link('$(circle-slash) Mark unreviewed', links.markUnreviewed) : link('$(check) Mark reviewed', links.markReviewed);
  return `${review} · ${link('$(close) Unmark as AI', links.unmark)}`;
}
