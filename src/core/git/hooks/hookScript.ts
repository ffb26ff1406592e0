import { basename } from 'node:path';
import { PRESTARTED_DIFF_ENV, prestartedDiffShell } from '../prestartedDiff';
import { STORE_FILE_NAME } from '../../store/storeFile';
import { shellQuote as quote } from '../shellQuote';
import { ORIGINAL_SUFFIX, WRAPPER_MARKER, readsStdin, type ManagedHook } from './managedHooks';

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
 * How the previous hook runs. Shell scripts are sourced with $0 set to the
 * hook's own path, because some (Husky's `. "${0%/*}/h"`) find their files
 * from $0; anything else is executed directly.
 */
export type OriginalRunner = { readonly kind: 'source'; readonly shell: string } | { readonly kind: 'exec' };

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh']);

/** Decides how to run an existing hook from its first line. */
export function originalRunner(content: Buffer): OriginalRunner {
  const firstLine = content.subarray(0, Math.min(content.length, 256)).toString('utf8').split('\n')[0].trim();
  if (!firstLine.startsWith('#!')) return { kind: 'source', shell: 'sh' }; // git runs shebang-less hooks with sh
  const words = firstLine.slice(2).trim().split(/\s+/);
  const program = basename(words[0] ?? '') === 'env' ? words.find((word, index) => index > 0 && !word.startsWith('-')) : words[0];
  const name = basename(program ?? '');
  if (!SHELLS.has(name)) return { kind: 'exec' };
  return { kind: 'source', shell: program!.startsWith('/') ? program! : name };
}

/**
 * The wrapper script. It runs the previous hook first, exactly as git would
 * have (its failure still stops the commit), then AI Provenance, which never
 * fails: every problem is one line on stderr and the hook exits 0.
 */
export function wrapperScript(options: WrapperOptions): string {
  const { hook } = options;
  const stdin = readsStdin(hook);
  const feed = stdin ? `printf '%s\\n' "$aip_input" | ` : '';
  const lines = [
    '#!/bin/sh',
    `${WRAPPER_MARKER} v1: ${hook}`,
    '# Installed by `ai-provenance hook install`; `ai-provenance hook uninstall` puts back what was here.',
    `# The hook that was here before (if any) is kept as ${hook}${ORIGINAL_SUFFIX} and runs first.`,
    // Parameter expansion rather than dirname: no process to start.
    'aip_dir=${0%/*}; [ "$aip_dir" = "$0" ] && aip_dir=.',
    `aip_original="$aip_dir/${hook}${ORIGINAL_SUFFIX}"`,
    `aip_node_fallback=${quote(options.nodeFallback.replace(/\\/g, '/'))}`,
    ...(stdin ? ['aip_input=$(cat)'] : []),
  ];
  // git stops a commit when prepare-commit-msg or commit-msg fails and ignores the status of post-* hooks.
  const stops = hook === 'prepare-commit-msg' || hook === 'commit-msg';
  if (options.original) {
    const run =
      options.original.kind === 'source'
        ? `${quote(options.original.shell)} -c 'aip_file=$1; shift; . "$aip_file"' "$0" "$aip_original" "$@"`
        : `"$aip_original" "$@"`;
    lines.push(
      'if [ -x "$aip_original" ]; then',
      `  ${feed}${run}`,
      '  aip_status=$?',
      ...(stops ? ['  [ "$aip_status" -eq 0 ] || exit "$aip_status"'] : []),
      'elif [ ! -e "$aip_original" ]; then',
      `  echo "ai-provenance: the previous ${hook} hook ($aip_original) is missing; it did not run" >&2`,
      'fi',
    );
  }
  // prepare-commit-msg: git computes the staged diff while node starts, and the CLI reads it on stdin.
  const prestartsDiff = hook === 'prepare-commit-msg';
  const input = stdin ? `${feed}` : prestartsDiff ? `{ ${prestartedDiffShell('aip_diff')}; cat "$aip_diff"; } | ${PRESTARTED_DIFF_ENV}=stdin ` : '';
  const redirect = stdin || prestartsDiff ? '' : ' </dev/null';
  if (hook === 'commit-msg') {
    // Only a previewed message, or one holding our trailers, needs a look: skip starting node otherwise.
    lines.push(`grep -q -e 'AI Provenance adds these trailers' -e '^AI-' "$1" 2>/dev/null || exit 0`);
  }
  lines.push(
    `aip_cli=${quote(options.cliCopy.replace(/\\/g, '/'))}`,
    '[ -f "$aip_cli" ] || aip_cli="$(git rev-parse --git-common-dir 2>/dev/null)/ai-provenance/bin/cli.js"',
    ...(hook === 'post-commit'
      ? [
          '# No regions and nothing replayed (cherry-pick, rebase): no note to write, no need to start node.',
          `[ -s "\${aip_cli%/bin/cli.js}/${STORE_FILE_NAME}" ] || git rev-parse -q --verify CHERRY_PICK_HEAD >/dev/null 2>&1 || exit ${options.original ? '"${aip_status:-0}"' : '0'}`,
        ]
      : []),
    ...(prestartsDiff ? ['aip_diff="${aip_cli%/bin/cli.js}/staged-diff.$$"'] : []),
    'if [ ! -f "$aip_cli" ]; then',
    `  echo "ai-provenance: $aip_cli is missing, ${hook} skipped (run: ai-provenance hook install)" >&2`,
    'elif command -v node >/dev/null 2>&1; then',
    `  ${input}AIP_GIT_PID=$PPID node "$aip_cli" hook run ${hook} "$@"${redirect} || true`,
    'elif [ -x "$aip_node_fallback" ]; then',
    `  ${input}AIP_GIT_PID=$PPID ELECTRON_RUN_AS_NODE=1 "$aip_node_fallback" "$aip_cli" hook run ${hook} "$@"${redirect} || true`,
    'else',
    `  echo "ai-provenance: node is not on PATH (nor at $aip_node_fallback), ${hook} skipped" >&2`,
    'fi',
    ...(prestartsDiff ? ['rm -f "$aip_diff"'] : []),
    options.original && !stops ? 'exit "${aip_status:-0}"' : 'exit 0',
    '',
  );
  return lines.join('\n');
}

export function isWrapper(content: Buffer | string): boolean {
  return content.toString().includes(WRAPPER_MARKER);
}
