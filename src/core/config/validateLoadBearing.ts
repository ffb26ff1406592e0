import { DEFAULT_CLASSES } from '../loadBearing/defaultClasses';
import { DEFAULT_LOAD_BEARING_CONFIG, type CodeownersConfig, type FanInConfig, type LoadBearingConfig } from '../loadBearing/loadBearingConfig';
import { SEVERITIES } from '../loadBearing/severity';
import { readBoolean, readEnum, readNumber, readObject, readStringList, reportUnknownKeys } from './fields';
import { childPath, type ProblemReporter } from './problems';
import { CODEOWNERS_KEYS, FAN_IN_KEYS, LOAD_BEARING_KEYS } from './projectConfig';
import { isUsableClassName, validateClassOverrides } from './validateClasses';

export function validateLoadBearing(value: unknown, path: string, reporter: ProblemReporter): LoadBearingConfig {
  const defaults = DEFAULT_LOAD_BEARING_CONFIG;
  const object = readObject(value, path, reporter);
  if (!object) return defaults;
  reportUnknownKeys(object, LOAD_BEARING_KEYS, path, reporter);
  return {
    classes: validateClassOverrides(object['classes'], childPath(path, 'classes'), reporter),
    disableDefaults: readDisableDefaults(object['disableDefaults'], childPath(path, 'disableDefaults'), reporter),
    exclude: readStringList(object['exclude'], childPath(path, 'exclude'), reporter) ?? defaults.exclude,
    disableDefaultExclude:
      readBoolean(object['disableDefaultExclude'], childPath(path, 'disableDefaultExclude'), reporter) ?? defaults.disableDefaultExclude,
    codeowners: readCodeowners(object['codeowners'], childPath(path, 'codeowners'), reporter),
    fanIn: readFanIn(object['fanIn'], childPath(path, 'fanIn'), reporter),
  };
}

/** true, false, or a list of built-in class names. */
function readDisableDefaults(value: unknown, path: string, reporter: ProblemReporter): boolean | string[] {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  const builtIn = DEFAULT_CLASSES.map((definition) => definition.name);
  const list = Array.isArray(value)
    ? readStringList(value, path, reporter, (name) =>
        builtIn.includes(name) ? undefined : `"${name}" is not a built-in class (${builtIn.join(', ')})`,
      )
    : undefined;
  if (list) return list;
  reporter.report(path, 'must be true, false or a list of built-in class names; ignored');
  return false;
}

function readCodeowners(value: unknown, path: string, reporter: ProblemReporter): CodeownersConfig {
  const defaults = DEFAULT_LOAD_BEARING_CONFIG.codeowners;
  const object = readObject(value, path, reporter);
  if (!object) return defaults;
  reportUnknownKeys(object, CODEOWNERS_KEYS, path, reporter);
  const owners: Record<string, readonly string[]> = {};
  const ownersPath = childPath(path, 'owners');
  for (const [owner, classes] of Object.entries(readObject(object['owners'], ownersPath, reporter) ?? {})) {
    const ownerPath = childPath(ownersPath, owner);
    const names = typeof classes === 'string' ? [classes] : readStringList(classes, ownerPath, reporter);
    if (names === undefined) continue;
    const usable = names.filter((name) => isUsableClassName(name, ownerPath, reporter));
    if (usable.length > 0) owners[owner] = usable;
  }
  return {
    enabled: readBoolean(object['enabled'], childPath(path, 'enabled'), reporter) ?? defaults.enabled,
    owners,
  };
}

function readFanIn(value: unknown, path: string, reporter: ProblemReporter): FanInConfig {
  const defaults = DEFAULT_LOAD_BEARING_CONFIG.fanIn;
  const object = readObject(value, path, reporter);
  if (!object) return defaults;
  reportUnknownKeys(object, FAN_IN_KEYS, path, reporter);
  return {
    enabled: readBoolean(object['enabled'], childPath(path, 'enabled'), reporter) ?? defaults.enabled,
    percentile: readNumber(object['percentile'], { minimum: 0, maximum: 1 }, childPath(path, 'percentile'), reporter) ?? defaults.percentile,
    minDependents:
      readNumber(object['minDependents'], { minimum: 0, integer: true }, childPath(path, 'minDependents'), reporter) ?? defaults.minDependents,
    severity: readEnum(object['severity'], SEVERITIES, childPath(path, 'severity'), reporter) ?? defaults.severity,
  };
}
