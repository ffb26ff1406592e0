import type { Codeowners } from '../loadBearing';
import { compileGlob } from '../loadBearing';
import type { SignOffRules } from './rules';

/** Who may sign off a file: the names to show, and a test of an e-mail. */
export interface EligibleReviewers {
  /** For people: `[]` means anyone (but the excluded). */
  readonly reviewers: readonly string[];
  readonly accepts: (email: string) => boolean;
  /** Set when nobody can: why. */
  readonly nobody?: string;
}

const cache = new Map<string, (email: string) => boolean>();

/** An e-mail or a glob of e-mails (`*@acme.com`), case-insensitive. */
export function emailPattern(pattern: string): (email: string) => boolean {
  let test = cache.get(pattern);
  if (!test) {
    const glob = compileGlob(pattern.trim(), { ignoreCase: true, braces: false, characterClasses: false });
    test = (email) => glob.matches(email.trim());
    cache.set(pattern, test);
  }
  return test;
}

/**
 * Whether a CODEOWNERS owner is this e-mail: an e-mail owner directly; a
 * `@user` or `@org/team` through `signOff.identities`, or, for a user, the
 * GitHub no-reply address (`user@users.noreply.github.com`, `123+user@...`).
 */
function ownerAccepts(owner: string, email: string, identities: SignOffRules['identities']): boolean {
  if (!owner.startsWith('@')) return owner.toLowerCase() === email.trim().toLowerCase();
  if ((identities[owner] ?? []).some((pattern) => emailPattern(pattern)(email))) return true;
  const user = owner.slice(1);
  if (user.includes('/')) return false;
  const match = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email.trim());
  return match !== null && match[1].toLowerCase() === user.toLowerCase();
}

export function eligibleReviewers(path: string, rules: SignOffRules, codeowners: Codeowners | undefined): EligibleReviewers {
  if (rules.reviewers === 'anyone') return { reviewers: [], accepts: () => true };
  if (rules.reviewers === 'codeowners') {
    const owners = codeowners?.match(path)?.owners ?? [];
    if (owners.length === 0) {
      const why = codeowners ? `${path} has no owner in the base's CODEOWNERS` : 'the base has no CODEOWNERS file';
      return { reviewers: [], accepts: () => false, nobody: `${why} (policy.signOff.reviewers is "codeowners")` };
    }
    return { reviewers: owners, accepts: (email) => owners.some((owner) => ownerAccepts(owner, email, rules.identities)) };
  }
  const patterns = rules.reviewers;
  return { reviewers: patterns, accepts: (email) => patterns.some((pattern) => emailPattern(pattern)(email)) };
}
