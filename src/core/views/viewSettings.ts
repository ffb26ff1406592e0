/**
 * What the editor shows, from the `aiProvenance.*` settings (read by the
 * extension, see src/extension/views/viewSettings.ts). Kept here so the
 * planners can be tested and benchmarked without an editor.
 */
export interface AnnotationSettings {
  /** `aiProvenance.enabled`: the master switch of everything shown in the editor. */
  readonly enabled: boolean;
  /** `decorations.enabled`: faint background and gutter bar on AI text. */
  readonly highlight: boolean;
  /** `decorations.showReviewed`: keep highlighting reviewed regions. */
  readonly highlightReviewed: boolean;
  /** `annotations.loadBearingWarning`: end-of-line warning, gutter icon and ruler mark in load-bearing files. */
  readonly loadBearingWarning: boolean;
  /** `annotations.blastRadius`: the dependents count of AI regions. */
  readonly blastRadius: boolean;
  /** `annotations.showReviewed`: keep annotating reviewed regions. */
  readonly annotateReviewed: boolean;
  /** `annotations.minDependents`: outside load-bearing files, annotate from this many dependents. */
  readonly minDependents: number;
}

export const DEFAULT_ANNOTATION_SETTINGS: AnnotationSettings = Object.freeze({
  enabled: true,
  highlight: true,
  highlightReviewed: false,
  loadBearingWarning: true,
  blastRadius: true,
  annotateReviewed: false,
  minDependents: 1,
});
