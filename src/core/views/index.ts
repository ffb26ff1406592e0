/** Public API of the view planners (pure: no vscode). Turns regions, classes, blast radii and settings into what the editor paints. */
export { aiLineSpan, blastFacts, isKnown, type AiLineSpan, type BlastLookup } from './blastLookup';
export { BlastMemo, type BlastQuery } from './blastMemo';
export { DEFAULT_ANNOTATION_SETTINGS, type AnnotationSettings } from './viewSettings';
export { INDEXING_TEXT, blastRadiusAnnotation, classesText, dependentsText, loadBearingAnnotation } from './annotationText';
export {
  EMPTY_PLAN,
  aiTextSpans,
  planDecorations,
  type Annotation,
  type AnnotationKind,
  type DecorationPlan,
  type FileDecorationInput,
  type TextSpan,
} from './decorationPlan';
export { regionHoverMarkdown, type RegionHoverInput, type RegionHoverLinks } from './regionHover';
export { planStatusMeter, type StatusMeter, type StatusMeterOptions } from './statusMeter';
export { planRegionTree, type RegionTreeFile, type RegionTreeOptions, type RegionTreeRegion } from './regionTree';
export { planDiagnostics, type RegionDiagnostic } from './diagnosticPlan';
export {
  assessWorkspace,
  type AssessedFile,
  type AssessedRegion,
  type FileRiskInput,
  type RepositoryRiskInput,
  type WorkspaceRisk,
} from './workspaceRisk';
export { commandLink, escapeMarkdown, link } from './markdown';
