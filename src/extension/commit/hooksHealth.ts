import type { HookState, HooksStatus } from '../../core/provenance';

/**
 * What the extension does about a repository's hooks:
 * - absent: never installed (or uninstalled): offer to install;
 * - current: nothing;
 * - stale: ours, but written by another version, partly missing or with an
 *   old CLI copy (after an extension update): refreshed silently;
 * - attention: ours were edited, or another tool replaced them (Husky
 *   regenerating .husky/_): left alone and reported.
 */
export type HooksHealth =
  | { readonly kind: 'absent' }
  | { readonly kind: 'current' }
  | { readonly kind: 'stale'; readonly reasons: readonly string[] }
  | { readonly kind: 'attention'; readonly problems: readonly string[] };

const OUR_WRAPPER: ReadonlySet<HookState> = new Set(['installed', 'outdated', 'changed']);

export function hooksHealth(status: HooksStatus): HooksHealth {
  if (status.installed) return { kind: 'current' };
  const installedBefore = status.nodeFallback !== undefined; // the install manifest exists
  const wrappers = status.hooks.filter((hook) => OUR_WRAPPER.has(hook.state));
  if (wrappers.length === 0 && !installedBefore) return { kind: 'absent' };

  const problems = status.hooks.flatMap((hook) => {
    if (hook.state === 'changed') return [`${hook.name} was edited since it was installed`];
    if (hook.state === 'foreign') return [`${hook.name} was replaced by another hook${status.husky ? ' (Husky regenerates .husky/_ on npm install)' : ''}`];
    return [];
  });
  if (problems.length > 0) return { kind: 'attention', problems };

  const reasons = [
    ...status.hooks.filter((hook) => hook.state === 'outdated').map((hook) => `${hook.name} was written by another version`),
    ...status.hooks.filter((hook) => hook.state === 'missing').map((hook) => `${hook.name} is missing`),
    ...(!status.cliCopy.present ? ['the hooks\' copy of the CLI is missing'] : status.cliCopy.current === false ? ['the hooks\' copy of the CLI differs from this extension\'s'] : []),
    ...(status.nodeFallbackPresent === false ? [`the node the hooks fall back to (${status.nodeFallback}) no longer exists`] : []),
  ];
  return { kind: 'stale', reasons };
}

/** Whether prepare-commit-msg is our wrapper, i.e. the next commit gets its trailers rewritten by us. */
export function writesTrailers(status: HooksStatus): boolean {
  const hook = status.hooks.find((candidate) => candidate.name === 'prepare-commit-msg');
  return hook !== undefined && OUR_WRAPPER.has(hook.state) && status.cliCopy.present;
}
