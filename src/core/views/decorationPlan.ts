import type { Classification } from '../loadBearing/classifier';
import type { AiRegion } from '../regions/region';
import { blastRadiusAnnotation, loadBearingAnnotation } from './annotationText';
import type { BlastLookup } from './blastLookup';
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

/** Everything painted in one editor; the extension turns it into decorations. */
export interface DecorationPlan {
  /** AI-written text: faint background. */
  readonly aiText: readonly TextSpan[];
  /** Lines with the plain AI gutter bar. */
  readonly aiLines: readonly number[];
  /** Lines of unreviewed AI code in a load-bearing file: distinct gutter icon and overview-ruler mark. */
  readonly loadBearingLines: readonly number[];
  readonly annotations: readonly Annotation[];
}

export interface FileDecorationInput {
  readonly regions: readonly AiRegion[];
  readonly classification: Classification;
  /** Asked only for regions that show a blast radius (the lookups are memoized by the caller). */
  readonly blastOf: (region: AiRegion) => BlastLookup;
  readonly settings: AnnotationSettings;
}

export const EMPTY_PLAN: DecorationPlan = Object.freeze({
  aiText: Object.freeze([]),
  aiLines: Object.freeze([]),
  loadBearingLines: Object.freeze([]),
  annotations: Object.freeze([]),
});

/** The AI-written, non-blank text of a region, line by line. */
export function aiTextSpans(region: AiRegion): TextSpan[] {
  const spans: TextSpan[] = [];
  region.lines.forEach((line, index) => {
    if (line.human || line.text.trim() === '') return;
    const start = index === 0 ? region.start.character : 0;
    spans.push({ line: region.start.line + index, start, end: start + line.text.length });
  });
  return spans;
}

export function planDecorations(input: FileDecorationInput): DecorationPlan {
  const { settings, classification } = input;
  if (!settings.enabled || input.regions.length === 0) return EMPTY_PLAN;
  const loadBearing = classification.classes.length > 0;
  const aiText: TextSpan[] = [];
  const aiLines: number[] = [];
  const loadBearingLines: number[] = [];
  const annotations = new Map<number, Annotation>();

  for (const region of input.regions) {
    const spans = aiTextSpans(region);
    if (spans.length === 0) continue;
    const reviewed = region.reviewed !== undefined;
    const warn = loadBearing && settings.loadBearingWarning && !reviewed;
    const highlighted = settings.highlight && (!reviewed || settings.highlightReviewed);
    if (highlighted) aiText.push(...spans);
    // One gutter icon per line: the load-bearing one replaces the plain bar.
    if (warn) for (const span of spans) loadBearingLines.push(span.line);
    else if (highlighted) for (const span of spans) aiLines.push(span.line);

    if (reviewed && !settings.annotateReviewed) continue;
    const annotation = annotate(region, spans[0]!.line, input, loadBearing);
    const existing = annotations.get(annotation?.line ?? -1);
    // Two regions may start on one line: the warning wins, then the first.
    if (annotation && (!existing || (existing.kind === 'note' && annotation.kind === 'warning'))) annotations.set(annotation.line, annotation);
  }
  return { aiText, aiLines, loadBearingLines, annotations: [...annotations.values()].sort((a, b) => a.line - b.line) };
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
