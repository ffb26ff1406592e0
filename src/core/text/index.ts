/** Public API of src/core/text for the extension and the CLI (pure: no vscode). */
export { describeUnreadable, readTextFile } from './fileText';
export { normalizeLineEnds, splitLines } from './lines';
export { plural } from './plural';
