/** Public API of src/core/review for the extension and the CLI (pure: no vscode). */
export { formatReviewStatus } from './formatReviewStatus';
export { detectReviewBase } from './reviewBase';
export { ReviewInputError, reviewState, type ReviewState } from './reviewState';
export { formatSignOffMarkdown } from './signOffMarkdown';
