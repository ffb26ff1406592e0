import { formatRanges, toRanges } from '../provenance/lineRanges';
import { plural } from '../text/plural';
import { aiLinesOf, groupByClass, signersOf } from './reviewGroups';
import type { ReviewFile, ReviewHunk, ReviewState } from './reviewState';

/** `review status` for people: per class, per file, per hunk what is signed off, by whom, and what is open. */
export function formatReviewStatus(state: ReviewState): string {
  const { rules } = state;
  const lines = [
    `AI code to review: ${state.baseRef}..HEAD (merge base ${state.mergeBase.slice(0, 10)}, head ${state.head.slice(0, 10)}), ${plural(state.commits.length, 'commit')}`,
  ];
  lines.push(`policy: ${describeRules(rules)}`);
  for (const notice of state.notices) lines.push(`note: ${notice}`);
  if (state.files.length === 0) {
    lines.push('', 'No AI-written lines from these commits are left in the files (or their notes are not fetched: refs/notes/ai-provenance).');
    return `${lines.join('\n')}\n`;
  }
  let total = 0;
  let open = 0;
  let required = 0;
  for (const group of groupByClass(state.files, rules.requireSignOff)) {
    const needs = group.name !== undefined && rules.requireSignOff.includes(group.name);
    const signers = signersOf(group.files.flatMap((file) => file.hunks));
    lines.push(
      '',
      `${group.name ?? 'not load-bearing'}${group.name ? ` (${group.severity})` : ''}${needs ? ', sign-off required' : ''}: ${group.aiLines - group.open}/${plural(group.aiLines, 'AI line')} signed off${signers.length > 0 ? ` by ${signers.join(', ')}` : ''}`,
    );
    for (const file of group.files) {
      lines.push(`  ${file.path}  ${fileSummary(file)}`);
      for (const hunk of file.hunks) lines.push(...hunkLines(hunk));
      total += aiLinesOf(file.hunks);
      const fileOpen = file.hunks.reduce((sum, hunk) => sum + hunk.open, 0);
      open += fileOpen;
      if (file.requiresSignOff) required += fileOpen;
    }
  }
  lines.push(
    '',
    `${total - open} of ${plural(total, 'AI line')} signed off; ${open} open${required > 0 ? `, ${required} of them in classes that require a sign-off` : ''}.`,
  );
  if (open > 0) lines.push(`Sign off: ai-provenance review sign-off --base ${state.baseRef} [--files <path>...] [--comment <text>]`);
  return `${lines.join('\n')}\n`;
}

export function describeRules(rules: ReviewState['rules']): string {
  const required =
    rules.requireSignOff.length > 0
      ? `sign-off required in ${rules.requireSignOff.join(', ')}`
      : 'no class requires a sign-off (policy.requireSignOff)';
  const who =
    rules.reviewers === 'anyone'
      ? 'by anyone'
      : rules.reviewers === 'codeowners'
        ? 'by a CODEOWNERS owner of the file'
        : `by ${rules.reviewers.join(', ')}`;
  return `${required}; ${who}${rules.notAuthor ? ', not the author' : ''}${rules.signed ? ', signed' : ''}`;
}

function fileSummary(file: ReviewFile): string {
  const ai = aiLinesOf(file.hunks);
  const open = file.hunks.reduce((sum, hunk) => sum + hunk.open, 0);
  const parts = [`risk ${file.risk}`, `${ai - open}/${plural(ai, 'AI line')} signed off`];
  if (file.requiresSignOff && open > 0)
    parts.push(
      file.nobody
        ? `nobody can sign off: ${file.nobody}`
        : `needs a sign-off${file.reviewers.length > 0 ? ` by ${file.reviewers.join(' or ')}` : ''}`,
    );
  return parts.join(' · ');
}

function hunkLines(hunk: ReviewHunk): string[] {
  const origin = [hunk.origin.source, hunk.origin.tool, hunk.origin.model].filter(Boolean).join(' · ');
  const where = hunk.start === hunk.end ? `L${hunk.start}` : `L${hunk.start}-${hunk.end}`;
  const who = `${hunk.commit.author} <${hunk.commit.authorEmail}>`;
  const head = `    ${where}  ${origin} · ${who} · ${hunk.commit.sha.slice(0, 10)} ${hunk.commit.summary}`;
  const result = [head];
  const bySigner = new Map<string, number[]>();
  for (const [line, accepted] of hunk.signedOff) {
    const key = `${accepted.reviewer.name} <${accepted.reviewer.email}> ${accepted.signedOffAt}${accepted.signature === 'good' ? ', signature good' : ''}`;
    bySigner.set(key, [...(bySigner.get(key) ?? []), line]);
  }
  for (const [who, lines] of bySigner) result.push(`      signed off ${formatRanges(toRanges(lines))} by ${who}`);
  if (hunk.open > 0) {
    const openLines = [];
    for (let line = hunk.start; line <= hunk.end; line++) if (!hunk.signedOff.has(line)) openLines.push(line);
    result.push(`      open: ${formatRanges(toRanges(openLines))}`);
  }
  for (const rejected of hunk.rejected)
    result.push(`      not counted: ${rejected.reviewer.name} <${rejected.reviewer.email}>: ${rejected.reasons.join('; ')}`);
  return result;
}
