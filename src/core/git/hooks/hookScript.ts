import { commitMsgFinishFromHandoffShell, commitMsgShortcutShell, postCommitShortcutShell } from '../../provenance/hooks/handoff';
import { NOTES_REF } from '../../provenance/note/schema';
import { HOOK_FACTS_ENV, hookFactsShell } from '../hookFacts';
import { PRESTARTED_DIFF_ENV, prestartedDiffShell } from '../prestartedDiff';
import { shellQuote as quote } from '../shellQuote';
import { hookFailureShell } from './hookFailures';
import { ORIGINAL_SUFFIX, WRAPPER_MARKER, hookTraits, type ManagedHook } from './managedHooks';

export interface WrapperOptions {
  readonly hook: ManagedHook;
  /** How to run the hook that was there before, or undefined when there was none. */
  readonly original?: OriginalRunner;
  /** Absolute node (or editor) binary recorded at install time, used when `node` is not on PATH. */
  readonly nodeFallback: string;
  /** Where install put the CLI copy; the hook asks git again if the repository moved since. */
  readonly cliCopy: string;
}

/**
 * How the previous hook runs. It is executed as git would execute it (its
 * own shebang and flags, arguments, stdin, environment, exit status). Only
 * a stub that finds its files from `$0` (Husky's `. "$(dirname "$0")/h"`)
 * is sourced, with `$0` set to the hook's own path, because executed under
 * its new name it would look for the wrong script.
 */
export type OriginalRunner = ({ readonly kind: 'source'; readonly shell: string } | { readonly kind: 'exec' }) & {
  /** The pre-commit framework's hook (see wrapperScript). */
  readonly preCommitFramework?: boolean;
};

/** The line every hook the pre-commit framework installs carries (its template's fixed ID). */
const PRE_COMMIT_HOOK_ID = '138fd403232d2ddd5efb44317e38bf03';

/** `. "$(dirname "$0")/x"`, `. "$(dirname -- "$0")/x"` or `. "${0%/*}/x"`: a file found next to the hook itself. */
const SOURCES_FROM_OWN_DIR = /^\s*\.\s+"?(\$\(\s*dirname\s+(--\s+)?"?\$0"?\s*\)|\$\{0%\/\*\})\//;
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh']);

/** Decides how to run an existing hook from its text. */
export function originalRunner(content: Buffer): OriginalRunner {
  const text = content.subarray(0, Math.min(content.length, 4096)).toString('utf8');
  const [first = '', ...rest] = text.split('\n');
  const shebang = first.startsWith('#!') ? first.slice(2).trim().split(/\s+/) : undefined;
  const program = shebang && (shebang[0]?.endsWith('/env') ? shebang.find((word, index) => index > 0 && !word.startsWith('-')) : shebang[0]);
  const shell = program ?? 'sh'; // git runs a hook without a shebang with sh
  const name = shell.slice(shell.lastIndexOf('/') + 1);
  const isShell = SHELLS.has(name);
  // The first command of a stub (comments and blank lines skipped).
  const command = (shebang ? rest : [first, ...rest]).find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  const preCommit = text.includes(PRE_COMMIT_HOOK_ID) ? { preCommitFramework: true } : {};
  if (isShell && command !== undefined && SOURCES_FROM_OWN_DIR.test(command) && !shebang?.some((word) => word.startsWith('-'))) {
    return { kind: 'source', shell: shell.startsWith('/') ? shell : name, ...preCommit };
  }
  return { kind: 'exec', ...preCommit };
}

/**
 * The wrapper script. It runs the previous hook first, exactly as git would
 * have (its failure still stops the commit), then AI Provenance, which never
 * fails: every problem is one line on stderr (and a line in the hook
 * failure log when node could not run at all) and the hook exits with the
 * previous hook's status.
 */
