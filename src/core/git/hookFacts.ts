import { readFileSync } from 'node:fs';

/**
 * What prepare-commit-msg asks git before it can work: where the repository
 * is, its config, the tree being committed and HEAD with its parents. The
 * hook script asks git itself, while node starts, and writes the answers
 * to a file: four small git processes started by the shell cost a few
 * milliseconds, started by node (after its own start-up, two round trips
 * one after the other) several times that, and much more on a busy machine.
 * The script writes the file before it pipes the staged diff into node, so
 * node reads it once stdin has its first bytes. The file ends with a marker
 * line; without it (a git that failed), the hook asks git itself as before.
 */
export const HOOK_FACTS_DONE = '# ai-provenance: git facts complete';

/** The environment variable naming the file, for `hook run prepare-commit-msg`. */
export const HOOK_FACTS_ENV = 'AIP_GIT_FACTS';

export interface HookFacts {
  /** `git rev-parse --show-toplevel --absolute-git-dir --git-common-dir`, as printed. */
  readonly root: string;
  readonly gitDir: string;
  readonly commonDir: string;
  /** `git write-tree`: the tree of the index the commit is made from. */
  readonly tree: string;
  /** HEAD then HEAD's parents; empty on an unborn branch. */
  readonly head: readonly string[];
  /** `git config -z --list`, as printed. */
  readonly configText: string;
}

/**
 * Shell text that writes the facts to `$file_var`: four lines, the line
 * `head` followed by HEAD and its parents, the config, the marker. git's
 * errors are dropped (the hook then asks git itself and reports them).
 */
export function hookFactsShell(fileVariable: string): string {
  return [
    '{ git rev-parse --show-toplevel --absolute-git-dir --git-common-dir && git write-tree &&',
    `{ aip_head=$(git rev-parse HEAD 'HEAD^@' 2>/dev/null) || aip_head=; echo head $aip_head; } &&`,
    `{ git config -z --list; echo; echo '${HOOK_FACTS_DONE}'; }; } >"$${fileVariable}" 2>/dev/null`,
  ].join(' ');
}

/** The facts the hook script wrote, or undefined when the file is missing or incomplete. */
export function readHookFacts(file: string | undefined): HookFacts | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const end = `\n${HOOK_FACTS_DONE}\n`;
  if (!text.endsWith(end)) return undefined;
  const lines: string[] = [];
  let start = 0;
  for (let line = 0; line < 5; line++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return undefined;
    lines.push(text.slice(start, newline));
    start = newline + 1;
  }
  const [root, gitDir, commonDir, tree, headLine] = lines as [string, string, string, string, string];
  if (!root || !gitDir || !commonDir || !/^[0-9a-f]{40,64}$/.test(tree) || !/^head( [0-9a-f]{40,64})*$/.test(headLine)) return undefined;
  return {
    root,
    gitDir,
    commonDir,
    tree,
    head: headLine.split(' ').slice(1),
    configText: start <= text.length - end.length ? text.slice(start, text.length - end.length) : '',
  };
}
