import { compileGlobs } from './walk/glob';

/** Test files by the conventions of the languages we index. */
const TEST_FILE = /(?:\.(?:test|spec)\.[^/]+$|_test\.go$|(?:^|\/)test_[^/]*\.py$|_test\.py$|(?:^|\/)conftest\.py$)/;
const TEST_DIRECTORY = /(?:^|\/)(?:test|tests|__tests__|__mocks__|spec|e2e)\//;

export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path) || TEST_DIRECTORY.test(path);
}

/** Returns the load-bearing classes of a repo-relative path; empty when it is not load-bearing. */
export type LoadBearingClassifier = (repoRelativePath: string) => string[];

/**
 * A small built-in classification until the project's own load-bearing
 * classes are passed in: path segments that usually mean "breaks production
 * or security when wrong".
 */
const DEFAULT_CLASSES: Record<string, readonly string[]> = {
  auth: ['**/auth/**', '**/*auth*.*', '**/login/**', '**/session/**', '**/*session*.*', '**/oauth/**', '**/permissions/**', '**/acl/**'],
  payments: ['**/payment*/**', '**/*payment*.*', '**/billing/**', '**/*billing*.*', '**/checkout/**', '**/invoice*/**', '**/stripe/**'],
  security: ['**/security/**', '**/crypto/**', '**/*crypto*.*', '**/secrets/**', '**/*secret*.*'],
  data: ['**/migrations/**', '**/migrate/**', '**/schema/**', '**/*.sql'],
  infra: ['**/infra/**', '**/deploy/**', '**/terraform/**', '**/k8s/**', '**/helm/**', '.github/workflows/**', '**/Dockerfile'],
};

export function defaultLoadBearingClassifier(): LoadBearingClassifier {
  const matchers = Object.entries(DEFAULT_CLASSES).map(([name, globs]) => [name, compileGlobs(globs)] as const);
  return (path) => matchers.filter(([, matches]) => matches(path.toLowerCase())).map(([name]) => name);
}
