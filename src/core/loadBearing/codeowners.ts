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
  return { rules, problems, match: compileRuleMatcher(rules) };
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
 * so which of them match a segment is computed once per distinct segment.
 * The best of those sets a floor: only anchored rules written after it are
 * tested, last first - and of those only the ones whose first segment is the
 * path's first segment (`/web/` is not tried on `services/...`), or is a
 * wildcard.
 */
function compileRuleMatcher(
  rules: readonly CodeownersRule[],
): (path: string, segments?: readonly string[]) => CodeownersRule | undefined {
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

  return (path, segments = path.split('/')) => {
    let floor = -1;
    for (let i = 0; i < segments.length; i++) {
      const best = bestSegmentRules(segments[i]!);
      floor = Math.max(floor, i < segments.length - 1 ? best.asDirectory : best.asFile);
    }
    const found = lastMatching(anchoredByFirstSegment.get(segments[0]!) ?? [], anchoredAnywhere, floor, path);
    return rules[found >= 0 ? found : floor];
  };
}

interface AnchoredRule {
  readonly index: number;
  readonly matches: (path: string) => boolean;
}

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
