import type { SkipReason } from '../types';
import { compileGlobs } from './glob';

/** Path-based skip rules, checked before a file is read. Content checks live in fileChecks.ts. */

/** Directories of third-party code: never the workspace's own. */
const VENDORED_DIRECTORIES = new Set([
  'node_modules',
  'vendor',
  'third_party',
  'third-party',
  'bower_components',
  'jspm_packages',
  '.yarn',
  '.pnpm-store',
  'site-packages',
  '.venv',
  'venv',
  '__pycache__',
  '.git',
]);

const MINIFIED_NAME = /[.-]min\.(?:js|mjs|cjs)$|\.bundle\.js$/;

export interface PathSkipRules {
  readonly reasonFor: (path: string) => SkipReason | undefined;
  /** Whether the walker may skip a whole directory. */
  readonly skipsDirectory: (path: string) => boolean;
}

export function pathSkipRules(exclude: readonly string[]): PathSkipRules {
  const excluded = compileGlobs(exclude);
  const vendored = (path: string) => path.split('/').some((segment) => VENDORED_DIRECTORIES.has(segment));
  return {
    reasonFor(path) {
      if (excluded(path)) return 'excluded';
      if (vendored(path)) return 'vendored';
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (MINIFIED_NAME.test(name)) return 'minified';
      return undefined;
    },
    skipsDirectory(path) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      return VENDORED_DIRECTORIES.has(name) || excluded(path);
    },
  };
}
