import { readString, reportUnknownKeys } from './fields';
import { ProblemReporter } from './problems';
import { DEFAULT_PROJECT_CONFIG, PROJECT_CONFIG_FILE, TOP_LEVEL_KEYS, type ProjectConfig } from './projectConfig';
import { validateLoadBearing } from './validateLoadBearing';
import { validatePolicy } from './validatePolicy';
import { validateRisk } from './validateRisk';

export interface ProjectConfigResult {
  readonly config: ProjectConfig;
  /** One line each; empty when the file is fine (or absent). */
  readonly problems: readonly string[];
}

const SOURCE = `\`${PROJECT_CONFIG_FILE}\``;

/** Parses the text of `.ai-provenance.json`. Never throws. */
export function parseProjectConfig(text: string): ProjectConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { config: DEFAULT_PROJECT_CONFIG, problems: [`${SOURCE}: is not valid JSON (${reason}); using the defaults`] };
  }
  return validateProjectConfig(value);
}

/** Validates an already parsed value. Bad parts are reported and defaulted. */
export function validateProjectConfig(value: unknown): ProjectConfigResult {
  const reporter = new ProblemReporter(SOURCE);
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (!object) return { config: DEFAULT_PROJECT_CONFIG, problems: [`${SOURCE}: must contain a JSON object; using the defaults`] };
  reportUnknownKeys(object, TOP_LEVEL_KEYS, '', reporter);
  readString(object['$schema'], '$schema', reporter);
  const config: ProjectConfig = {
    loadBearing: validateLoadBearing(object['loadBearing'], 'loadBearing', reporter),
    risk: validateRisk(object['risk'], 'risk', reporter),
    policy: validatePolicy(object['policy'], 'policy', reporter),
  };
  return { config, problems: reporter.problems };
}
