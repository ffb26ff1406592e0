import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { git } from './exec';

export interface Repository {
  /** The work tree's top directory. */
  readonly root: string;
  /** The common git directory, shared by all worktrees of the repository. */
  readonly commonDir: string;
}

/** The repository containing `directory`, or undefined outside git (or without git). */
export async function findRepository(directory: string): Promise<Repository | undefined> {
  try {
    const { stdout, exitCode } = await git(['rev-parse', '--show-toplevel', '--git-common-dir'], {
      cwd: directory,
      allowFailure: true,
    });
    if (exitCode !== 0) return undefined;
    const [root, commonDir] = stdout.trim().split('\n');
    if (!root || !commonDir) return undefined;
    return { root: resolve(root), commonDir: isAbsolute(commonDir) ? commonDir : resolve(directory, commonDir) };
  } catch {
    return undefined;
  }
}

/** Where AI Provenance keeps its data for a repository. */
export function storeDirOf(repository: Repository): string {
  return join(repository.commonDir, 'ai-provenance');
}

/** `absolutePath` relative to `root` with `/` separators, or undefined when outside it. */
export function toRepoPath(root: string, absolutePath: string): string | undefined {
  const path = relative(root, resolve(absolutePath));
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

export function fromRepoPath(root: string, repoPath: string): string {
  return join(root, ...repoPath.split('/'));
}
