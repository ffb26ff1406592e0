/**
 * A small glob matcher for repo-relative paths ("src/auth/login.ts"), with the
 * gitignore/CODEOWNERS semantics teams already know:
 *
 * - A pattern without a slash (other than a trailing one) matches at any depth:
 *   `*.tf` matches `infra/main.tf`. A leading or inner slash anchors it to the
 *   repository root: `/build/x` and `build/x` only match `build/x...`.
 * - A pattern that names a directory matches every file below it: `auth` matches
 *   `src/auth/login.ts`. A trailing slash means "directories only": `auth/`
 *   matches `src/auth/login.ts` but not a file called `auth`.
 * - `*` and `?` never cross a `/`; `**` as a whole segment spans directories
 *   (`a/**` = everything inside a, `a/**\/b` = b at any depth below a).
 * - As on GitHub, a last segment that is a lone `*` matches direct children
 *   only: `docs/*` matches `docs/a.md` but not `docs/build/b.md`.
 * - `\` escapes the next character. `{a,b}` alternatives and `[a-z]`, `[!a-z]`
 *   classes can be switched off (GitHub's CODEOWNERS treats them literally).
 *
 * Compiled expressions are cached: the same few patterns are tested against
 * thousands of paths.
 */

export interface GlobOptions {
  /** Match letters case-insensitively. */
  readonly ignoreCase?: boolean;
  /** Support `{a,b}` alternatives. Default true. */
  readonly braces?: boolean;
  /** Support `[abc]`, `[a-z]`, `[!a-z]`. Default true. */
  readonly characterClasses?: boolean;
}

export interface GlobMatcher {
  readonly pattern: string;
  readonly regex: RegExp;
  matches(path: string): boolean;
}

/** A regular-expression body that matches nothing. */
const NEVER = '(?!)';
const CACHE_LIMIT = 5000;
const cache = new Map<string, RegExp>();

export function compileGlob(pattern: string, options: GlobOptions = {}): GlobMatcher {
  const regex = cachedRegex(pattern, options);
  return { pattern, regex, matches: (path) => regex.test(path) };
}

/**
 * The body of a regular expression (without `^`/`$`) that matches a whole
 * repo-relative path against the pattern. Exposed so sets of globs can be
 * combined into one expression.
 */
/**
 * A pattern taken apart: whether it is anchored to the root, whether it only
 * names directories (trailing slash), and its path segments.
 */
export interface GlobPlan {
  readonly anchored: boolean;
  readonly directoryOnly: boolean;
  readonly segments: readonly string[];
}

export function planGlob(pattern: string, options: GlobOptions = {}): GlobPlan {
  let body = pattern;
  let directoryOnly = false;
  while (body.endsWith('/') && !isEscaped(body, body.length - 1)) {
    body = body.slice(0, -1);
    directoryOnly = true;
  }
  let anchored = false;
  if (body.startsWith('/')) {
    anchored = true;
    body = body.replace(/^\/+/, '');
  }
  const segments = splitSegments(body, options.braces !== false);
  return { anchored: anchored || segments.length > 1, directoryOnly, segments };
}

/**
 * The body of a regular expression (without `^`/`$`) that matches a whole
 * repo-relative path against the pattern. Exposed so sets of globs can be
 * combined into one expression.
 */
export function globToRegexBody(pattern: string, options: GlobOptions = {}): string {
  const plan = planGlob(pattern, options);
  if (plan.segments.length === 0) return NEVER;
  const segments = [...plan.segments];
  if (!plan.anchored) segments.unshift('**');
  // "dir/" is "dir/**": everything below a directory called dir.
  if (plan.directoryOnly) segments.push('**');
  const parts = collapseGlobstars(segments);

  let out = '';
  let needSlash = false;
  parts.forEach((segment, index) => {
    const first = index === 0;
    const last = index === parts.length - 1;
    if (isGlobstar(segment)) {
      if (first && last) out += '.+';
      else if (first) out += '(?:.+/)?';
      else if (last) out += '/.+';
      else out += '(?:/.+)?';
      needSlash = !first;
      return;
    }
    if (needSlash) out += '/';
    out += segmentRegexBody(segment, options);
    needSlash = true;
  });
  const lastSegment = parts[parts.length - 1]!;
  // A pattern naming a directory covers the files below it, except a trailing
  // lone `*`, which GitHub documents as "direct children only".
  if (!isGlobstar(lastSegment) && lastSegment !== '*') out += '(?:/.*)?';
  return out;
}

