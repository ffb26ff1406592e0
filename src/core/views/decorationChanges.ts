import type { Annotation, DecorationPlan, LineWindow, TextSpan } from './decorationPlan';

/** The decoration types an editor shows; each is set (and sent to the editor) as a whole. */
export type DecorationKind = 'aiText' | 'aiGutter' | 'loadBearingGutter' | 'aiRuler' | 'loadBearingRuler' | 'warningAnnotation' | 'noteAnnotation';

export const DECORATION_KINDS: readonly DecorationKind[] = [
  'aiText',
  'aiGutter',
  'loadBearingGutter',
  'aiRuler',
  'loadBearingRuler',
  'warningAnnotation',
  'noteAnnotation',
];

/**
 * The decoration types whose ranges differ between what an editor shows and
 * the next plan: only those are set again (setting one sends all its ranges
 * to the editor and makes it re-render them). Everything when nothing was
 * painted yet.
 */
export function changedDecorations(painted: DecorationPlan | undefined, next: DecorationPlan): DecorationKind[] {
  if (!painted) return [...DECORATION_KINDS];
  const changed: DecorationKind[] = [];
  if (!sameList(painted.aiText, next.aiText, sameSpan)) changed.push('aiText');
  if (!sameList(painted.aiLines, next.aiLines, Object.is)) changed.push('aiGutter');
  if (!sameList(painted.loadBearingLines, next.loadBearingLines, Object.is)) changed.push('loadBearingGutter');
  if (!sameList(painted.aiRuler, next.aiRuler, sameLines)) changed.push('aiRuler');
  if (!sameList(painted.loadBearingRuler, next.loadBearingRuler, sameLines)) changed.push('loadBearingRuler');
  for (const kind of ['warning', 'note'] as const) {
    if (!sameList(ofKind(painted.annotations, kind), ofKind(next.annotations, kind), sameAnnotation)) changed.push(`${kind}Annotation`);
  }
  return changed;
}

export function ofKind(annotations: readonly Annotation[], kind: Annotation['kind']): Annotation[] {
  return annotations.filter((annotation) => annotation.kind === kind);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

function sameSpan(a: TextSpan, b: TextSpan): boolean {
  return a.line === b.line && a.start === b.start && a.end === b.end;
}

function sameLines(a: LineWindow, b: LineWindow): boolean {
  return a.first === b.first && a.last === b.last;
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a.line === b.line && a.text === b.text;
}
