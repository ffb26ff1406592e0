import type { Classification } from '../loadBearing/classifier';
import type { AiRegion } from '../regions/region';
import { blastRadiusAnnotation, loadBearingAnnotation } from './annotationText';
import { aiLineSpan, type BlastLookup } from './blastLookup';
import type { AnnotationSettings } from './viewSettings';

/** Part of one line (0-based line, characters [start, end)). */
export interface TextSpan {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/**
 * 'warning': an unreviewed AI region in a load-bearing file (warning colours).
 * 'note': the quieter blast-radius annotation, and reviewed regions.
 */
export type AnnotationKind = 'warning' | 'note';

/** End-of-line text on a region's first AI line. */
export interface Annotation {
  readonly line: number;
  readonly text: string;
  readonly kind: AnnotationKind;
  readonly regionId: string;
}

/** Lines [first, last], 0-based, inclusive. */
export interface LineWindow {
  readonly first: number;
  readonly last: number;
}

/**
 * Everything painted in one editor; the extension turns it into decorations.
 * Line by line only inside the window (the visible lines and a margin, see
 * paintWindow.ts): a file with a thousand regions costs what its screen
 * shows. The overview ruler covers the whole file, one span per region.
 */
export interface DecorationPlan {
  /** AI-written text: faint background. */
  readonly aiText: readonly TextSpan[];
  /** Lines with the plain AI gutter bar. */
  readonly aiLines: readonly number[];
  /** Lines of unreviewed AI code in a load-bearing file: distinct gutter icon. */
  readonly loadBearingLines: readonly number[];
  readonly annotations: readonly Annotation[];
  /** Overview-ruler marks, whole file: each region's first to last AI line. */
  readonly aiRuler: readonly LineWindow[];
  /** The same for unreviewed AI code in a load-bearing file (its own colour and lane). */
  readonly loadBearingRuler: readonly LineWindow[];
}

export interface FileDecorationInput {
  readonly regions: readonly AiRegion[];
  readonly classification: Classification;
  /** Asked only for regions that show a blast radius (the lookups are memoized by the caller). */
  readonly blastOf: (region: AiRegion) => BlastLookup;
  readonly settings: AnnotationSettings;
  /** The lines painted line by line; the whole file when absent. */
  readonly window?: LineWindow;
  /** The document's length: nothing is painted past its end. */
  readonly lineCount?: number;
}

export const EMPTY_PLAN: DecorationPlan = Object.freeze({
  aiText: Object.freeze([]),
  aiLines: Object.freeze([]),
  loadBearingLines: Object.freeze([]),
  annotations: Object.freeze([]),
  aiRuler: Object.freeze([]),
  loadBearingRuler: Object.freeze([]),
});

const NON_BLANK = /\S/;

/** The AI-written, non-blank text of a region, line by line. */
export function aiTextSpans(region: AiRegion): TextSpan[] {
  const spans: TextSpan[] = [];
  forEachAiLine(region, (line, start, end) => spans.push({ line, start, end }));
  return spans;
}

/** Calls `visit` for each AI-written, non-blank line (no allocation: this runs on every repaint). */
function forEachAiLine(region: AiRegion, visit: (line: number, start: number, end: number) => void): void {
  const { lines } = region;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.human || !NON_BLANK.test(line.text)) continue;
    const start = index === 0 ? region.start.character : 0;
    visit(region.start.line + index, start, start + line.text.length);
  }
}

export function planDecorations(input: FileDecorationInput): DecorationPlan {
  const { settings, classification } = input;
  if (!settings.enabled || input.regions.length === 0) return EMPTY_PLAN;
  const loadBearing = classification.classes.length > 0;
  const lastLine = (input.lineCount ?? Infinity) - 1;
  const windowFirst = input.window?.first ?? 0;
  const windowLast = Math.min(input.window?.last ?? Infinity, lastLine);
  const aiText: TextSpan[] = [];
  const aiLines: number[] = [];
  const loadBearingLines: number[] = [];
  const aiRuler: LineWindow[] = [];
  const loadBearingRuler: LineWindow[] = [];
  const annotations = new Map<number, Annotation>();

  for (const region of input.regions) {
    const span = aiLineSpan(region);
    if (!span || span.first > lastLine) continue;
    const reviewed = region.reviewed !== undefined;
    const warn = loadBearing && settings.loadBearingWarning && !reviewed;
    const highlighted = settings.highlight && (!reviewed || settings.highlightReviewed);
    // One mark per line: the load-bearing one replaces the plain one.
    if (warn || highlighted) (warn ? loadBearingRuler : aiRuler).push({ first: span.first, last: Math.min(span.last, lastLine) });
    if (span.last < windowFirst || span.first > windowLast) continue;
    if (warn || highlighted) paintLines(region, windowFirst, windowLast, highlighted ? aiText : undefined, warn ? loadBearingLines : aiLines);
    if (span.first < windowFirst || (reviewed && !settings.annotateReviewed)) continue;
    const annotation = annotate(region, span.first, input, loadBearing);
    const existing = annotation && annotations.get(annotation.line);
    // Two regions may start on one line: the warning wins, then the first.
    if (annotation && (!existing || (existing.kind === 'note' && annotation.kind === 'warning'))) annotations.set(annotation.line, annotation);
  }
  return { aiText, aiLines, loadBearingLines, annotations: [...annotations.values()].sort((a, b) => a.line - b.line), aiRuler, loadBearingRuler };
}

/** The AI-written, non-blank lines of a region inside [first, last]: text spans (when highlighted) and gutter lines. */
function paintLines(region: AiRegion, first: number, last: number, text: TextSpan[] | undefined, gutter: number[]): void {
  const { lines } = region;
  const from = Math.max(0, first - region.start.line);
  const to = Math.min(lines.length - 1, last - region.start.line);
  for (let index = from; index <= to; index++) {
    const line = lines[index]!;
    if (line.human || !NON_BLANK.test(line.text)) continue;
    const start = index === 0 ? region.start.character : 0;
    text?.push({ line: region.start.line + index, start, end: start + line.text.length });
    gutter.push(region.start.line + index);
  }
}

function annotate(region: AiRegion, line: number, input: FileDecorationInput, loadBearing: boolean): Annotation | undefined {
  const { settings } = input;
  if (loadBearing && settings.loadBearingWarning) {
    const text = loadBearingAnnotation(region, input.classification, settings.blastRadius ? input.blastOf(region) : undefined);
    return { line, text, kind: region.reviewed ? 'note' : 'warning', regionId: region.id };
  }
  if (!settings.blastRadius) return undefined;
  const text = blastRadiusAnnotation(region, input.blastOf(region), settings.minDependents);
  return text === undefined ? undefined : { line, text, kind: 'note', regionId: region.id };
}
