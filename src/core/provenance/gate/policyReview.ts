import { readTrailers } from '../messageLayout';
import type { GatePolicy } from './policy';
import type { RangeCommit } from './rangeCommits';
import type { AcceptedReview } from './verdict';

/**
 * Where the gate finds a review that accepts a commit's change to the policy
 * files. This is the one place that decides it: today the `Reviewed-by:`
 * trailers the policy allows; the sign-off attestations
 * (refs/notes/ai-provenance-signoffs) plug in as another source, built from
 * the same base policy.
 */
export interface ReviewSource {
  reviewsOf(commit: RangeCommit): Promise<readonly AcceptedReview[]>;
}

/**
 * `Reviewed-by:` trailers, when `policy.policyChanges.acceptReviewedBy` says
 * so: `true` accepts any reviewer, a list only reviewers whose email
 * matches one of its entries (globs with `*`). Never the commit's own
 * author or committer: the author writes the trailer, so a trailer naming
 * themselves reviews nothing. (A trailer naming someone else is still only
 * the author's word; signed sign-offs are the verifiable route.)
 */
export function reviewedByTrailers(policy: GatePolicy): ReviewSource {
  const accept = policy.policyChanges.acceptReviewedBy;
  return {
    async reviewsOf(commit) {
      if (accept === false) return [];
      const own = new Set([commit.authorEmail, commit.committerEmail].map((email) => email.toLowerCase()));
      return readTrailers(commit.message)
        .filter((trailer) => trailer.key.toLowerCase() === 'reviewed-by')
        .map((trailer) => trailer.value.trim())
        .filter((value) => {
          const email = emailOf(value);
          if (email === undefined || own.has(email)) return false;
          return accept === true || accept.some((pattern) => globMatches(pattern.toLowerCase(), email));
        })
        .map((value) => ({ by: value, via: 'Reviewed-by trailer' }));
    },
  };
}

/** The reviews of `commit` that any of `sources` accepts. */
export async function acceptedReviews(commit: RangeCommit, sources: readonly ReviewSource[]): Promise<AcceptedReview[]> {
  return (await Promise.all(sources.map((source) => source.reviewsOf(commit)))).flat();
}

/** `Name <email>` or a bare email, lower-cased. */
function emailOf(value: string): string | undefined {
  const email = /<([^<>\s]+@[^<>\s]+)>/.exec(value)?.[1] ?? (/^[^<>\s]+@[^<>\s]+$/.test(value) ? value : undefined);
  return email?.toLowerCase();
}

function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(text);
}
