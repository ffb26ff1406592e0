import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where GitHub looks for CODEOWNERS, in its order: the first one found wins. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export interface CodeownersSource {
  /** Repo-relative path of the file that was used. */
  readonly path: string;
  readonly text: string;
}

export async function readCodeowners(repoRoot: string): Promise<CodeownersSource | undefined> {
  for (const path of CODEOWNERS_LOCATIONS) {
    try {
      return { path, text: await readFile(join(repoRoot, path), 'utf8') };
    } catch {
      // Absent or unreadable: GitHub would look at the next location too.
    }
  }
  return undefined;
}
