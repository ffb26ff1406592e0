import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What resolution may know about the repository: which files exist (from the
 * listing, so existence checks are set lookups, not system calls) and the
 * text of configuration files.
 */
export interface ResolverHost {
  /** Absolute repository root. */
  readonly root: string;
  /** Whether a repo-relative file exists (indexed or not: .json, .css, skipped files count). */
  exists(path: string): boolean;
  /** Repo-relative files directly inside a directory. */
  filesIn(directory: string): readonly string[];
  /** Repo-relative paths of every file with this base name (package.json, go.mod, ...). */
  filesNamed(name: string): readonly string[];
}

/** Reads a config file; repo-relative or absolute. */
export function readText(host: ResolverHost, path: string): string | undefined {
  try {
    return readFileSync(path.startsWith('/') ? path : join(host.root, path), 'utf8');
  } catch {
    return undefined;
  }
}

export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** posix join + normalise of repo-relative paths; returns undefined when it climbs above the root. */
export function joinPath(directory: string, relative: string): string | undefined {
  const parts = directory === '' ? [] : directory.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(segment);
    }
  }
  return parts.join('/');
}
