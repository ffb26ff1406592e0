import type { UserLoadBearingSettings } from '../loadBearing/loadBearingConfig';
import { readObject, reportUnknownKeys } from './fields';
import { ProblemReporter } from './problems';
import { validateClassOverrides } from './validateClasses';

/** The VS Code setting that holds a user's own load-bearing classes. */
export const USER_SETTING = 'aiProvenance.loadBearing';

/**
 * Validates the raw value of the `aiProvenance.loadBearing` setting:
 * `{ "classes": { "<name>": { ...same fields as in .ai-provenance.json } } }`.
 */
export function parseUserLoadBearingSettings(value: unknown): {
  readonly settings: UserLoadBearingSettings;
  readonly problems: readonly string[];
} {
  const reporter = new ProblemReporter(`setting \`${USER_SETTING}\``);
  const object = readObject(value, '', reporter);
  if (!object) return { settings: {}, problems: reporter.problems };
  reportUnknownKeys(object, ['classes'], '', reporter);
  return { settings: { classes: validateClassOverrides(object['classes'], 'classes', reporter) }, problems: reporter.problems };
}
