import type { PolicyConfig } from '../config';

/**
 * The effective sign-off policy (docs/REVIEW.md), defaults applied:
 * - `requireSignOff`: classes whose AI lines need an accepted sign-off;
 * - `signOff.notAuthor` (true): the reviewer is neither author nor committer;
 * - `signOff.reviewers`: anyone, "codeowners" (owners of the file in the
 *   base's CODEOWNERS), or e-mails and globs;
 * - `signOff.signed` (false): only signatures that verify count;
 * - `signOff.identities`: CODEOWNERS handles -> e-mails or globs.
 */
export interface SignOffRules {
  readonly requireSignOff: readonly string[];
  readonly notAuthor: boolean;
  readonly reviewers: 'anyone' | 'codeowners' | readonly string[];
  readonly signed: boolean;
  readonly identities: Readonly<Record<string, readonly string[]>>;
}

export function signOffRules(policy: PolicyConfig): SignOffRules {
  const signOff = policy.signOff ?? {};
  return {
    requireSignOff: [...new Set(policy.requireSignOff ?? [])].sort(),
    notAuthor: signOff.notAuthor ?? true,
    reviewers: signOff.reviewers ?? 'anyone',
    signed: signOff.signed ?? false,
    identities: signOff.identities ?? {},
  };
}
