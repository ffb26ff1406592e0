import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitignoreRules } from '../../core/index';

/**
 * Whether a file new to the index is one git ignores, judged from the
 * repository's .gitignore files (a build writing `dist/` must not add its
 * output to the index). A full build lists files through git itself; this
 * is for the files that appear between builds. No `vscode`: runs in the
 * index thread.
 */
export class GitignoreCheck {
  private readonly rulesByDirectory = new Map<string, GitignoreRules>();

  constructor(private readonly root: string) {}

  /** `path` is repo-relative, '/'-separated. */
  ignores(path: string, isDirectory = false): boolean {
    const segments = path.split('/');
    let rules = this.rulesOf('', GitignoreRules.root());
    let directory = '';
    for (const segment of segments.slice(0, -1)) {
      directory = directory === '' ? segment : `${directory}/${segment}`;
      // Git never looks inside an ignored directory: nothing below it can be re-included.
      if (rules.ignores(directory, true)) return true;
      rules = this.rulesOf(directory, rules);
    }
    return rules.ignores(path, isDirectory);
  }

  /** A .gitignore changed: read them again. */
  forget(): void {
    this.rulesByDirectory.clear();
  }

  private rulesOf(directory: string, parent: GitignoreRules): GitignoreRules {
    let rules = this.rulesByDirectory.get(directory);
    if (!rules) {
      rules = parent;
      try {
        rules = parent.child(directory, readFileSync(join(this.root, directory, '.gitignore'), 'utf8'));
      } catch {
        // No .gitignore here (the common case): the parent's rules apply.
      }
      this.rulesByDirectory.set(directory, rules);
    }
    return rules;
  }
}
