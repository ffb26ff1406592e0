import type { Classification } from '../loadBearing/classifier';
import { classesText, dependentsText, PART_SEPARATOR } from '../views/annotationText';
import { isKnown, type BlastLookup } from '../views/blastLookup';
import type { Annotation } from '../views/decorationPlan';
import type { AnnotationSettings } from '../views/viewSettings';
import { committedBy, openLines, signerNames, type ShownHunk } from './hunkFacts';

/**
 * What is painted for committed AI code in one editor (0-based lines). It is
 * quieter than one's own uncommitted regions: no background, a dashed
 * gutter bar; but open AI lines in a load-bearing file get the same warning
 * gutter icon and end-of-line warning.
 */
export interface ReviewDecorationPlan {
  /** The branch's AI lines not yet signed off: the dashed bar. */
  readonly committedLines: readonly number[];
  /** Open AI lines in a load-bearing file: the load-bearing gutter icon. */
  readonly loadBearingLines: readonly number[];
  /** Signed-off lines (shown with decorations.showReviewed) and, in whole-file mode, AI lines of the base's history: a fainter bar. */
  readonly quietLines: readonly number[];
  readonly annotations: readonly Annotation[];
}

export const EMPTY_REVIEW_PLAN: ReviewDecorationPlan = Object.freeze({
  committedLines: Object.freeze([]),
  loadBearingLines: Object.freeze([]),
  quietLines: Object.freeze([]),
  annotations: Object.freeze([]),
});

export interface ReviewDecorationInput {
  readonly hunks: readonly ShownHunk[];
  readonly classification: Classification;
  /** Asked only for hunks that show a blast radius. */
  readonly blastOf: (shown: ShownHunk) => BlastLookup;
  readonly settings: AnnotationSettings;
  /** 0-based lines one's own AI regions already paint: left to them. */
  readonly ownLines: ReadonlySet<number>;
  readonly lineCount: number;
}

export function hunkKey(shown: ShownHunk): string {
  return `${shown.hunk.commit.sha}:${shown.hunk.origPath}:${shown.hunk.origLines[0]}`;
}

export function planReviewDecorations(input: ReviewDecorationInput): ReviewDecorationPlan {
  const { settings } = input;
  if (!settings.enabled || input.hunks.length === 0) return EMPTY_REVIEW_PLAN;
  const loadBearing = input.classification.classes.length > 0;
  const committedLines: number[] = [];
  const loadBearingLines: number[] = [];
  const quietLines: number[] = [];
  const annotations: Annotation[] = [];
  const shown = (line: number) => line < input.lineCount && !input.ownLines.has(line);
  for (const entry of input.hunks) {
    if (entry.kind === 'base') {
      if (settings.highlight) for (let line = entry.hunk.start - 1; line < entry.hunk.end; line++) if (shown(line)) quietLines.push(line);
      continue;
    }
    const { hunk } = entry;
    const open = new Set(openLines(hunk).map((line) => line - 1));
    const warn = loadBearing && settings.loadBearingWarning && open.size > 0;
    for (let line = hunk.start - 1; line < hunk.end; line++) {
      if (!shown(line)) continue;
      if (!open.has(line)) {
        if (settings.highlight && settings.highlightReviewed) quietLines.push(line);
      } else if (warn) loadBearingLines.push(line);
      else if (settings.highlight) committedLines.push(line);
    }
    const first = open.size > 0 ? Math.min(...open) : hunk.start - 1;
    if (!shown(first)) continue;
    const annotation = annotate(entry, first, open.size === 0, input, loadBearing);
    if (annotation) annotations.push(annotation);
  }
  return { committedLines, loadBearingLines, quietLines, annotations: annotations.sort((a, b) => a.line - b.line) };
}

function annotate(
  entry: ShownHunk & { kind: 'branch' },
  line: number,
  signedOff: boolean,
  input: ReviewDecorationInput,
  loadBearing: boolean,
): Annotation | undefined {
  const { settings } = input;
  if (signedOff && !settings.annotateReviewed) return undefined;
  const lead = `AI-generated ${committedBy(entry.hunk)}${signedOff ? `, signed off by ${signerNames(entry.hunk)}` : ''}`;
  const regionId = hunkKey(entry);
  if (loadBearing && settings.loadBearingWarning) {
    const dependents = settings.blastRadius ? dependentsText(input.blastOf(entry)) : undefined;
    const text = [lead, classesText(input.classification), dependents].filter((part) => part !== undefined && part !== '').join(PART_SEPARATOR);
    return { line, text, kind: signedOff ? 'note' : 'warning', regionId };
  }
  if (!settings.blastRadius) return undefined;
  const blast = input.blastOf(entry);
  if (blast === 'unavailable' || (isKnown(blast) && blast.files < settings.minDependents)) return undefined;
  return { line, text: [lead, dependentsText(blast)].join(PART_SEPARATOR), kind: 'note', regionId };
}
