import { compileAnchoredPatterns } from './anchoredPatterns';
import { compileGlob, planGlob, type GlobOptions } from './glob';
import { compileSegmentPatterns } from './segmentPatterns';

/**
 * Several globs tested as one, fast enough to run on every file of a large
 * workspace:
 *
 * - Patterns without a slash (`*.tf`, `Dockerfile.*`, `tests/`) match when
 *   one path segment matches them, so they are tested per segment, and
 *   segments (mostly directory names, shared by many files) are cached.
 * - Anchored patterns (`/build/`, `.github/workflows/`) are tested on the
 *   whole path, only when it has a directory name they need (see
 *   anchoredPatterns.ts).
 *
 * The individual patterns are consulted only to name the one that matched.
 */
export interface GlobSet {
  readonly patterns: readonly string[];
  matches(path: string): boolean;
  /** The first pattern, in list order, that matches the path. */
  firstMatch(path: string): string | undefined;
  /** The index in `patterns` of the first slash-free pattern that matches a file of this name, -1 for none. */
  firstFileNameMatch(name: string): number;
  /**
   * The two halves of `matches`, for callers that cache per segment
   * themselves: the anchored patterns against the whole path (`segments`
   * is `path.split('/')`, when the caller has it)...
   */
  matchesAnchored(path: string, segments?: readonly string[]): boolean;
  /** See AnchoredPatterns.mayMatchIn and keyedBy: when neither holds, `matchesAnchored` is false. */
  anchoredMayMatchIn(directorySegments: readonly string[]): boolean;
  anchoredKeyedBy(name: string, atRoot: boolean): boolean;
  /** ...and SEGMENT_MATCH | DIRECTORY_MATCH for one segment (not cached; `lowerCased`: the segment lower-cased, when the caller has it). */
  segmentFlags(segment: string, lowerCased?: string): number;
  /** SEGMENT_MATCH or 0 for the last segment, a file's name: directory-only patterns cannot match it. */
  fileNameFlags(name: string, lowerCased?: string): number;
  /** The patterns `segmentFlags` answers for (slash-free ones, `name` or `name/`)... */
  readonly segmentPatterns: readonly string[];
  /** ...and the ones `matchesAnchored` answers for. */
  readonly anchoredPatterns: readonly string[];
}

/** A slash-free pattern matches the segment (a file or a directory). */
export const SEGMENT_MATCH = 1;
/** A directory-only pattern (`tests/`) matches the segment. */
export const DIRECTORY_MATCH = 2;

/** Whether a segment's flags make the path match, given the segment's position. */
export function segmentFlagsMatch(flags: number, isLastSegment: boolean): boolean {
  return (flags & SEGMENT_MATCH) !== 0 || ((flags & DIRECTORY_MATCH) !== 0 && !isLastSegment);
}

const SEGMENT_CACHE_LIMIT = 50_000;

export function compileGlobSet(patterns: readonly string[], options: GlobOptions = {}): GlobSet {
  const unique = [...new Set(patterns)];
  const segmentPatterns: string[] = [];
  const anySegment: string[] = [];
  const directorySegment: string[] = [];
  const anchoredPatterns: string[] = [];
  for (const pattern of unique) {
    const plan = planGlob(pattern, options);
    const only = plan.segments[0];
    if (!plan.anchored && only !== undefined && !only.includes('/')) {
      segmentPatterns.push(pattern);
      (plan.directoryOnly ? directorySegment : anySegment).push(only);
    } else {
      anchoredPatterns.push(pattern);
    }
  }
  const anchored = compileAnchoredPatterns(anchoredPatterns, options);
  const anyMatcher = compileSegmentPatterns(anySegment, options);
  const directoryMatcher = compileSegmentPatterns(directorySegment, options);
  const segmentFlags = (segment: string, lowerCased?: string): number => {
    const folded = options.ignoreCase ? (lowerCased ?? segment.toLowerCase()) : segment;
    return (anyMatcher.test(segment, folded) ? SEGMENT_MATCH : 0) | (directoryMatcher.test(segment, folded) ? DIRECTORY_MATCH : 0);
  };
  const matchesAnchored = (path: string, segments?: readonly string[]): boolean => anchored.test(path, segments);

  // Directory names repeat across files: remember their flags.
  const segmentCache = new Map<string, number>();
  const cachedSegmentFlags = (segment: string): number => {
    let flags = segmentCache.get(segment);
    if (flags === undefined) {
      if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
      flags = segmentFlags(segment);
      segmentCache.set(segment, flags);
    }
    return flags;
  };

  const matches = (path: string): boolean => {
    if (matchesAnchored(path)) return true;
    if (segmentPatterns.length === 0) return false;
    const segments = path.split('/');
    return segments.some((segment, i) => segmentFlagsMatch(cachedSegmentFlags(segment), i === segments.length - 1));
  };

  // Only asked for a path known to match, to name the pattern: each
  // pattern's own test, in list order (no cache of every file name), made
  // the first time a pattern must be named.
  let individual:
    Array<{ pattern: string; matches(path: string, segments: readonly string[]): boolean; matchesFileName(name: string): boolean }> | undefined;
  const eachPattern = () =>
    (individual ??= unique.map((pattern) => {
      const plan = planGlob(pattern, options);
      const only = plan.segments[0];
      if (plan.anchored || only === undefined || only.includes('/'))
        return { pattern, matches: compileGlob(pattern, options).matches, matchesFileName: () => false };
      const single = compileSegmentPatterns([only], options);
      return {
        pattern,
        matches: (_path: string, segments: readonly string[]) =>
          segments.some((segment, i) => (!plan.directoryOnly || i < segments.length - 1) && single.test(segment)),
        matchesFileName: (name: string) => !plan.directoryOnly && single.test(name),
      };
    }));
  const firstMatch = (path: string): string | undefined => {
    const segments = path.split('/');
    return eachPattern().find((pattern) => pattern.matches(path, segments))?.pattern;
  };
  return {
    patterns: unique,
    matches,
    matchesAnchored,
    anchoredMayMatchIn: (directorySegments) => anchored.mayMatchIn(directorySegments),
    anchoredKeyedBy: (name, atRoot) => anchored.keyedBy(name, atRoot),
    segmentFlags,
    fileNameFlags: (name, lowerCased) => (anyMatcher.test(name, options.ignoreCase ? (lowerCased ?? name.toLowerCase()) : name) ? SEGMENT_MATCH : 0),
    segmentPatterns,
    anchoredPatterns,
    firstMatch,
    firstFileNameMatch: (name) => eachPattern().findIndex((pattern) => pattern.matchesFileName(name)),
  };
}
