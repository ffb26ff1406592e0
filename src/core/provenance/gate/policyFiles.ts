import { readBlobs } from '../../git/blobs';
import { git } from '../../git/exec';
import { unquoteGitPath } from '../../git/quotedPath';

/**
 * Files whose change can weaken the gate or the commit hooks: the policy and
 * classes (`.ai-provenance.json`), CODEOWNERS (which can map owners to
 * classes), and the hook configuration a team's checks run from. A pull
 * request is judged by its base's versions of the first two, so changing
 * them there does nothing for that pull request; but once merged the change
 * judges every later one, so it needs a review the policy accepts.
 */
export const POLICY_FILES: readonly string[] = [
  '.ai-provenance.json',
  'CODEOWNERS',
  '.github/CODEOWNERS',
  'docs/CODEOWNERS',
  // Hook configuration: Husky, the pre-commit framework, lefthook, simple-git-hooks, a committed hooks directory.
  '.husky/**',
  '.pre-commit-config.yaml',
  'lefthook.yml',
  'lefthook.yaml',
  '.lefthook.yml',
  '.lefthook.yaml',
  '.simple-git-hooks.json',
  '.simple-git-hooks.js',
  '.simple-git-hooks.cjs',
  '.githooks/**',
];

/** CI workflows count when one of their versions runs the gate: a change there can remove it. */
const WORKFLOWS = '.github/workflows/*';
const RUNS_THE_GATE = /ai-provenance/i;

export interface PolicyChange {
  readonly path: string;
  /** The commits of the range that changed it (merges only when they changed it themselves). */
  readonly commits: readonly string[];
}

/**
 * The policy files that `base..head` changes (compared from the merge base,
 * so what the base changed meanwhile does not count), with the commits that
 * changed each. A change undone later in the range is no change.
 */
export async function policyChanges(root: string, base: string, head: string): Promise<PolicyChange[]> {
  const mergeBase = (await git(['merge-base', base, head], { cwd: root, allowFailure: true })).stdout.trim() || base;
  const pathspecs = [...POLICY_FILES, WORKFLOWS].map((pattern) => `:(glob)${pattern}`);
  const { stdout } = await git(['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', mergeBase, head, '--', ...pathspecs], {
    cwd: root,
  });
  let paths = stdout.split('\n').filter(Boolean).map(unquoteGitPath);
  const workflows = paths.filter((path) => path.startsWith('.github/workflows/'));
  if (workflows.length > 0) {
    const blobs = await readBlobs(
      root,
      workflows.flatMap((path) => [`${mergeBase}:${path}`, `${head}:${path}`]),
    );
    const runsGate = (path: string) => [mergeBase, head].some((commit) => RUNS_THE_GATE.test(blobs.get(`${commit}:${path}`)?.toString('utf8') ?? ''));
    paths = paths.filter((path) => !path.startsWith('.github/workflows/') || runsGate(path));
  }
  if (paths.length === 0) return [];
  return commitsChanging(root, base, head, paths);
}

async function commitsChanging(root: string, base: string, head: string, paths: readonly string[]): Promise<PolicyChange[]> {
  // --cc: a merge lists only the files it changed itself (an "evil merge"), not what it brought in.
  const { stdout } = await git(
    [
      '-c',
      'core.quotePath=false',
      'log',
      '--cc',
      '--name-only',
      '--no-renames',
      '--format=%x1e%H',
      `${base}..${head}`,
      '--',
      ...paths.map((path) => `:(literal)${path}`),
    ],
    { cwd: root },
  );
  const byPath = new Map<string, string[]>(paths.map((path) => [path, []]));
  for (const record of stdout.split('\x1e').slice(1)) {
    const [sha, ...files] = record.split('\n').map((line) => line.trim());
    for (const file of files.filter(Boolean).map(unquoteGitPath)) byPath.get(file)?.push(sha);
  }
  return [...byPath].map(([path, commits]) => ({ path, commits: commits.reverse() }));
}
