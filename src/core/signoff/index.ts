/** Public API of src/core/signoff for the extension and the CLI (pure: no vscode). */
export { prepareSignOff, recordSignOff, SignOffError } from './createSignOff';
export { signOffRules } from './rules';
export { SIGNOFFS_REF } from './schema';
export { listSignOffs } from './signOffNotes';
export type { SignOffRequest } from './createSignOff';
export type { SignOff } from './schema';
