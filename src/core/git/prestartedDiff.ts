import { stagedDiffArgs } from './diff';
import { parseDiff, type FileDiff, type ParseOptions } from './diffParse';
import { shellQuote } from './shellQuote';

/**
 * The commit hook's diff, started by the hook script itself: git computes
 * the staged diff while node starts (on a 1,000-file commit each takes
 * about as long as the other), instead of after. The script writes the diff
 * to a file, then one of these lines, then pipes the file into the CLI.
 */
export const PRESTARTED_DIFF_DONE = '# ai-provenance: staged diff complete';
export const PRESTARTED_DIFF_FAILED = '# ai-provenance: staged diff failed';

/** The environment variable that tells `hook run prepare-commit-msg` its stdin holds the prestarted diff. */
export const PRESTARTED_DIFF_ENV = 'AIP_STAGED_DIFF';

/**
 * Shell text that writes the staged diff to `$file_var`, ending with one of
 * the marker lines; git's errors are dropped (the CLI then runs the diff
 * itself and reports what goes wrong).
 */
export function prestartedDiffShell(fileVariable: string): string {
  const command = ['git', ...stagedDiffArgs()].map(shellQuote).join(' ');
  return `{ ${command} && echo ${shellQuote(PRESTARTED_DIFF_DONE)} || echo ${shellQuote(PRESTARTED_DIFF_FAILED)}; } >"$${fileVariable}" 2>/dev/null`;
}

/** The prestarted diff, or undefined when it is incomplete or failed (then the caller diffs itself). */
export function parsePrestartedDiff(text: string, options: ParseOptions = {}): FileDiff[] | undefined {
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  const lastLineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (text.slice(lastLineStart, end) !== PRESTARTED_DIFF_DONE) return undefined;
  return parseDiff(text.slice(0, lastLineStart), options);
}
