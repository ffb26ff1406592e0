import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { toRepoPath } from '../../core/git';
import { languageOf, type PathSkipRules, RESOLUTION_CONFIG_NAMES } from '../../core/index';
import type { GitignoreCheck } from './gitignoreCheck';
import type { FileChange } from './protocol';

/**
 * Sorts the paths a batch of file events reported into what the index must
 * do: re-read some files, rebuild from a fresh listing, or nothing. Watchers
 * report everything (temporary files, build output, package installs); only
 * what the index would have listed itself gets through. No `vscode`.
 */

export interface Triage {
  /** Repo-relative paths for WorkspaceIndex.updateFiles. */
  readonly update: readonly string[];
  /** Why a full build (fresh listing) is needed instead, if it is. */
  readonly refresh: string | undefined;
  readonly ignored: number;
}

export interface TriageContext {
  readonly root: string;
  readonly rules: PathSkipRules;
  readonly gitignore: GitignoreCheck;
  /** Whether the index holds this repo-relative path. */
  isIndexed(path: string): boolean;
}

/** More paths than this in one batch (a checkout, a generator): listing again is cheaper and surer. */
export const BULK_CHANGE_LIMIT = 500;

type Kind = 'file' | 'directory' | 'missing';

export function triageChanges(changes: readonly FileChange[], context: TriageContext): Triage {
  const update = new Set<string>();
  let ignored = 0;
  for (const change of changes) {
    const path = toRepoPath(context.root, resolve(context.root, change.path));
    const decision = path === undefined ? 'ignore' : decide(path, kindOf(context.root, path), change.kind, context);
    if (decision === 'ignore') ignored++;
    else if (decision === 'update') update.add(path!);
    else return { update: [], refresh: decision.refresh, ignored };
  }
  if (update.size > BULK_CHANGE_LIMIT) return { update: [], refresh: `${update.size} files changed at once`, ignored };
  return { update: [...update], refresh: undefined, ignored };
}

function decide(path: string, kind: Kind, event: FileChange['kind'], context: TriageContext): 'ignore' | 'update' | { refresh: string } {
  if (path.split('/').includes('.git')) return 'ignore';
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === '.gitignore') return { refresh: `${path} changed` };
  // What the index holds is always re-read: changed, or removed.
  if (context.isIndexed(path)) return 'update';
  const reason = context.rules.reasonFor(path);
  if (reason === 'vendored' || reason === 'excluded') return 'ignore';
  const relevant = languageOf(path) !== undefined || RESOLUTION_CONFIG_NAMES.has(name);
  switch (kind) {
    // A folder moved or copied in: its files may not be reported one by one.
    case 'directory':
      return event !== 'created' || context.gitignore.ignores(path, true) ? 'ignore' : { refresh: `folder ${path} appeared` };
    case 'file':
      return relevant && !context.gitignore.ignores(path) ? 'update' : 'ignore';
    case 'missing':
      // A config file that went away changes resolution; a source file the
      // index never held changes nothing; a name without an extension may be
      // a deleted folder, whose files the index drops in one go.
      if (RESOLUTION_CONFIG_NAMES.has(name)) return 'update';
      return relevant || name.includes('.') ? 'ignore' : 'update';
  }
}

function kindOf(root: string, path: string): Kind {
  try {
    const stat = statSync(`${root}/${path}`);
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'missing';
  } catch {
    return 'missing';
  }
}
