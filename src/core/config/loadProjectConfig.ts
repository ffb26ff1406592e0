import { workTreeSource, type ConfigSource } from './configSource';
import { parseProjectConfig, type ProjectConfigResult } from './parseProjectConfig';
import { DEFAULT_PROJECT_CONFIG, PROJECT_CONFIG_FILE } from './projectConfig';

/**
 * Reads `.ai-provenance.json` from the repository root (or another source:
 * a commit, for the gate). A missing file means the defaults, without
 * problems; an unreadable or invalid one means the defaults for the bad
 * parts, with problems to show. Never throws.
 */
export async function loadProjectConfig(
  repoRoot: string,
  source: ConfigSource = workTreeSource(repoRoot),
): Promise<ProjectConfigResult & { readonly found: boolean }> {
  let text: string | undefined;
  try {
    text = await source.read(PROJECT_CONFIG_FILE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      config: DEFAULT_PROJECT_CONFIG,
      problems: [`\`${PROJECT_CONFIG_FILE}\`: could not be read (${reason}); using the defaults`],
      found: true,
    };
  }
  if (text === undefined) return { config: DEFAULT_PROJECT_CONFIG, problems: [], found: false };
  return { ...parseProjectConfig(text), found: true };
}
