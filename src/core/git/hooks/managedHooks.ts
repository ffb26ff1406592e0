/**
 * The git hooks AI Provenance installs. prepare-commit-msg writes trailers,
 * commit-msg finishes the editor flow, post-commit writes the note,
 * post-rewrite carries notes over amends and rebases, pre-push pushes the
 * notes with the code, and post-merge merges the notes a pull fetched.
 */
export const MANAGED_HOOKS = ['prepare-commit-msg', 'commit-msg', 'post-commit', 'post-rewrite', 'pre-push', 'post-merge'] as const;

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
  'pre-push': { stopsGit: true, readsStdin: true },
  'post-merge': { stopsGit: false, readsStdin: false },
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
