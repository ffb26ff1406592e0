/** Public API of src/core/index for the extension and the CLI (pure: no vscode). */
export type { BlastRadius } from './blastRadius';
export { CACHE_FILE } from './cache';
export { languageOf } from './languages';
export { RESOLUTION_CONFIG_NAMES } from './resolve/resolver';
export type { IndexStats } from './stats';
export { GitignoreRules } from './walk/gitignore';
export { pathSkipRules, type PathSkipRules } from './walk/skipRules';
export { WorkspaceIndex } from './workspaceIndex';
