import { compileGlob, planGlob, type GlobOptions } from './glob';

/**
 * Globs with a slash (`.github/workflows/`, `**\/charts/**\/*.yaml`) tested
 * against whole paths. Each is indexed by a literal segment the path must
 * contain - its first segment when it is rooted there (`.github`), or any
 * literal segment after a leading `**` (`charts`) - so a path only runs the
 * regular expressions of patterns that share a directory name with it.
 */
export interface AnchoredPatterns {
  /** `segments` is `path.split('/')`, when the caller already has it. */
  test(path: string, segments?: readonly string[]): boolean;
  /**
   * False when no pattern can match a file directly inside the directory
   * (`''` is the root) unless the file's name is itself one a pattern is
   * indexed by (see `keyedBy`): what a classifier caching per directory needs.
   */
  mayMatchIn(directorySegments: readonly string[]): boolean;
  /** Whether a file named `name` needs `test` whatever its directory (`atRoot`: the name is the path's first segment). */
  keyedBy(name: string, atRoot: boolean): boolean;
}

const SPECIAL = /[*?[\]{}\\]/;

export function compileAnchoredPatterns(patterns: readonly string[], options: GlobOptions = {}): AnchoredPatterns {
  const fold = (text: string): string => (options.ignoreCase ? text.toLowerCase() : text);
  const byFirstSegment = new Map<string, Array<(path: string) => boolean>>();
  const byAnySegment = new Map<string, Array<(path: string) => boolean>>();
  const always: Array<(path: string) => boolean> = [];
  for (const pattern of patterns) {
    const matches = compileGlob(pattern, options).matches;
    const segments = planGlob(pattern, options).segments;
    const literalAt = segments.findIndex((segment) => !SPECIAL.test(segment));
    if (literalAt < 0) {
      always.push(matches);
      continue;
    }
    // Rooted at its first segment, unless a leading ** lets it start anywhere.
    const index = literalAt === 0 ? byFirstSegment : segments[0] === '**' ? byAnySegment : undefined;
    if (!index) {
      always.push(matches);
      continue;
    }
    const key = fold(segments[literalAt]!);
    index.set(key, [...(index.get(key) ?? []), matches]);
  }
  if (byFirstSegment.size === 0 && byAnySegment.size === 0 && always.length === 0)
    return { test: () => false, mayMatchIn: () => false, keyedBy: () => false };

  return {
    test(path, segments = path.split('/')) {
      if (always.some((matches) => matches(path))) return true;
      if (byFirstSegment.size > 0 && byFirstSegment.get(fold(segments[0]!))?.some((matches) => matches(path))) return true;
      if (byAnySegment.size === 0) return false;
      // The last segment is a file: a directory name pattern can't be it, but
      // `**/x` also matches a file x, so all segments are looked at.
      return segments.some((segment) => byAnySegment.get(fold(segment))?.some((matches) => matches(path)) ?? false);
    },
    mayMatchIn(directorySegments) {
      if (always.length > 0) return true;
      if (directorySegments.length > 0 && byFirstSegment.has(fold(directorySegments[0]!))) return true;
      return directorySegments.some((segment) => byAnySegment.has(fold(segment)));
    },
    keyedBy(name, atRoot) {
      const folded = fold(name);
      return byAnySegment.has(folded) || (atRoot && byFirstSegment.has(folded));
    },
  };
}
