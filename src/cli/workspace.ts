import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findRepository, fromRepoPath, type Repository, resolveCommit, storeDirOf, toRepoPath } from '../core/git';
import { RegionStore } from '../core/store';
import { describeUnreadable, readTextFile } from '../core/text';
import { takeInFetchedNotes } from '../core/provenance';
import { CliError, type CliIO } from './command';

/** The git repository around the working directory, for commands that need one. */
export async function requireRepository(io: CliIO): Promise<Repository> {
  const repository = await findRepository(io.cwd);
  if (!repository) throw new CliError(`not a git repository: ${io.cwd}`);
  return repository;
}

/** The repository (or plain folder) a CLI command works on, with its store. */
export interface CliWorkspace {
  readonly root: string;
  readonly inGit: boolean;
  readonly store: RegionStore;
  /** Repo-relative path of a file named on the command line. */
  repoPath(file: string): string;
  absolutePath(repoPath: string): string;
  /** The file's text on disk; a clear error when it cannot be used. */
  readText(repoPath: string): string;
}

export interface WorkspaceOptions {
  /** --store: where to keep regions outside git (or to override). */
  readonly storeDir?: string;
  /** A file or directory the command is about; the repository is found from it. */
  readonly near?: string;
}

/** The path itself when it is a directory, else its closest existing ancestor. */
function nearestDirectory(path: string): string {
  let current = path;
  while (!(existsSync(current) && statSync(current).isDirectory())) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

export async function openWorkspace(io: CliIO, options: WorkspaceOptions = {}): Promise<CliWorkspace> {
  const searchFrom = nearestDirectory(options.near ? resolve(io.cwd, options.near) : io.cwd);
  const repository = await findRepository(searchFrom);
  const explicitStore = options.storeDir ?? io.env.AI_PROVENANCE_STORE;
  if (!repository && !explicitStore) {
    throw new CliError(`not a git repository: ${searchFrom} (pass --store <dir> to keep regions outside git)`);
  }
  const root = repository?.root ?? io.cwd;
  const storeDir = explicitStore ? resolve(io.cwd, explicitStore) : storeDirOf(repository!);
  const texts = new Map<string, string | undefined>();
  const absolutePath = (repoPath: string) => fromRepoPath(root, repoPath);
  const store = await RegionStore.open({
    storeDir,
    textOf: (repoPath) => {
      if (!texts.has(repoPath)) {
        const result = readTextFile(absolutePath(repoPath));
        texts.set(repoPath, result.kind === 'text' ? result.text : undefined);
      }
      return texts.get(repoPath);
    },
  });
  for (const problem of store.problems) io.stderr(`ai-provenance: ${problem}\n`);
  return {
    root,
    inGit: repository !== undefined,
    store,
    absolutePath,
    repoPath(file) {
      const path = toRepoPath(root, resolve(io.cwd, file));
      if (!path) throw new CliError(`${file} is outside ${root}`);
      return path;
    },
    readText(repoPath) {
      const result = readTextFile(absolutePath(repoPath));
      if (result.kind !== 'text') throw new CliError(`${repoPath} ${describeUnreadable(result)}`);
      texts.set(repoPath, result.text);
      return result.text;
    },
  };
}

/** Before a command reads notes: merges in what `git fetch` brought (never fails; problems go to stderr). */
export async function takeInFetchedNotesFor(root: string, io: CliIO): Promise<void> {
  for (const problem of await takeInFetchedNotes(root)) io.stderr(`ai-provenance: ${problem}\n`);
}

/** The commit `rev` names, or a clear error. */
export async function requireCommit(root: string, rev: string): Promise<string> {
  const commit = await resolveCommit(root, rev);
  if (!commit) throw new CliError(`${rev} is not a commit here`);
  return commit;
}
