/** Public API of the load-bearing classification (pure: no vscode). */
export { LoadBearingClassifier, type ClassMatch, type ClassReason, type Classification, type ClassifierOptions } from './classifier';
export type { ClassOverride, LoadBearingClass } from './classDefinition';
export { parseCodeowners, type Codeowners, type CodeownersRule } from './codeowners';
export { CODEOWNERS_LOCATIONS, type CodeownersSource } from './codeownersFile';
export { compileGlob, type GlobMatcher, type GlobOptions } from './glob';
export type { GlobSet } from './globSet';
export type { CodeownersConfig, FanInConfig, LoadBearingConfig, UserLoadBearingSettings } from './loadBearingConfig';
export { severityRank, type FileSeverity, type Severity } from './severity';
export type { FanInThresholdOptions } from './structural';
