/** Public API of the view planners (pure: no vscode). Turns regions, classes, blast radii and settings into what the editor paints. */
export { aiLineSpan, blastFacts, isKnown, type AiLineSpan, type BlastLookup } from './blastLookup';
export { BlastMemo, type BlastQuery } from './blastMemo';
export type { AnnotationSettings } from './viewSettings';
export { classesText } from './annotationText';
export {
  EMPTY_PLAN,
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
export { commandLink } from './markdown';
export { changedDecorations, type DecorationKind, ofKind } from './decorationChanges';
export type { LineWindow } from './decorationPlan';
export { paintWindow, sameWindow } from './paintWindow';
