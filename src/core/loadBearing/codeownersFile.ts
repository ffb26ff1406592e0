import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where GitHub looks for CODEOWNERS, in its order: the first one found wins. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export interface CodeownersSource {
  /** Repo-relative path of the file that was used. */
  readonly path: string;
  readonly text: string;
}

/** Reads from the work tree, or from `read` (a commit's files, for the gate). */
export async function readCodeowners(repoRoot: string, read?: (path: string) => Promise<string | undefined>): Promise<CodeownersSource | undefined> {
  for (const path of CODEOWNERS_LOCATIONS) {
    try {
      const text = read ? await read(path) : await readFile(join(repoRoot, path), 'utf8');
      if (text !== undefined) return { path, text };
    } catch {
      // Absent or unreadable: GitHub would look at the next location too.
    }
  }
  return undefined;
}
