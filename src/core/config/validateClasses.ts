import { CLASS_NAME_PATTERN, CLASS_OVERRIDE_KEYS, STRUCTURE_CLASS, type ClassOverride } from '../loadBearing/classDefinition';
import { segmentTokens } from '../loadBearing/pathTokens';
import { SEVERITIES } from '../loadBearing/severity';
import { readBoolean, readEnum, readObject, readString, readStringList, reportUnknownKeys } from './fields';
import { childPath, type ProblemReporter } from './problems';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `{ "<class name>": { ...override } }`, from the project file or user settings. */
export function validateClassOverrides(value: unknown, path: string, reporter: ProblemReporter): Record<string, ClassOverride> {
  const object = readObject(value, path, reporter);
  const result: Record<string, ClassOverride> = {};
  if (!object) return result;
  for (const [name, raw] of Object.entries(object)) {
    const classPath = childPath(path, name);
    if (!isUsableClassName(name, classPath, reporter)) continue;
    const override = validateClassOverride(raw, classPath, reporter);
    if (override) result[name] = override;
  }
  return result;
}

/** Checks a class name a team defines or maps to; reports and returns false when it cannot be used. */
export function isUsableClassName(name: string, path: string, reporter: ProblemReporter): boolean {
  const problem = name === STRUCTURE_CLASS ? STRUCTURE_IS_RESERVED : classNameProblem(name);
  if (problem !== undefined) reporter.report(path, `${problem}; ignored`);
  return problem === undefined;
}

const STRUCTURE_IS_RESERVED = `"${STRUCTURE_CLASS}" is reserved for high fan-in files (see loadBearing.fanIn)`;

export function classNameProblem(name: string): string | undefined {
  if (CLASS_NAME_PATTERN.test(name)) return undefined;
  return `"${name}" is not a valid class name (lower-case letters, digits and dashes, starting with a letter)`;
}

function validateClassOverride(value: unknown, path: string, reporter: ProblemReporter): ClassOverride | undefined {
  const object = readObject(value, path, reporter);
  if (!object) return undefined;
  reportUnknownKeys(object, CLASS_OVERRIDE_KEYS, path, reporter);
  const result: Mutable<ClassOverride> = {};
  const description = readString(object['description'], childPath(path, 'description'), reporter);
  if (description !== undefined) result.description = description;
  const severity = readEnum(object['severity'], SEVERITIES, childPath(path, 'severity'), reporter);
  if (severity !== undefined) result.severity = severity;
  for (const field of ['include', 'exclude', 'ignorePhrases'] as const) {
    const list = readStringList(object[field], childPath(path, field), reporter);
    if (list !== undefined) result[field] = list;
  }
  const keywords = readKeywords(object['keywords'], childPath(path, 'keywords'), reporter);
  if (keywords !== undefined) result.keywords = keywords;
  for (const field of ['replace', 'enabled'] as const) {
    const flag = readBoolean(object[field], childPath(path, field), reporter);
    if (flag !== undefined) result[field] = flag;
  }
  return result;
}

/** Keywords must contain a letter or digit: "--" would never match anything. */
function readKeywords(value: unknown, path: string, reporter: ProblemReporter): string[] | undefined {
  return readStringList(value, path, reporter, (keyword) =>
    segmentTokens(keyword).length > 0 ? undefined : `"${keyword}" has no letters or digits to match`,
  );
}
