/** Public API of the project configuration (pure apart from reading the file; no vscode). */
export { commitSource, type ConfigSource } from './configSource';
export { loadClassifier, type LoadedClassifier } from './loadClassifier';
export { parseProjectConfig, type ProjectConfigResult } from './parseProjectConfig';
export { DEFAULT_PROJECT_CONFIG, PROJECT_CONFIG_FILE, type ProjectConfig } from './projectConfig';
export { DEFAULT_POLICY, type ClassPolicy, type PolicyConfig } from './policy';
export type { SignOffPolicyConfig } from './signOffPolicy';
export { USER_SETTING, parseUserLoadBearingSettings } from './userSettings';
