import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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
    const { stdout, exitCode } = await git(['rev-parse', '--show-toplevel', '--git-common-dir', '--show-prefix'], {
      cwd: directory,
      allowFailure: true,
    });
    if (exitCode !== 0) return undefined;
    const [toplevel, commonDir, prefix = ''] = stdout.split('\n');
    if (!toplevel || !commonDir) return undefined;
    return {
      root: rootAsSeenFrom(directory, resolve(toplevel), prefix),
      commonDir: isAbsolute(commonDir) ? commonDir : resolve(directory, commonDir),
    };
  } catch {
    return undefined;
  }
}

/**
 * git names the top directory by its real path; a workspace opened through
 * a symlink names its files through the link. The root is taken as the
 * caller sees it (`directory` minus its path inside the repository), so
 * that the editor's file paths fall inside it, when both are the same
 * directory on disk.
 */
function rootAsSeenFrom(directory: string, toplevel: string, prefix: string): string {
  const depth = prefix.split('/').filter((part) => part !== '').length;
  let seen = resolve(directory);
  for (let level = 0; level < depth; level++) seen = dirname(seen);
  if (seen === toplevel) return toplevel;
  try {
    return realpathSync(seen) === realpathSync(toplevel) ? seen : toplevel;
  } catch {
    return toplevel;
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
