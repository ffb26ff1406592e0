import type { SignOffJudge } from '../../signoff/judge';
import type { ReviewSource } from './policyReview';

/**
 * Sign-offs as reviews of a policy change: a sign-off of the whole range
 * that names the commit, by a reviewer the sign-off policy accepts (not its
 * author or committer; an owner of .ai-provenance.json under "codeowners";
 * signed when the policy asks). Unlike a `Reviewed-by:` trailer, which the
 * author types, it is the reviewer's own record, and can be signed.
 */
export function signOffReviews(judge: SignOffJudge): ReviewSource {
  return {
    async reviewsOf(commit) {
      const reviews = await judge.commitReviews(commit);
      return reviews.map((review) => ({ by: `${review.reviewer.name} <${review.reviewer.email}>`, via: 'sign-off' }));
    },
  };
}
