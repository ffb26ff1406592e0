import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitignoreRules } from './gitignore';

/**
 * How a repository's files are listed. `git`: by git in a git work tree, by
 * the walker elsewhere. `walk`: always by the walker, and no process is
 * started; for untrusted workspaces, where a repository's git configuration
 * (core.fsmonitor, for one) could make git run programs.
 */
export type FileListing = 'git' | 'walk';

/**
 * Lists the repository's files (repo-relative, '/'-separated) that git would
 * not ignore. In a git work tree one `git ls-files` call applies git's own
 * rules (tracked + untracked-not-ignored, with .git/info/exclude and the
 * global excludes file); elsewhere, or when asked to, a walker applies
 * .gitignore files itself.
 *
 * git starts at once and runs while the caller goes on (the index loads its
 * cache meanwhile); it writes into a temporary file, so it never waits for
 * a caller busy with synchronous work.
 */
export async function listRepositoryFiles(
  root: string,
  skipsDirectory: (path: string) => boolean,
  listing: FileListing = 'git',
): Promise<{ files: string[]; source: FileListing }> {
  const fromGit = listing === 'git' ? await gitListFiles(root) : undefined;
  // Zero files from git: not a repository, or a folder the enclosing repository ignores.
  if (fromGit && fromGit.length > 0) return { files: fromGit, source: 'git' };
  return { files: walkFiles(root, skipsDirectory), source: 'walk' };
}

let listings = 0;

function gitListFiles(root: string): Promise<string[] | undefined> {
  const output = join(tmpdir(), `ai-provenance-ls-files-${process.pid}-${listings++}`);
  let descriptor: number;
  try {
    descriptor = openSync(output, 'w');
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise<number | null>((resolve) => {
    try {
      const child = spawn('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
        cwd: root,
        stdio: ['ignore', descriptor, 'ignore'],
      });
      child.once('error', () => resolve(null));
      child.once('close', (code) => resolve(code));
    } catch {
      resolve(null);
    } finally {
      // git has its own copy of the descriptor.
      closeSync(descriptor);
    }
  }).then((code) => {
    try {
      if (code !== 0) return undefined;
      const files = new Set<string>();
      for (const path of readFileSync(output, 'utf8').split('\0')) if (path) files.add(path);
      return [...files];
    } catch {
      return undefined;
    } finally {
      rmSync(output, { force: true });
    }
  });
}

function walkFiles(root: string, skipsDirectory: (path: string) => boolean): string[] {
  const files: string[] = [];
  const visit = (relative: string, rules: GitignoreRules) => {
    const absolute = relative === '' ? root : join(root, relative);
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    const ignoreFile = entries.find((entry) => entry.name === '.gitignore' && entry.isFile());
    if (ignoreFile) {
      try {
        rules = rules.child(relative, readFileSync(join(absolute, '.gitignore'), 'utf8'));
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === '.git' || skipsDirectory(path) || rules.ignores(path, true)) continue;
        visit(path, rules);
      } else if (entry.isFile() && !rules.ignores(path, false)) {
        files.push(path);
      }
    }
  };
  visit('', GitignoreRules.root());
  return files;
}

/**
 * How many files git tracks in `root`, read from the header of its index file
 * (signature `DIRC`, version, entry count), without starting git. Undefined
 * when `root` is not the top of a work tree with a `.git` folder, or the file
 * is not a git index. A hint for sizing work before the listing is done.
 */
export function trackedFileCountHint(root: string): number | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(join(root, '.git', 'index'), 'r');
  } catch {
    return undefined;
  }
  try {
    const header = Buffer.alloc(12);
    if (readSync(descriptor, header, 0, 12, 0) < 12 || header.toString('latin1', 0, 4) !== 'DIRC') return undefined;
    return header.readUInt32BE(8);
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}
