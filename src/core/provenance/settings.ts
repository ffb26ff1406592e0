import { loadClassifier, type ProjectConfig } from '../config';
import type { ConfigSource } from '../config/configSource';
import type { LoadBearingClassifier } from '../loadBearing';
import { git } from '../git/exec';

/**
 * What this feature reads:
 * - `.ai-provenance.json` and CODEOWNERS (team-wide, via the project config
 *   loader): `loadBearing`, `risk` and `policy`;
 * - git config (per clone or per user): `aiProvenance.alwaysTrailer`,
 *   `aiProvenance.blastRadius` (auto|off), `aiProvenance.hookBlastRadius`,
 *   and `core.commentChar`.
 */
export interface ProvenanceSettings {
  /** Add `AI-Lines: 0/N` to commits without AI lines. */
  readonly alwaysTrailer: boolean;
  /** CLI commands compute AI-Blast-Radius from the workspace index cache when there is one ('off': never). */
  readonly blastRadius: 'auto' | 'off';
  /**
   * Hooks load the index cache too. Off by default: building the index, even
   * from its cache, costs more than a commit can wait for.
   */
  readonly hookBlastRadius: boolean;
  /** core.commentChar as configured ('#' by default; may be 'auto'). */
  readonly commentChar: string;
  readonly project: ProjectConfig;
  /** The project's load-bearing classifier (.ai-provenance.json and CODEOWNERS; no user setting). */
  readonly classifier: LoadBearingClassifier;
  /** Problems for the user (an invalid .ai-provenance.json or CODEOWNERS). */
  readonly problems: readonly string[];
}

/** Every git config value, keys as git prints them (section and name lower-cased). */
export async function readGitConfig(root: string): Promise<Map<string, string[]>> {
  const { stdout } = await git(['config', '-z', '--list'], { cwd: root, allowFailure: true });
  return parseGitConfig(stdout);
}

/** What `git config -z --list` printed, as a map (keys as git prints them). */
export function parseGitConfig(text: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const entry of text.split('\0')) {
    if (entry === '') continue;
    const newline = entry.indexOf('\n');
    const key = newline < 0 ? entry : entry.slice(0, newline);
    const value = newline < 0 ? 'true' : entry.slice(newline + 1);
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return values;
}

/** The value git uses for a key set more than once: the last. */
export function lastValue(config: ReadonlyMap<string, string[]>, key: string): string | undefined {
  const values = config.get(key);
  return values?.[values.length - 1];
}

/** git's boolean spellings; undefined for anything else. */
export function gitBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const normalized = value.trim().toLowerCase();
  if (['true', 'yes', 'on', '1', ''].includes(normalized)) return true;
  if (['false', 'no', 'off', '0'].includes(normalized)) return false;
  return undefined;
}

/**
 * `configSource`: where `.ai-provenance.json` and CODEOWNERS come from (default: the work tree);
 * `gitConfigText`: what `git config -z --list` printed, when the caller has it already (the commit hook's facts).
 */
export async function readProvenanceSettings(root: string, configSource?: ConfigSource, gitConfigText?: string): Promise<ProvenanceSettings> {
  const [loaded, gitConfig] = await Promise.all([
    loadClassifier(root, undefined, configSource),
    gitConfigText === undefined ? readGitConfig(root) : parseGitConfig(gitConfigText),
  ]);
  const blastRadius = lastValue(gitConfig, 'aiprovenance.blastradius');
  return {
    alwaysTrailer: gitBoolean(lastValue(gitConfig, 'aiprovenance.alwaystrailer')) ?? false,
    blastRadius: blastRadius?.trim().toLowerCase() === 'off' || gitBoolean(blastRadius) === false ? 'off' : 'auto',
    hookBlastRadius: gitBoolean(lastValue(gitConfig, 'aiprovenance.hookblastradius')) ?? false,
    commentChar: lastValue(gitConfig, 'core.commentchar') ?? lastValue(gitConfig, 'core.commentstring') ?? '#',
    project: loaded.config,
    classifier: loaded.classifier,
    problems: loaded.problems,
  };
}
