/** Public API of the load-bearing classification (pure: no vscode). */
export { LoadBearingClassifier, type ClassMatch, type ClassReason, type Classification, type ClassifierOptions } from './classifier';
export {
  CLASS_NAME_PATTERN,
  CLASS_OVERRIDE_KEYS,
  STRUCTURE_CLASS,
  type ClassOverride,
  type LoadBearingClass,
} from './classDefinition';
export { parseCodeowners, type Codeowners, type CodeownersRule } from './codeowners';
export { CODEOWNERS_LOCATIONS, readCodeowners, type CodeownersSource } from './codeownersFile';
export { DEFAULT_CLASSES, DEFAULT_EXCLUDE } from './defaultClasses';
export { compileGlob, type GlobMatcher, type GlobOptions } from './glob';
export { compileGlobSet, type GlobSet } from './globSet';
export {
  DEFAULT_FAN_IN,
  DEFAULT_LOAD_BEARING_CONFIG,
  type CodeownersConfig,
  type FanInConfig,
  type LoadBearingConfig,
  type UserLoadBearingSettings,
} from './loadBearingConfig';
export { mergeClassSources } from './mergeClassSources';
export { normalizeRepoPath } from './pathTokens';
export { SEVERITIES, isSeverity, maxSeverity, severityRank, type FileSeverity, type Severity } from './severity';
export { structuralLoadBearing, structuralThreshold, type FanInThresholdOptions } from './structural';
