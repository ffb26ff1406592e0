import { globToRegExpSource } from './glob';

/**
 * A .gitignore matcher for the walker used outside git repositories (inside
 * one, `git ls-files --exclude-standard` applies git's own rules). Supports
 * negation, anchoring, directory-only rules, `**` and escaped characters;
 * rules of deeper .gitignore files override shallower ones.
 */

interface Rule {
  readonly pattern: RegExp;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
}

export class GitignoreRules {
  private constructor(
    /** Directory (repo-relative, '' for root) whose .gitignore this is. */
    private readonly base: string,
    private readonly rules: readonly Rule[],
    private readonly parent: GitignoreRules | undefined,
  ) {}

  static root(): GitignoreRules {
    return new GitignoreRules('', [], undefined);
  }

  /** Rules for a subdirectory that has its own .gitignore text. */
  child(base: string, text: string): GitignoreRules {
    return new GitignoreRules(base, parseRules(text), this);
  }

  /** True when `path` (repo-relative) is ignored. */
  ignores(path: string, isDirectory: boolean): boolean {
    const verdict = this.verdict(path, isDirectory);
    return verdict ?? false;
  }

  private verdict(path: string, isDirectory: boolean): boolean | undefined {
    const relative = this.base === '' ? path : path.startsWith(`${this.base}/`) ? path.slice(this.base.length + 1) : undefined;
    if (relative !== undefined) {
      // The last matching rule wins, so scan from the end.
      for (let i = this.rules.length - 1; i >= 0; i--) {
        const rule = this.rules[i]!;
        if (rule.directoryOnly && !isDirectory) continue;
        if (rule.pattern.test(relative)) return !rule.negated;
      }
    }
    return this.parent?.verdict(path, isDirectory);
  }
}

function parseRules(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    // A slash anywhere but the end anchors the pattern to the .gitignore's directory.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = globToRegExpSource(line);
    const pattern = new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`);
    rules.push({ pattern, negated, directoryOnly });
  }
  return rules;
}
