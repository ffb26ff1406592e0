import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { git } from '../exec';
import { toRepoPath } from '../repository';

export interface HooksLocation {
  /** Absolute directory git runs hooks from (core.hooksPath or <git dir>/hooks). */
  readonly dir: string;
  /** Husky v9 layout: core.hooksPath=.husky/_ with its generated `h` runner. */
  readonly husky: boolean;
  /** Set when the directory belongs to no single repository (a shared core.hooksPath). */
  readonly shared: boolean;
  /** True when the directory is inside the work tree but not in the git directory (files there can be tracked). */
  readonly inWorkTree: boolean;
}

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** Where git looks for this repository's hooks, honoring core.hooksPath. */
export async function hooksLocation(root: string, commonDir: string): Promise<HooksLocation> {
  const { stdout } = await git(['rev-parse', '--git-path', 'hooks'], { cwd: root });
  const dir = resolve(root, stdout.trim());
  // Compare real paths: a symlinked temp directory (macOS /var) must not look like another place.
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : path);
  const inGitDir = isInside(real(commonDir), real(dir));
  const inWorkTree = !inGitDir && isInside(real(root), real(dir));
  const husky = existsSync(join(dir, 'h')) && /(^|[\\/])\.husky[\\/]_$/.test(dir);
  return { dir, husky, shared: !inWorkTree && !inGitDir, inWorkTree };
}

/** Which of `files` (absolute, inside the work tree) git tracks. */
export async function trackedFiles(root: string, files: readonly string[]): Promise<Set<string>> {
  const relativePaths = files.map((file) => toRepoPath(root, file)).filter((path): path is string => path !== undefined);
  if (relativePaths.length === 0) return new Set();
  const { stdout } = await git(['ls-files', '-z', '--', ...relativePaths], { cwd: root, allowFailure: true });
  return new Set(
    stdout
      .split('\0')
      .filter(Boolean)
      .map((path) => join(root, path)),
  );
}
