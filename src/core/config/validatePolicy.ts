import { AI_RISK_LEVELS, type AiRiskLevel } from '../risk/riskLevel';
import { STRUCTURE_CLASS } from '../loadBearing/classDefinition';
import { readBoolean, readEnum, readNumber, readObject, readStringList } from './fields';
import { CLASS_POLICY_KEYS, DEFAULT_POLICY, POLICY_KEYS, type ClassPolicy, type PolicyChangesConfig, type PolicyConfig } from './policy';
import { childPath, type ProblemReporter } from './problems';
import { readRequireSignOff, readSignOffPolicy } from './signOffPolicy';
import { classNameProblem } from './validateClasses';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Validates the fields the policy defines and keeps every other property as
 * it is, for the gate to interpret (the schema allows additional properties
 * here on purpose).
 */
export function validatePolicy(value: unknown, path: string, reporter: ProblemReporter): PolicyConfig {
  const object = readObject(value, path, reporter);
  if (!object) return DEFAULT_POLICY;
  const extensions = Object.fromEntries(Object.entries(object).filter(([key]) => !(POLICY_KEYS as readonly string[]).includes(key)));
  const failOnRiskLevel = readEnum(object['failOnRiskLevel'], AI_RISK_LEVELS, childPath(path, 'failOnRiskLevel'), reporter);
  const requireSignOff = readRequireSignOff(object['requireSignOff'], childPath(path, 'requireSignOff'), reporter);
  const signOff = readSignOffPolicy(object['signOff'], childPath(path, 'signOff'), reporter);
  return {
    ...extensions,
    failOn: readClassNames(object['failOn'], childPath(path, 'failOn'), reporter) ?? DEFAULT_POLICY.failOn,
    ...(failOnRiskLevel !== undefined ? { failOnRiskLevel } : {}),
    requireReviewedByTrailer:
      readStringList(object['requireReviewedByTrailer'], childPath(path, 'requireReviewedByTrailer'), reporter, (level) =>
        (AI_RISK_LEVELS as readonly string[]).includes(level) ? undefined : `must be one of ${AI_RISK_LEVELS.join('|')}`,
      )?.map((level) => level as AiRiskLevel) ?? DEFAULT_POLICY.requireReviewedByTrailer,
    classes: readClassPolicies(object['classes'], childPath(path, 'classes'), reporter),
    ...(requireSignOff ? { requireSignOff } : {}),
    ...(signOff ? { signOff } : {}),
    ...optional(
      'requireProvenance',
      readTrueOrList(object['requireProvenance'], childPath(path, 'requireProvenance'), reporter, (name) =>
        name === STRUCTURE_CLASS ? undefined : classNameProblem(name),
      ),
    ),
    ...optional('policyChanges', readPolicyChanges(object['policyChanges'], childPath(path, 'policyChanges'), reporter)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** `true`, or a list of strings (each checked); `false` reads as absent. */
function readTrueOrList(
  value: unknown,
  path: string,
  reporter: ProblemReporter,
  check: (entry: string) => string | undefined,
): true | string[] | undefined {
  if (value === true) return true;
  if (value === false || value === undefined) return undefined;
  if (!Array.isArray(value)) {
    reporter.report(path, 'must be true or a list of strings; ignored');
    return undefined;
  }
  return readStringList(value, path, reporter, check);
}

function readPolicyChanges(value: unknown, path: string, reporter: ProblemReporter): PolicyChangesConfig | undefined {
  const object = readObject(value, path, reporter);
  if (!object) return undefined;
  const accept = readTrueOrList(object['acceptReviewedBy'], childPath(path, 'acceptReviewedBy'), reporter, () => undefined);
  const { acceptReviewedBy: _raw, ...rest } = object;
  return { ...rest, ...optional('acceptReviewedBy', accept) } as PolicyChangesConfig;
}

/** Class names, "structure" included: a policy may single out hub files. */
function readClassNames(value: unknown, path: string, reporter: ProblemReporter): string[] | undefined {
  return readStringList(value, path, reporter, (name) => (name === STRUCTURE_CLASS ? undefined : classNameProblem(name)));
}

function readClassPolicies(value: unknown, path: string, reporter: ProblemReporter): Record<string, ClassPolicy> {
  const result: Record<string, ClassPolicy> = {};
  for (const [name, raw] of Object.entries(readObject(value, path, reporter) ?? {})) {
    const classPath = childPath(path, name);
    const nameProblem = name === STRUCTURE_CLASS ? undefined : classNameProblem(name);
    if (nameProblem !== undefined) {
      reporter.report(classPath, `${nameProblem}; ignored`);
      continue;
    }
    const object = readObject(raw, classPath, reporter);
    if (!object) continue;
    const rule: Mutable<ClassPolicy> = Object.fromEntries(
      Object.entries(object).filter(([key]) => !(CLASS_POLICY_KEYS as readonly string[]).includes(key)),
    );
    const failOn = readBoolean(object['failOn'], childPath(classPath, 'failOn'), reporter);
    if (failOn !== undefined) rule['failOn'] = failOn;
    const trailer = readBoolean(object['requireReviewedByTrailer'], childPath(classPath, 'requireReviewedByTrailer'), reporter);
    if (trailer !== undefined) rule['requireReviewedByTrailer'] = trailer;
    const max = readNumber(object['maxUnreviewedAiLines'], { minimum: 0, integer: true }, childPath(classPath, 'maxUnreviewedAiLines'), reporter);
    if (max !== undefined) rule['maxUnreviewedAiLines'] = max;
    result[name] = rule;
  }
  return result;
}
