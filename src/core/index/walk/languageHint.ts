import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageId } from '../types';

/** Root files that say which language most of a repository is in, first match wins. */
const MARKERS: readonly (readonly [file: string, language: LanguageId])[] = [
  ['tsconfig.json', 'typescript'],
  ['package.json', 'javascript'],
  ['go.mod', 'go'],
  ['pyproject.toml', 'python'],
  ['setup.py', 'python'],
];

/**
 * The language a cold build will most likely parse first, guessed from the
 * repository's root before git has listed anything, so the parse threads load
 * its grammar while git lists (ParsePool.prestart). A wrong guess costs one
 * grammar's load on a thread that would otherwise wait.
 */
export function likelyLanguages(root: string): LanguageId[] {
  const marker = MARKERS.find(([file]) => existsSync(join(root, file)));
  return marker ? [marker[1]] : [];
}
