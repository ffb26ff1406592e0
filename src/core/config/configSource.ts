import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readBlobs } from '../git/blobs';
import { CODEOWNERS_LOCATIONS } from '../loadBearing/codeownersFile';
import { PROJECT_CONFIG_FILE } from './projectConfig';

/**
 * Where the team's configuration (`.ai-provenance.json`, CODEOWNERS) is
 * read from: the work tree (the editor, the hooks) or a commit read through
 * git (the gate and the report take the base's, so that a pull request
 * cannot relax the policy it is judged by).
 */
export interface ConfigSource {
  /** For messages: "the work tree", "origin/main (4f2a91c0de)". */
  readonly label: string;
  /** The file's text; undefined when it does not exist there. Throws when it exists but cannot be read. */
  read(path: string): Promise<string | undefined>;
}

export function workTreeSource(root: string): ConfigSource {
  return {
    label: 'the work tree',
    async read(path) {
      try {
        return await readFile(join(root, path), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
      }
    },
  };
}

/** Every file the configuration is read from, so a commit source reads them with one git process. */
export const CONFIG_FILES: readonly string[] = [PROJECT_CONFIG_FILE, ...CODEOWNERS_LOCATIONS];

/** The configuration as committed in `commit` (a full object id), never the work tree. */
export async function commitSource(root: string, commit: string, label: string): Promise<ConfigSource> {
  const blobs = await readBlobs(
    root,
    CONFIG_FILES.map((path) => `${commit}:${path}`),
  );
  return {
    label,
    async read(path) {
      const blob =
        blobs.get(`${commit}:${path}`) ??
        (CONFIG_FILES.includes(path) ? undefined : (await readBlobs(root, [`${commit}:${path}`])).get(`${commit}:${path}`));
      return blob?.toString('utf8');
    },
  };
}
