import { childPath, type ProblemReporter } from './problems';

/**
 * Typed readers for untrusted JSON values. Each reports what is wrong and
 * returns undefined, so callers write `read...(...) ?? default`.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

export function readObject(value: unknown, path: string, reporter: ProblemReporter): JsonObject | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
  reporter.report(path, 'must be an object; ignored');
  return undefined;
}

/** Reports properties the schema does not define, suggesting a near miss. */
export function reportUnknownKeys(object: JsonObject, known: readonly string[], path: string, reporter: ProblemReporter): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    reporter.report(childPath(path, key), `is not a known property${suggestion ? ` (did you mean ${suggestion}?)` : ''}; ignored`);
  }
}

export function readBoolean(value: unknown, path: string, reporter: ProblemReporter): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  reporter.report(path, 'must be true or false; ignored');
  return undefined;
}

export function readString(value: unknown, path: string, reporter: ProblemReporter): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  reporter.report(path, 'must be a string; ignored');
  return undefined;
}

export function readEnum<T extends string>(value: unknown, allowed: readonly T[], path: string, reporter: ProblemReporter): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  reporter.report(path, `must be one of ${allowed.join('|')}`);
  return undefined;
}

export interface NumberRange {
  readonly minimum?: number;
  readonly maximum?: number;
  /** Strictly greater than this. */
  readonly above?: number;
  readonly integer?: boolean;
}

export function readNumber(value: unknown, range: NumberRange, path: string, reporter: ProblemReporter): number | undefined {
  if (value === undefined) return undefined;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!range.integer || Number.isInteger(value)) &&
    (range.minimum === undefined || value >= range.minimum) &&
    (range.maximum === undefined || value <= range.maximum) &&
    (range.above === undefined || value > range.above);
  if (ok) return value;
  reporter.report(path, `must be ${describeRange(range)}`);
  return undefined;
}

/**
 * A list of non-empty strings; bad entries are reported and dropped one by
 * one. `check` may reject an entry with a message.
 */
export function readStringList(
  value: unknown,
  path: string,
  reporter: ProblemReporter,
  check: (entry: string) => string | undefined = () => undefined,
): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    reporter.report(path, 'must be a list of strings; ignored');
    return undefined;
  }
  const result: string[] = [];
  value.forEach((entry: unknown, index) => {
    const problem = typeof entry === 'string' && entry.trim() !== '' ? check(entry) : 'must be a non-empty string';
    if (problem === undefined) result.push(entry as string);
    else reporter.report(childPath(path, index), `${problem}; ignored`);
  });
  return result;
}

function describeRange(range: NumberRange): string {
  const kind = range.integer ? 'a whole number' : 'a number';
  if (range.minimum !== undefined && range.maximum !== undefined) return `${kind} from ${range.minimum} to ${range.maximum}`;
  if (range.above !== undefined) return `${kind} greater than ${range.above}`;
  if (range.minimum !== undefined) return `${kind} of at least ${range.minimum}`;
  return kind;
}

/** The known key within edit distance 2, if exactly one is that close. */
function closest(key: string, known: readonly string[]): string | undefined {
  const near = known.filter((candidate) => editDistance(key.toLowerCase(), candidate.toLowerCase()) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
