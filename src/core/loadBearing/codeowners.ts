import { compileGlob, planGlob, type GlobOptions } from './glob';
import { compileSegmentPatterns } from './segmentPatterns';

/**
 * GitHub CODEOWNERS: one rule per line, a gitignore-like pattern followed by
 * owners (`@user`, `@org/team` or an e-mail address). The LAST rule that
 * matches a path decides its owners; a rule without owners un-owns the path.
 *
 * As on GitHub: `#` starts a comment at the start of a line or of a field
 * (`*.js @a # note`), `\#` and `\ ` are literal, `!` negation is invalid, and
 * `[...]` and `{...}` are literal characters, not classes or alternatives.
 * Lines GitHub would reject are skipped and reported in `problems`.
 */
export interface CodeownersRule {
  readonly pattern: string;
  readonly owners: readonly string[];
  /** 1-based line number. */
  readonly line: number;
}

export interface Codeowners {
  readonly rules: readonly CodeownersRule[];
  readonly problems: readonly string[];
  /**
   * The rule that decides the path's owners, if any rule matches.
   * `segments` is `path.split('/')`, when the caller already has it.
   */
  match(path: string, segments?: readonly string[]): CodeownersRule | undefined;
  /**
   * The same answer in two steps, for callers that cache per directory: what
   * the directory's segments say once (`''` is the root), then each file in it.
   */
  directory(directorySegments: readonly string[]): CodeownersDirectory;
  matchIn(directory: CodeownersDirectory, name: string, path: string): CodeownersRule | undefined;
}

/** What a directory's own segments say about the rules of the files in it (opaque to callers). */
export interface CodeownersDirectory {
  /** The last slash-free rule a directory segment matches, -1 for none. */
  readonly floor: number;
  /** The path's first segment, when the directory has one (else the file's name is). */
  readonly firstSegment: string | undefined;
}

export const CODEOWNERS_GLOB_OPTIONS: GlobOptions = Object.freeze({
  ignoreCase: false,
  braces: false,
  characterClasses: false,
});

const USER_OR_TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9_.-]*)(?:\/[A-Za-z0-9_.-]+)?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function parseCodeowners(text: string, fileLabel = 'CODEOWNERS'): Codeowners {
  const rules: CodeownersRule[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const [pattern, ...owners] = splitFields(raw);
    if (pattern === undefined) return;
    if (pattern.startsWith('!')) {
      problems.push(`${fileLabel}:${line}: negated pattern "${pattern}" is not supported by GitHub; line ignored`);
      return;
    }
    const invalid = owners.find((owner) => !USER_OR_TEAM.test(owner) && !EMAIL.test(owner));
    if (invalid !== undefined) {
      problems.push(`${fileLabel}:${line}: "${invalid}" is not a @user, @org/team or e-mail address; line ignored`);
      return;
    }
    rules.push({ pattern, owners, line });
  });
  return { rules, problems, ...compileRuleMatcher(rules) };
}

/** Whitespace-separated fields, up to an unescaped `#` that starts a field. */
function splitFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      current += ch + line[++i];
    } else if (ch === '#' && current === '') {
      break;
    } else if (ch === ' ' || ch === '\t') {
      if (current !== '') fields.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') fields.push(current);
  return fields;
}

const SEGMENT_CACHE_LIMIT = 50_000;

/**
 * Finds the last matching rule without testing every rule on every path.
 * Slash-free rules (`*`, `*.css`, `apps/`) match when one path segment does,
 * so which of them match a directory name is computed once per distinct name.
 * The best of those sets a floor: only anchored rules written after it are
 * tested, last first - and of those only the ones whose first segment is the
 * path's first segment (`/web/` is not tried on `services/...`), or is a
 * wildcard.
 */
function compileRuleMatcher(rules: readonly CodeownersRule[]): Pick<Codeowners, 'match' | 'directory' | 'matchIn'> {
  const segmentRules: Array<{ index: number; directoryOnly: boolean; test: (segment: string) => boolean }> = [];
  const anchoredByFirstSegment = new Map<string, AnchoredRule[]>();
  const anchoredAnywhere: AnchoredRule[] = [];
  rules.forEach((rule, index) => {
    const plan = planGlob(rule.pattern, CODEOWNERS_GLOB_OPTIONS);
    const first = plan.segments[0];
    if (first === undefined) return;
    if (!plan.anchored && !first.includes('/')) {
      const patterns = compileSegmentPatterns([first], CODEOWNERS_GLOB_OPTIONS);
      segmentRules.push({ index, directoryOnly: plan.directoryOnly, test: (segment) => patterns.test(segment) });
      return;
    }
    const anchored = { index, matches: compileGlob(rule.pattern, CODEOWNERS_GLOB_OPTIONS).matches };
    if (/[*?\\]/.test(first)) {
      anchoredAnywhere.unshift(anchored);
    } else {
      const list = anchoredByFirstSegment.get(first) ?? [];
      list.unshift(anchored);
      anchoredByFirstSegment.set(first, list);
    }
  });

  /** Per segment: the last slash-free rule it matches as a file / as a directory. */
  const cache = new Map<string, { asFile: number; asDirectory: number }>();
  const bestSegmentRules = (segment: string): { asFile: number; asDirectory: number } => {
    let best = cache.get(segment);
    if (!best) {
      if (cache.size >= SEGMENT_CACHE_LIMIT) cache.clear();
      best = { asFile: -1, asDirectory: -1 };
      for (const rule of segmentRules) {
        if (!rule.test(segment)) continue;
        best.asDirectory = rule.index;
        if (!rule.directoryOnly) best.asFile = rule.index;
      }
      cache.set(segment, best);
    }
    return best;
  };

  const directory = (directorySegments: readonly string[]): CodeownersDirectory => {
    let floor = -1;
    for (const segment of directorySegments) floor = Math.max(floor, bestSegmentRules(segment).asDirectory);
    return { floor, firstSegment: directorySegments[0] };
  };
  // File names are mostly distinct (directory names repeat): tested, not
  // cached, from the last rule down to the directory's floor.
  const lastFileRule = (name: string, floor: number): number => {
    for (let i = segmentRules.length - 1; i >= 0 && segmentRules[i]!.index > floor; i--) {
      const rule = segmentRules[i]!;
      if (!rule.directoryOnly && rule.test(name)) return rule.index;
    }
    return floor;
  };
  const matchIn = (inDirectory: CodeownersDirectory, name: string, path: string): CodeownersRule | undefined => {
    const floor = lastFileRule(name, inDirectory.floor);
    const found = lastMatching(anchoredByFirstSegment.get(inDirectory.firstSegment ?? name) ?? NO_RULES, anchoredAnywhere, floor, path);
    return rules[found >= 0 ? found : floor];
  };
  return {
    directory,
    matchIn,
    match: (path, segments = path.split('/')) => matchIn(directory(segments.slice(0, -1)), segments[segments.length - 1]!, path),
  };
}

interface AnchoredRule {
  readonly index: number;
  readonly matches: (path: string) => boolean;
}

const NO_RULES: readonly AnchoredRule[] = Object.freeze([]);

/** The highest rule index above `floor` matching the path; both lists run last rule first. */
function lastMatching(a: readonly AnchoredRule[], b: readonly AnchoredRule[], floor: number, path: string): number {
  let i = 0;
  let j = 0;
  for (;;) {
    const next = i < a.length && (j >= b.length || a[i]!.index > b[j]!.index) ? a[i++] : b[j++];
    if (next === undefined || next.index <= floor) return -1;
    if (next.matches(path)) return next.index;
  }
}