export function wrapperScript(options: WrapperOptions): string {
  const { hook } = options;
  const { stopsGit, readsStdin } = hookTraits(hook);
  // stdin is kept byte for byte in a variable (the trailing '.' protects trailing newlines) so both hooks read all of it.
  const feed = readsStdin ? `printf '%s' "$aip_input" | ` : '';
  const lines = [
    '#!/bin/sh',
    `${WRAPPER_MARKER} v2: ${hook}`,
    '# Installed by `ai-provenance hook install`; `ai-provenance hook uninstall` puts back what was here.',
    `# The hook that was here before (if any) is kept as ${hook}${ORIGINAL_SUFFIX} and runs first, as git would run it.`,
    // Parameter expansion rather than dirname: no process to start.
    'aip_dir=${0%/*}; [ "$aip_dir" = "$0" ] && aip_dir=.',
    `aip_original="$aip_dir/${hook}${ORIGINAL_SUFFIX}"`,
    `aip_node_fallback=${quote(options.nodeFallback.replace(/\\/g, '/'))}`,
    `aip_cli=${quote(options.cliCopy.replace(/\\/g, '/'))}`,
    '[ -f "$aip_cli" ] || aip_cli="$(git rev-parse --git-common-dir 2>/dev/null)/ai-provenance/bin/cli.js"',
    'aip_store=${aip_cli%/bin/cli.js}',
    // The hooks' own small entry next to the CLI copy (see src/cli/hook/start.ts); the whole CLI when it is not there.
    'aip_entry="${aip_cli%cli.js}hook.js"; aip_verb=; [ -f "$aip_entry" ] || { aip_entry=$aip_cli; aip_verb="hook run"; }',
    ...(readsStdin ? ['aip_input=$(cat; echo .); aip_input=${aip_input%.}'] : []),
  ];
  if (options.original) {
    const run =
      options.original.kind === 'source'
        ? `${quote(options.original.shell)} -c 'aip_file=$1; shift; . "$aip_file"' "$0" "$aip_original" "$@"`
        : `"$aip_original" "$@"`;
    // `pre-commit install` run after ours keeps our wrapper as <hook>.legacy and runs it from a new copy of its
    // own hook: the copy we chain to would then run pre-commit a second time, which pre-commit refuses.
    const runsOriginal = options.original.preCommitFramework
      ? [
          `if [ -n "$PRE_COMMIT_RUNNING_LEGACY" ] && grep -q ${PRE_COMMIT_HOOK_ID} "$aip_original" 2>/dev/null; then`,
          '  : # pre-commit is running already',
          'elif [ -x "$aip_original" ]; then',
        ]
      : ['if [ -x "$aip_original" ]; then'];
    lines.push(
      ...runsOriginal,
      `  ${feed}${run}`,
      '  aip_status=$?',
      ...(stopsGit ? ['  [ "$aip_status" -eq 0 ] || exit "$aip_status"'] : []),
      'elif [ ! -e "$aip_original" ]; then',
      `  echo "ai-provenance: the previous ${hook} hook ($aip_original) is missing; it did not run" >&2`,
      'fi', // present but not executable: git would ignore it too
    );
  }
  const exit = options.original && !stopsGit ? 'exit "${aip_status:-0}"' : 'exit 0';
  // prepare-commit-msg: git answers what node would ask first (hookFacts.ts), then computes the staged diff,
  // both while node starts; the CLI reads the diff on stdin, and the facts file once stdin has bytes.
  const prestartsDiff = hook === 'prepare-commit-msg';
  const input = readsStdin
    ? feed
    : prestartsDiff
      ? `{ ${hookFactsShell('aip_facts')}; ${prestartedDiffShell('aip_diff')}; cat "$aip_diff"; } | ${PRESTARTED_DIFF_ENV}=stdin ${HOOK_FACTS_ENV}="$aip_facts" `
      : '';
  const redirect = readsStdin || prestartsDiff ? '' : ' </dev/null';
  if (hook === 'commit-msg') {
    // Nothing to do when prepare-commit-msg of this commit wrote the message as it is now (see handoff.ts; `git commit -m`)...
    lines.push(commitMsgShortcutShell(exit));
    // ...and writes the trailers itself when text was typed above the message it previewed them in (editor flow)...
    lines.push(...commitMsgFinishFromHandoffShell(exit));
    // ...nor unless it is a previewed message, or one holding our trailers: node starts only then.
    lines.push(`grep -q -e 'AI Provenance adds these trailers' -e '^AI-' "$1" 2>/dev/null || ${exit}`);
  }
  if (hook === 'post-commit') {
    // The note prepare-commit-msg worked out for this very commit, written without node (see handoff.ts).
    lines.push(...postCommitShortcutShell(NOTES_REF), `aip_note_from_handoff && ${exit}`);
  }
  if (hook === 'post-merge') {
    // Only a clone that shares notes (git fetch brought some into refs/remote-notes/) has notes to merge.
    lines.push(`[ -n "$(git for-each-ref --count=1 refs/remote-notes/ 2>/dev/null)" ] || ${exit}`);
  }
  const noNode = `node is not on PATH (nor at ${options.nodeFallback})`;
  lines.push(
    ...(prestartsDiff ? ['aip_diff="$aip_store/staged-diff.$$"; aip_facts="$aip_store/git-facts.$$"'] : []),
    'if [ ! -f "$aip_cli" ]; then',
    `  echo "ai-provenance: $aip_cli is missing, ${hook} skipped (run: ai-provenance hook install)" >&2`,
    `  ${hookFailureShell(hook, 'cli-missing', 'the CLI copy is missing (run: ai-provenance hook install)')}`,
    'elif command -v node >/dev/null 2>&1; then',
    `  ${input}AIP_GIT_PID=$PPID AIP_STORE_DIR="$aip_store" node "$aip_entry" $aip_verb ${hook} "$@"${redirect} || true`,
    'elif [ -x "$aip_node_fallback" ]; then',
    `  ${input}AIP_GIT_PID=$PPID AIP_STORE_DIR="$aip_store" ELECTRON_RUN_AS_NODE=1 "$aip_node_fallback" "$aip_entry" $aip_verb ${hook} "$@"${redirect} || true`,
    'else',
    `  echo "ai-provenance: node is not on PATH (nor at $aip_node_fallback), ${hook} skipped" >&2`,
    `  ${hookFailureShell(hook, 'node-not-found', noNode)}`,
    'fi',
    ...(prestartsDiff ? ['rm -f "$aip_diff" "$aip_facts"'] : []),
    exit,
    '',
  );
  return lines.join('\n');
}

export function isWrapper(content: Buffer | string): boolean {
  return content.toString().includes(WRAPPER_MARKER);
}
