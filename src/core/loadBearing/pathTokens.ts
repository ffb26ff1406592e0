/**
 * Paths are classified by their segments and the words inside them, never by
 * raw substrings: "author.ts" must not look like "auth", nor "keyboard" like
 * "key". A segment is split on anything that is not a letter or digit (".",
 * "-", "_", spaces) and on camelCase and letter/digit boundaries:
 *
 *   "StripeWebhook.ts" -> stripe, webhook, ts
 *   "OAuth2Client"     -> o, auth, 2, client
 *   "JWTService"       -> jwt, service
 *   "2024_add_users"   -> 2024, add, users
 *
 * Letters are Unicode-aware ("ÜberZahlung" -> über, zahlung); ASCII, the
 * usual case, takes a faster path.
 */

/** Repo-relative, forward slashes, no leading "./" or "/". */
export function normalizeRepoPath(path: string): string {
  if (!needsNormalizing(path)) return path; // the usual case, on a hot path
  return path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+/, '');
}

/** A backslash, a doubled slash, or a leading "/" or "./": string searches, cheaper than a regular expression on this hot path. */
function needsNormalizing(path: string): boolean {
  const first = path.charCodeAt(0);
  return first === SLASH || (first === DOT && path.charCodeAt(1) === SLASH) || path.includes('\\') || path.includes('//');
}

const SLASH = 47;
const DOT = 46;

// Cased letters split at camelCase; uncased scripts (CJK, ...) run as one word.
const WORD = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|[\p{Lo}\p{Lm}]+|\p{N}+/gu;

/**
 * Lower-case words of one path segment (or of a keyword). Not cached here:
 * the classifier caches what it learns per segment.
 */
export function segmentTokens(segment: string): readonly string[] {
  return asciiWords(segment) ?? (segment.match(WORD) ?? []).map((word) => word.toLowerCase());
}

const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;
/** Above 127: not ASCII. */
const OTHER = 4;

/** The kind of each ASCII character (0: a separator), read once per character of every file name. */
const KINDS = (() => {
  const kinds = new Uint8Array(128);
  for (let code = 65; code <= 90; code++) kinds[code] = UPPER;
  for (let code = 97; code <= 122; code++) kinds[code] = LOWER;
  for (let code = 48; code <= 57; code++) kinds[code] = DIGIT;
  return kinds;
})();

function charKind(code: number): number {
  return code < 128 ? KINDS[code]! : OTHER;
}

/**
 * The same split as WORD for ASCII segments, without a Unicode-aware regular
 * expression: this runs for every distinct file name in the workspace.
 * Undefined for non-ASCII segments.
 */
function asciiWords(segment: string): string[] | undefined {
  const words: string[] = [];
  const ascii = forEachAsciiWord(segment, (start, end) => {
    words.push(segment.slice(start, end).toLowerCase());
    return false;
  });
  return ascii === undefined ? undefined : words;
}

/**
 * Calls `visit` with the [start, end) of each word of an ASCII segment, in
 * order, without allocating; stops when `visit` returns true. Returns whether
 * a visit returned true, or undefined when the segment is not ASCII (words
 * before its first non-ASCII character may have been visited).
 */
export function forEachAsciiWord(segment: string, visit: (start: number, end: number) => boolean): boolean | undefined {
  // One pass: a non-ASCII character anywhere makes it undefined, even after some words were visited.
  let i = 0;
  while (i < segment.length) {
    const kind = charKind(segment.charCodeAt(i));
    let end = i + 1;
    if (kind === OTHER) return undefined;
    if (kind === 0) {
      i = end;
      continue;
    }
    while (end < segment.length && charKind(segment.charCodeAt(end)) === kind) end++;
    if (kind === UPPER && end < segment.length && charKind(segment.charCodeAt(end)) === LOWER) {
      // "JWTService": the last capital starts the next word.
      if (end - i > 1 && visit(i, end - 1)) return true;
      i = end - 1;
      end++;
      while (end < segment.length && charKind(segment.charCodeAt(end)) === LOWER) end++;
    }
    if (visit(i, end)) return true;
    i = end;
  }
  return false;
}
