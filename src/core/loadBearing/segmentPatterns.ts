import { expandBraces, segmentRegexBody, type GlobOptions } from './glob';

/**
 * Slash-free glob patterns tested against one path segment. Most class
 * patterns are an exact name (`Jenkinsfile`) or `*` plus a suffix (`*.tf`),
 * after expanding braces (`compose.{yaml,yml}`): those take a set lookup or
 * an `endsWith`, and only the rest a regular expression. This runs once for
 * every distinct file name in the workspace.
 */
export interface SegmentPatterns {
  /** `lowerCased`: the segment already lower-cased, when the caller has it. */
  test(segment: string, lowerCased?: string): boolean;
}

const SPECIAL = /[*?[\]{}\\]/;

export function compileSegmentPatterns(patterns: readonly string[], options: GlobOptions = {}): SegmentPatterns {
  const ignoreCase = options.ignoreCase === true;
  const fold = (text: string): string => (ignoreCase ? text.toLowerCase() : text);
  const names = new Set<string>();
  const suffixes = new Set<string>();
  const bodies: string[] = [];
  for (const pattern of patterns) {
    for (const spelling of options.braces === false ? [pattern] : expandBraces(pattern)) {
      if (!SPECIAL.test(spelling)) names.add(fold(spelling));
      else if (spelling.startsWith('*') && !SPECIAL.test(spelling.slice(1)) && spelling.length > 1) suffixes.add(fold(spelling.slice(1)));
      else bodies.push(segmentRegexBody(spelling, options));
    }
  }
  const regex = bodies.length > 0 ? new RegExp(`^(?:${bodies.map((body) => `(?:${body})`).join('|')})$`, ignoreCase ? 'i' : '') : undefined;
  const suffixList = [...suffixes];
  if (names.size === 0 && suffixList.length === 0 && !regex) return { test: () => false };
  return {
    test(segment, lowerCased) {
      const folded = ignoreCase ? (lowerCased ?? segment.toLowerCase()) : segment;
      if (names.has(folded)) return true;
      for (const suffix of suffixList) if (folded.endsWith(suffix)) return true;
      return regex?.test(segment) ?? false;
    },
  };
}
