import { acceptedReviews, type ReviewSource } from './policyReview';
import type { PolicyChange } from './policyFiles';
import type { RangeCommit } from './rangeCommits';
import type { Finding } from './verdict';

export interface PolicyChangeFindings {
  /** Commit sha -> its findings. */
  readonly byCommit: ReadonlyMap<string, Finding[]>;
  /** Changes no non-merge commit of the range explains (a merge changed the file itself). */
  readonly range: readonly Finding[];
}

/**
 * One `policy-changed` finding per commit and file: an error unless the
 * commit carries a review the policy accepts (see policyReview.ts), then a
 * warning naming the reviewers.
 */
export async function policyChangedFindings(
  changes: readonly PolicyChange[],
  commits: readonly RangeCommit[],
  sources: readonly ReviewSource[],
): Promise<PolicyChangeFindings> {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const byCommit = new Map<string, Finding[]>();
  const range: Finding[] = [];
  for (const change of changes) {
    const what = describe(change.path);
    const inRange = change.commits.filter((sha) => bySha.has(sha));
    if (inRange.length === 0) {
      const by = change.commits.length > 0 ? `merge ${change.commits.map((sha) => sha.slice(0, 10)).join(', ')}` : 'the range';
      range.push(finding('error', change.path, `${by} changes ${change.path} (${what}); ${NEEDS_REVIEW}`));
      continue;
    }
    for (const sha of inRange) {
      const reviews = await acceptedReviews(bySha.get(sha)!, sources);
      const message =
        reviews.length > 0
          ? `changes ${change.path} (${what}); accepted: reviewed by ${reviews.map((review) => `${review.by} (${review.via})`).join(', ')}`
          : `changes ${change.path} (${what}); ${NEEDS_REVIEW}`;
      const list = byCommit.get(sha) ?? [];
      list.push({
        ...finding(reviews.length > 0 ? 'warning' : 'error', change.path, message),
        ...(reviews.length > 0 ? { acceptedReviews: reviews } : {}),
      });
      byCommit.set(sha, list);
    }
  }
  return { byCommit, range };
}

const NEEDS_REVIEW =
  'it changes how every later pull request is judged, so it needs a review the base policy accepts (policy.policyChanges, docs/CI.md); this pull request itself is judged by the base policy';

function finding(level: 'error' | 'warning', path: string, message: string): Finding {
  return { level, kind: 'policy-changed', rule: 'policy-changed', path, message };
}

function describe(path: string): string {
  if (path === '.ai-provenance.json') return "the gate's policy and load-bearing classes";
  if (path.endsWith('CODEOWNERS')) return 'CODEOWNERS, which can map owners to load-bearing classes';
  if (path.startsWith('.github/workflows/')) return 'a CI workflow that runs AI Provenance';
  return 'hook configuration';
}
