import { existsSync } from 'node:fs';
import { git } from '../../git/exec';
import { readHookFailures, type HookFailure } from '../../git/hooks/hookFailures';
import { readManifest } from '../../git/hooks/manifest';
import { unquoteGitPath } from '../../git/quotedPath';
import type { LoadBearingClassifier } from '../../loadBearing';
import { plural } from '../../text/plural';
import type { GatePolicy } from './policy';
import type { RangeCommit } from './rangeCommits';
import type { Finding } from './verdict';

/** What this clone knows about its own hooks (nothing in CI, where the gate runs on a fresh checkout). */
export interface LocalHooks {
  readonly installedAt?: number;
  readonly failures: readonly HookFailure[];
}

/** The hooks' records of this clone, or undefined when there are none (a CI checkout, a clone that never had them). */
export function readLocalHooks(storeDir: string): LocalHooks | undefined {
  if (!existsSync(storeDir)) return undefined;
  const manifest = readManifest(storeDir);
  const installedAt = manifest ? Date.parse(manifest.installedAt) : undefined;
  return { ...(installedAt !== undefined && Number.isFinite(installedAt) ? { installedAt } : {}), failures: readHookFailures(storeDir) };
}

/** The files each commit changes, with one git process (`diff-tree --stdin`). */
export async function changedFiles(root: string, commits: readonly string[]): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>();
  if (commits.length === 0) return files;
  const { stdout } = await git(['-c', 'core.quotePath=false', 'diff-tree', '--stdin', '-r', '--root', '--name-only', '--no-renames'], {
    cwd: root,
    input: `${commits.join('\n')}\n`,
  });
  let current: string[] | undefined;
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    if (/^[0-9a-f]{40,64}$/.test(line) && commits.includes(line)) {
      current = [];
      files.set(line, current);
    } else {
      current?.push(unquoteGitPath(line));
    }
  }
  return files;
}

export interface AttestationContext {
  readonly classifier: LoadBearingClassifier;
  readonly policy: GatePolicy;
  /** refs/notes/ai-provenance exists here; without it every commit without trailers looks unattested. */
  readonly notesFetched: boolean;
  readonly local?: LocalHooks;
}

/**
 * The `unattested` finding of a commit with neither a note nor AI-* trailers
 * that touches files the policy wants provenance for: an error for
 * `policy.requireProvenance` (its classes, or every file with `true`), a
 * warning for the default fail classes, nothing elsewhere.
 */
export function unattestedFinding(commit: RangeCommit, files: readonly string[], context: AttestationContext): Finding | undefined {
  const concern = concernedFiles(files, context);
  if (!concern) return undefined;
  const cause = likelyCause(commit, context);
  return {
    ...concern.finding,
    ...(cause ? { cause } : {}),
    message:
      `made without provenance: no note and no AI-* trailers, but it changes ${concern.what}` +
      `${cause ? `; likely cause: ${cause}` : ''}. Install the hooks (\`ai-provenance hook install\`) and write its note (\`ai-provenance notes write ${commit.sha.slice(0, 10)}\`), or amend it with them installed`,
  };
}

/**
 * The `unattested` finding of a merge commit that changes files itself
 * (content that is in none of its parents, git's combined diff: an "evil
 * merge" or a conflict resolution). Merges carry no provenance of their own,
 * so lines written there, AI code included, would otherwise pass unseen.
 */
export function mergeUnattestedFinding(merge: string, files: readonly string[], context: AttestationContext): Finding | undefined {
  const concern = concernedFiles(files, context);
  if (!concern) return undefined;
  return {
    ...concern.finding,
    cause: 'a merge commit: the lines it writes itself carry no provenance',
    message:
      `merge ${merge.slice(0, 10)} writes content of its own (in none of its parents) in ${concern.what}; ` +
      'a merge carries no provenance, so these lines were never tracked. Make such changes in a commit of their own, with the hooks installed',
  };
}

/** The files of `files` the policy wants provenance for, and how to name them; undefined when none. */
function concernedFiles(files: readonly string[], context: AttestationContext): { finding: Omit<Finding, 'message'>; what: string } | undefined {
  const { policy, classifier } = context;
  const classified = files.map((path) => ({ path, classes: classifier.classify(path).classes.map((match) => match.name) }));
  const required =
    policy.requireProvenance === true
      ? classified
      : classified.filter((file) => file.classes.some((name) => (policy.requireProvenance as readonly string[]).includes(name)));
  const warned = classified.filter((file) => file.classes.some((name) => policy.warnUnattestedIn.includes(name)));
  const concerned = required.length > 0 ? required : warned;
  if (concerned.length === 0) return undefined;
  const classes = [...new Set(concerned.flatMap((file) => file.classes))].sort();
  const named =
    concerned
      .slice(0, 3)
      .map((file) => file.path)
      .join(', ') + (concerned.length > 3 ? `, +${concerned.length - 3} more` : '');
  const rule =
    required.length > 0
      ? policy.requireProvenance === true
        ? 'policy.requireProvenance'
        : `policy.requireProvenance (${classes.filter((name) => (policy.requireProvenance as readonly string[]).includes(name)).join(', ')})`
      : undefined;
  return {
    finding: {
      level: required.length > 0 ? 'error' : 'warning',
      kind: 'unattested',
      rule: 'require-provenance',
      ...(concerned.length === 1 ? { path: concerned[0].path } : {}),
      classes,
    },
    what: `${plural(concerned.length, 'file')}${classes.length > 0 ? ` in ${classes.join(', ')}` : ''} (${named})${rule ? ` that ${rule} covers` : ''}`,
  };
}

/** The merge commits of `base..head` that change files themselves (git's combined diff), with those files. */
export async function mergesWithOwnChanges(root: string, base: string, head: string): Promise<Map<string, string[]>> {
  const { stdout } = await git(
    ['-c', 'core.quotePath=false', 'log', '--merges', '--cc', '--name-only', '--no-renames', '--format=%x1e%H', `${base}..${head}`, '--'],
    { cwd: root },
  );
  const merges = new Map<string, string[]>();
  for (const record of stdout.split('\x1e').slice(1)) {
    const [sha, ...files] = record.split('\n').map((line) => line.trim());
    const own = files.filter(Boolean).map(unquoteGitPath);
    if (own.length > 0) merges.set(sha, own);
  }
  return merges;
}

/** Why the commit probably has no provenance, from what this clone recorded; a general reason in CI. */
function likelyCause(commit: RangeCommit, context: AttestationContext): string | undefined {
  const { local } = context;
  const recorded =
    local?.failures.find((failure) => failure.commit === commit.sha) ??
    local?.failures.find((failure) => !failure.commit && Math.abs(failure.at - commit.committedAt) < 120_000);
  if (recorded) return `the ${recorded.hook} hook could not record it (${recorded.reason}: ${recorded.detail})`;
  if (!context.notesFetched)
    return "refs/notes/ai-provenance is not here: fetch it (git fetch origin 'refs/notes/*:refs/notes/*') or every commit without AI lines looks unattested";
  if (!local)
    return "made without AI Provenance's hooks (not installed, bypassed, or its note was not pushed: git push origin refs/notes/ai-provenance)";
  if (local.installedAt === undefined) return "AI Provenance's hooks are not installed in this clone";
  if (commit.committedAt < local.installedAt - 1000)
    return `committed before the hooks were installed here (${new Date(local.installedAt).toISOString()})`;
  return 'the hooks did not run for it (bypassed, e.g. `git -c core.hooksPath=...`, or committed in another clone whose note was not pushed)';
}