/** Regex body matching exactly one path segment against one glob segment. */
export function segmentRegexBody(segment: string, options: GlobOptions = {}): string {
  if (isGlobstar(segment)) return '.+';
  return segment === '*' ? '[^/]+' : translateSegment(segment, options);
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function cachedRegex(pattern: string, options: GlobOptions): RegExp {
  const key = `${optionsKey(options)}\u0000${pattern}`;
  let regex = cache.get(key);
  if (!regex) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    regex = new RegExp(`^(?:${globToRegexBody(pattern, options)})$`, options.ignoreCase ? 'i' : '');
    cache.set(key, regex);
  }
  return regex;
}

export function optionsKey(options: GlobOptions): string {
  return [options.ignoreCase ? 'i' : '', options.braces === false ? '' : 'b', options.characterClasses === false ? '' : 'c'].join('');
}

function isGlobstar(segment: string): boolean {
  return /^\*{2,}$/.test(segment);
}

function collapseGlobstars(segments: readonly string[]): string[] {
  const result: string[] = [];
  for (const segment of segments) {
    if (isGlobstar(segment) && result.length > 0 && isGlobstar(result[result.length - 1]!)) continue;
    result.push(segment);
  }
  return result;
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Splits on unescaped slashes that are not inside `{...}`. */
function splitSegments(body: string, braces: boolean): string[] {
  const segments: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\' && i + 1 < body.length) {
      current += ch + body[i + 1];
      i++;
      continue;
    }
    if (braces && ch === '{') depth++;
    if (braces && ch === '}' && depth > 0) depth--;
    if (ch === '/' && depth === 0) {
      if (current !== '') segments.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current !== '') segments.push(current);
  return segments;
}

/** Translates one path segment (or one brace alternative) to regex source. */
function translateSegment(segment: string, options: GlobOptions): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '\\') {
      out += escapeRegex(i + 1 < segment.length ? segment[++i]! : '\\');
    } else if (ch === '*') {
      while (segment[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[' && options.characterClasses !== false) {
      const parsed = parseCharacterClass(segment, i);
      if (parsed) {
        out += parsed.source;
        i = parsed.end;
      } else {
        out += '\\[';
      }
    } else if (ch === '{' && options.braces !== false) {
      const parsed = parseBraces(segment, i);
      if (parsed) {
        out += `(?:${parsed.alternatives.map((alt) => translateSegment(alt, options)).join('|')})`;
        i = parsed.end;
      } else {
        out += '\\{';
      }
    } else {
      out += escapeRegex(ch);
    }
  }
  return out;
}

/** `[...]` starting at `start`; undefined when unclosed or invalid (then literal). */
function parseCharacterClass(text: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (text[i] === '!' || text[i] === '^') {
    negate = true;
    i++;
  }
  let content = '';
  let first = true;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === ']' && !first) break;
    first = false;
    if (ch === '\\' && i + 1 < text.length) {
      content += `\\${text[++i]}`;
    } else if (ch === '-') {
      content += '-';
    } else {
      content += /[\][\\^]/.test(ch) ? `\\${ch}` : ch;
    }
  }
  if (i >= text.length) return undefined;
  try {
    new RegExp(`[${content}]`);
  } catch {
    return undefined; // e.g. a reversed range like [z-a]
  }
  // A class never matches the directory separator.
  const source = negate ? `[^/${content}]` : `(?!/)[${content}]`;
  return { source, end: i };
}

/**
 * All spellings of a pattern with its `{a,b}` alternatives expanded
 * (`*.{yaml,yml}` -> `*.yaml`, `*.yml`), so simple shapes can skip regular
 * expressions. Gives up (returns the pattern itself) past `limit` spellings.
 */
export function expandBraces(pattern: string, limit = 64): string[] {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') {
      i++;
      continue;
    }
    if (pattern[i] !== '{') continue;
    const parsed = parseBraces(pattern, i);
    if (!parsed) continue;
    const before = pattern.slice(0, i);
    const after = pattern.slice(parsed.end + 1);
    const result: string[] = [];
    for (const alternative of parsed.alternatives) {
      for (const expanded of expandBraces(before + alternative + after, limit)) {
        result.push(expanded);
        if (result.length > limit) return [pattern];
      }
    }
    return result;
  }
  return [pattern];
}

/** `{a,b}` starting at `start`; undefined when unclosed or without a comma. */
function parseBraces(text: string, start: number): { alternatives: string[]; end: number } | undefined {
  const alternatives: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[++i];
      continue;
    }
    if (ch === '{') depth++;
    if (ch === '}') {
      if (depth === 0) {
        alternatives.push(current);
        return alternatives.length > 1 ? { alternatives, end: i } : undefined;
      }
      depth--;
    }
    if (ch === ',' && depth === 0) {
      alternatives.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  return undefined;
}
