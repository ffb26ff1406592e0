/**
 * Collects configuration problems as one-line, human-readable messages:
 *
 *   `.ai-provenance.json`: loadBearing.classes.payments.severity must be one of low|medium|high|critical
 *
 * Validation never throws: each bad part is reported and replaced by its
 * default, so one typo does not switch off the rest of a team's setup.
 */
export class ProblemReporter {
  readonly problems: string[] = [];

  /** `source` names the file or setting, e.g. "`.ai-provenance.json`". */
  constructor(private readonly source: string) {}

  report(path: string, message: string): void {
    this.problems.push(`${this.source}: ${path === '' ? '' : `${path} `}${message}`);
  }
}

/** `loadBearing.classes` + `payments` -> `loadBearing.classes.payments`; odd keys are quoted. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}
