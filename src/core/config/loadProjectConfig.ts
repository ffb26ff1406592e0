import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProjectConfig, type ProjectConfigResult } from './parseProjectConfig';
import { DEFAULT_PROJECT_CONFIG, PROJECT_CONFIG_FILE } from './projectConfig';

/**
 * Reads `<repoRoot>/.ai-provenance.json`. A missing file means the defaults,
 * without problems; an unreadable or invalid one means the defaults for the
 * bad parts, with problems to show. Never throws.
 */
export async function loadProjectConfig(repoRoot: string): Promise<ProjectConfigResult & { readonly found: boolean }> {
  let text: string;
  try {
    text = await readFile(join(repoRoot, PROJECT_CONFIG_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { config: DEFAULT_PROJECT_CONFIG, problems: [], found: false };
    const reason = error instanceof Error ? error.message : String(error);
    return { config: DEFAULT_PROJECT_CONFIG, problems: [`\`${PROJECT_CONFIG_FILE}\`: could not be read (${reason}); using the defaults`], found: true };
  }
  return { ...parseProjectConfig(text), found: true };
}
