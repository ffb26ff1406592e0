/** Public API of src/core/review for the extension and the CLI (pure: no vscode). */
export { formatReviewStatus } from './formatReviewStatus';
export { detectReviewBase } from './reviewBase';
export { ReviewInputError, reviewState, type ReviewState } from './reviewState';
export { formatSignOffMarkdown } from './signOffMarkdown';
export { committedAiHunks, type CommittedAiHunk } from './committedAiLines';
export { branchesByDate, commonGitDir, currentBranch } from './gitRefs';
export { openLines, type ShownHunk } from './hunkFacts';
export { hunkHoverMarkdown } from './hunkHover';
export { NoteCache } from './noteCache';
export type { ReviewBase } from './reviewBase';
export { EMPTY_REVIEW_PLAN, hunkKey, planReviewDecorations, type ReviewDecorationPlan } from './reviewDecorationPlan';
export type { ReviewFile } from './reviewState';
export { planReviewTree, type ReviewTreeFile, type ReviewTreeGroup, type ReviewTreeHunk } from './reviewTreePlan';
