import { STRUCTURE_CLASS } from '../loadBearing/classDefinition';
import { readBoolean, readObject, readStringList, reportUnknownKeys } from './fields';
import { childPath, type ProblemReporter } from './problems';
import { classNameProblem } from './validateClasses';

/**
 * `policy.signOff` of `.ai-provenance.json`: what a reviewer's sign-off
 * (docs/REVIEW.md) must be for the gate to accept it.
 */
export interface SignOffPolicyConfig {
  /** The reviewer may not be the commit's author or committer (default true). */
  readonly notAuthor?: boolean;
  /** "codeowners" (an owner of the file in the base's CODEOWNERS), or e-mails and globs (`*@acme.com`). */
  readonly reviewers?: 'codeowners' | readonly string[];
  /** Only signatures that verify count (default false). */
  readonly signed?: boolean;
  /** CODEOWNERS `@user` / `@org/team` -> the e-mails (or globs) of its people: handles cannot be resolved offline. */
  readonly identities?: Readonly<Record<string, readonly string[]>>;
}

export const SIGN_OFF_KEYS = ['notAuthor', 'reviewers', 'signed', 'identities'] as const;

/** `policy.requireSignOff`: one class name or a list of them. */
export function readRequireSignOff(value: unknown, path: string, reporter: ProblemReporter): string[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  return readStringList(list, path, reporter, (name) => (name === STRUCTURE_CLASS ? undefined : classNameProblem(name)));
}

export function readSignOffPolicy(value: unknown, path: string, reporter: ProblemReporter): SignOffPolicyConfig | undefined {
  if (value === undefined) return undefined;
  const object = readObject(value, path, reporter);
  if (!object) return undefined;
  reportUnknownKeys(object, SIGN_OFF_KEYS, path, reporter);
  const result: { -readonly [K in keyof SignOffPolicyConfig]: SignOffPolicyConfig[K] } = {};
  const notAuthor = readBoolean(object['notAuthor'], childPath(path, 'notAuthor'), reporter);
  if (notAuthor !== undefined) result.notAuthor = notAuthor;
  const signed = readBoolean(object['signed'], childPath(path, 'signed'), reporter);
  if (signed !== undefined) result.signed = signed;
  const reviewers = object['reviewers'];
  if (reviewers === 'codeowners') result.reviewers = 'codeowners';
  else if (typeof reviewers === 'string')
    reporter.report(childPath(path, 'reviewers'), 'must be "codeowners" or a list of e-mails and globs; ignored');
  else {
    const list = readStringList(reviewers, childPath(path, 'reviewers'), reporter);
    if (list) result.reviewers = list;
  }
  const identities = readObject(object['identities'], childPath(path, 'identities'), reporter);
  if (object['identities'] !== undefined && identities) {
    const map: Record<string, string[]> = {};
    for (const [owner, emails] of Object.entries(identities)) {
      const list = readStringList(typeof emails === 'string' ? [emails] : emails, childPath(childPath(path, 'identities'), owner), reporter);
      if (list) map[owner] = list;
    }
    result.identities = map;
  }
  return result;
}
