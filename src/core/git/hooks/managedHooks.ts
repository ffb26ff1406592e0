/**
 * The git hooks AI Provenance installs. prepare-commit-msg writes trailers,
 * commit-msg finishes the editor flow, post-commit writes the note, and
 * post-rewrite carries notes over amends and rebases.
 */
export const MANAGED_HOOKS = ['prepare-commit-msg', 'commit-msg', 'post-commit', 'post-rewrite'] as const;

export type ManagedHook = (typeof MANAGED_HOOKS)[number];

/** How git runs a hook, which the wrapper must reproduce for the hook it chains to. */
export interface HookTraits {
  /** git stops the operation when the hook exits non-zero (it ignores the status of the others). */
  readonly stopsGit: boolean;
  /** git feeds the hook input on stdin (post-rewrite: the rewritten commits; pre-push: the refs). */
  readonly readsStdin: boolean;
}

const TRAITS: Readonly<Record<ManagedHook, HookTraits>> = {
  'prepare-commit-msg': { stopsGit: true, readsStdin: false },
  'commit-msg': { stopsGit: true, readsStdin: false },
  'post-commit': { stopsGit: false, readsStdin: false },
  'post-rewrite': { stopsGit: false, readsStdin: true },
};

export function hookTraits(hook: ManagedHook): HookTraits {
  return TRAITS[hook];
}

export function isManagedHook(name: string): name is ManagedHook {
  return (MANAGED_HOOKS as readonly string[]).includes(name);
}

/** Suffix of the file that keeps the hook that was there before, next to our wrapper. */
export const ORIGINAL_SUFFIX = '.ai-provenance-original';

/** Every wrapper we write carries this line; nothing else does. */
export const WRAPPER_MARKER = '# ai-provenance hook wrapper';
