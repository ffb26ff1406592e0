import type { EligibleReviewers } from '../../signoff/reviewers';
import { plural } from '../../text/plural';
import { formatRanges, toRanges } from '../lineRanges';
import type { CommitFacts, FileFacts } from './commitFacts';
import type { Finding } from './verdict';

/** What the gate knows about sign-offs beyond one file's facts. */
export interface SignOffContext {
  /** The --base as given, for the hint. */
  readonly base: string;
  /** The commit's author and committer when policy.signOff.notAuthor applies. */
  readonly excluded: readonly string[];
  readonly eligible: (path: string) => EligibleReviewers;
}

/**
 * `needs-sign-off`: AI lines in a class of policy.requireSignOff that no
 * accepted sign-off covers. Names the file, the lines, who would satisfy it,
 * and why the sign-offs that exist do not count.
 */
export function signOffFinding(file: FileFacts, facts: CommitFacts, context: SignOffContext): Finding | undefined {
  if (!file.signOff || file.unreviewed === 0 || !file.path) return undefined;
  const eligible = context.eligible(file.path);
  const lines = facts.provenance === 'note' && file.unreviewedLines ? toRanges(file.unreviewedLines) : undefined;
  const what = lines
    ? `${file.path} ${formatRanges(lines)}: ${plural(file.unreviewed, 'AI line')}`
    : `${file.path}: AI lines (no note for this commit, so no sign-off can name them: fetch refs/notes/ai-provenance)`;
  const who = eligible.nobody
    ? `; nobody can sign off: ${eligible.nobody}`
    : ` by ${eligible.reviewers.length > 0 ? eligible.reviewers.join(' or ') : 'a reviewer'}${context.excluded.length > 0 ? ` other than ${context.excluded.join(', ')} (policy.signOff.notAuthor)` : ''}`;
  const rejected = (file.signOff.judgement?.rejected ?? []).filter((entry) => entry.lines.some((line) => file.unreviewedLines?.includes(line)));
  const why = rejected.map((entry) => `; the sign-off by ${entry.reviewer.email} does not count: ${entry.reasons.join(', ')}`).join('');
  const hint = `; run \`ai-provenance review sign-off --base ${context.base} --files ${file.path}\` or use Sign Off AI Code in the editor`;
  return {
    level: 'error',
    rule: 'needs-sign-off',
    kind: 'needs-sign-off',
    path: file.path,
    ...(lines ? { lines } : {}),
    classes: file.signOff.classes,
    reviewers: eligible.reviewers,
    excluded: context.excluded,
    message: `${what} in ${file.signOff.classes.join(', ')} need${file.unreviewed === 1 && lines ? 's' : ''} a sign-off (policy.requireSignOff)${who}${why}${hint}`,
  };
}
