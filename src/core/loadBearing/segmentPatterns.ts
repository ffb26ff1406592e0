import { expandBraces, segmentRegexBody, type GlobOptions } from './glob';

/**
 * Slash-free glob patterns tested against one path segment. Most class
 * patterns are an exact name (`Jenkinsfile`) or literal text around `*`
 * (`*.tf`, `*.test.*`), after expanding braces (`compose.{yaml,yml}`): those
 * take a set lookup or a few string searches, and only the rest (`?`,
 * `[0-9]`) a regular expression. This runs once for
 * every distinct file name in the workspace.
 */
export interface SegmentPatterns {
  /** `lowerCased`: the segment already lower-cased, when the caller has it. */
  test(segment: string, lowerCased?: string): boolean;
}

const SPECIAL = /[*?[\]{}\\]/;
/** Special characters other than `*`: such patterns need a regular expression. */
const NEEDS_REGEX = /[?[\]{}\\]/;

/**
 * A pattern whose only special character is `*` (`*.tf`, `*.test.*`,
 * `Dockerfile.*`, `compose.*.yaml`): its literal parts must appear in order,
 * the first at the start and the last at the end. Tested with string
 * searches instead of a regular expression, whose `[^/]*` alternatives
 * backtrack over every file name.
 */
interface StarPattern {
  readonly prefix: string;
  readonly middle: readonly string[];
  readonly suffix: string;
  readonly minLength: number;
}

function starPattern(spelling: string): StarPattern | undefined {
  if (NEEDS_REGEX.test(spelling) || !spelling.includes('*') || /^\*+$/.test(spelling)) return undefined;
  const parts = spelling.split(/\*+/);
  const middle = parts.slice(1, -1);
  const prefix = parts[0]!;
  const suffix = parts[parts.length - 1]!;
  return { prefix, middle, suffix, minLength: prefix.length + suffix.length + middle.reduce((sum, part) => sum + part.length, 0) };
}

function matchesStar(pattern: StarPattern, text: string): boolean {
  if (text.length < pattern.minLength || !text.startsWith(pattern.prefix) || !text.endsWith(pattern.suffix)) return false;
  let from = pattern.prefix.length;
  const end = text.length - pattern.suffix.length;
  for (const part of pattern.middle) {
    const at = text.indexOf(part, from);
    if (at < 0 || at + part.length > end) return false;
    from = at + part.length;
  }
  return true;
}

export function compileSegmentPatterns(patterns: readonly string[], options: GlobOptions = {}): SegmentPatterns {
  const ignoreCase = options.ignoreCase === true;
  const fold = (text: string): string => (ignoreCase ? text.toLowerCase() : text);
  const names = new Set<string>();
  const starPatterns: StarPattern[] = [];
  const bodies: string[] = [];
  const regexSpellings: string[] = [];
  for (const pattern of patterns) {
    for (const spelling of options.braces === false ? [pattern] : expandBraces(pattern)) {
      const star = SPECIAL.test(spelling) ? starPattern(fold(spelling)) : undefined;
      if (!SPECIAL.test(spelling)) names.add(fold(spelling));
      else if (star) starPatterns.push(star);
      else {
        bodies.push(segmentRegexBody(spelling, options));
        regexSpellings.push(fold(spelling));
      }
    }
  }
  const regexFirst = firstCharacters(regexSpellings);
  const regex = bodies.length > 0 ? new RegExp(`^(?:${bodies.map((body) => `(?:${body})`).join('|')})$`, ignoreCase ? 'i' : '') : undefined;
  if (names.size === 0 && starPatterns.length === 0 && !regex) return { test: () => false };
  const stars = indexStars(starPatterns);
  return {
    test(segment, lowerCased) {
      const folded = ignoreCase ? (lowerCased ?? segment.toLowerCase()) : segment;
      if (names.has(folded)) return true;
      if (folded.length > 0 && stars.some(folded)) return true;
      return regex !== undefined && (regexFirst === undefined || regexFirst.has(folded.charCodeAt(0))) && regex.test(segment);
    },
  };
}

/**
 * The (folded) first characters a segment must start with to match one of
 * the spellings (`V[0-9]*__*.sql`), so that most segments skip the regular
 * expression; undefined when one may start with anything.
 */
function firstCharacters(spellings: readonly string[]): ReadonlySet<number> | undefined {
  const first = new Set<number>();
  for (const spelling of spellings) {
    if (spelling === '' || SPECIAL.test(spelling[0]!)) return undefined;
    first.add(spelling.charCodeAt(0));
  }
  return first;
}

/**
 * Star patterns by the last character of their suffix, else by the first of
 * their prefix, else (`*.test.*`) always tried: a segment then tries the few
 * that can match its ends, not every one.
 */
function indexStars(stars: readonly StarPattern[]): { some(text: string): boolean } {
  const byLast = new Map<number, StarPattern[]>();
  const byFirst = new Map<number, StarPattern[]>();
  const always: StarPattern[] = [];
  const add = (map: Map<number, StarPattern[]>, code: number, star: StarPattern) => map.set(code, [...(map.get(code) ?? []), star]);
  for (const star of stars) {
    if (star.suffix !== '') add(byLast, star.suffix.charCodeAt(star.suffix.length - 1), star);
    else if (star.prefix !== '') add(byFirst, star.prefix.charCodeAt(0), star);
    else always.push(star);
  }
  const anyMatches = (candidates: readonly StarPattern[] | undefined, text: string): boolean => {
    if (candidates) for (const star of candidates) if (matchesStar(star, text)) return true;
    return false;
  };
  return {
    some: (text) =>
      anyMatches(byLast.get(text.charCodeAt(text.length - 1)), text) || anyMatches(byFirst.get(text.charCodeAt(0)), text) || anyMatches(always, text),
  };
}
