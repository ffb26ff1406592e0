import type { Classification } from '../loadBearing/classifier';
import { formatRanges, toRanges } from '../provenance/lineRanges';
import { plural } from '../text/plural';
import type { RegionRisk } from '../risk/regionRisk';
import type { BlastLookup } from '../views/blastLookup';
import { escapeMarkdown, link } from '../views/markdown';
import { blastSection, loadBearingSection, riskLine } from '../views/regionHover';
import { openLines, shortSha, signOffsOf, type ShownHunk } from './hunkFacts';
import type { ReviewFile } from './reviewState';

export interface HunkHoverLinks {
  openFile(path: string): string;
  /** Undefined for hunks of the base's history (nothing to sign off). */
  readonly signOffHunk?: string;
  readonly signOffFile?: string;
  readonly showReview: string;
}

export interface HunkHoverInput {
  readonly shown: ShownHunk;
  /** The branch's facts about the file (policy, reviewers); undefined for base hunks. */
  readonly file?: ReviewFile;
  readonly classification: Classification;
  readonly blast: BlastLookup | undefined;
  readonly risk: RegionRisk;
  readonly links: HunkHoverLinks;
  readonly now?: Date;
}

/**
 * The hover of committed AI code: what wrote it, in which commit, by whom;
 * its sign-off state under the policy; why the file is load-bearing; the
 * risk; the dependents; and the sign-off actions.
 */
export function hunkHoverMarkdown(input: HunkHoverInput): string {
  return [
    header(input),
    signOffSection(input),
    loadBearingSection(input.classification),
    riskLine(input.risk),
    ...blastSection({ blast: input.blast, links: input.links }),
    actions(input),
  ]
    .filter((section) => section !== '')
    .join('\n\n');
}

function header({ shown }: HunkHoverInput): string {
  const { hunk } = shown;
  const origin = [hunk.origin.source, hunk.origin.tool, hunk.origin.model].filter((part): part is string => !!part).map(escapeMarkdown);
  const when = hunk.commit.authorTime > 0 ? new Date(hunk.commit.authorTime * 1000).toISOString().slice(0, 10) : '';
  const commit = `committed in \`${shortSha(hunk.commit.sha)}\` by ${escapeMarkdown(hunk.commit.author || hunk.commit.authorEmail)}${when ? ` on ${when}` : ''}`;
  const lines = [[`**AI-generated**`, ...origin, plural(hunk.end - hunk.start + 1, 'AI line'), commit].join(' · ')];
  if (hunk.commit.summary) lines.push(`*${escapeMarkdown(hunk.commit.summary)}*`);
  if (shown.kind === 'base') lines.push('On the base branch (shown because AI authorship of the whole file is on).');
  return lines.join('\n\n');
}

function signOffSection({ shown, file }: HunkHoverInput): string {
  if (shown.kind !== 'branch' || !file) return '';
  const { hunk } = shown;
  const parts: string[] = [];
  for (const signOff of signOffsOf(hunk)) {
    const comment = signOff.comment ? `: “${escapeMarkdown(signOff.comment)}”` : '';
    const signature = signOff.signature === 'good' ? ' (signature verified)' : '';
    parts.push(
      `$(pass) Signed off by ${escapeMarkdown(`${signOff.reviewer.name} <${signOff.reviewer.email}>`)} on ${signOff.signedOffAt.slice(0, 10)}${signature}${comment}`,
    );
  }
  const open = openLines(hunk);
  if (open.length > 0) {
    const who = file.nobody
      ? `nobody can: ${escapeMarkdown(file.nobody)}`
      : file.reviewers.length > 0
        ? `by ${file.reviewers.map(escapeMarkdown).join(' or ')}`
        : 'by a reviewer who is not the author';
    const need = file.requiresSignOff ? `**Needs a sign-off** (policy.requireSignOff), ${who}` : 'Not signed off';
    parts.push(`${need}: ${formatRanges(toRanges(open))}`);
  }
  for (const rejected of hunk.rejected)
    parts.push(
      `$(circle-slash) The sign-off by ${escapeMarkdown(rejected.reviewer.email)} does not count: ${escapeMarkdown(rejected.reasons.join('; '))}`,
    );
  return parts.join('\n\n');
}

function actions({ links, shown }: HunkHoverInput): string {
  const parts: string[] = [];
  if (shown.kind === 'branch' && openLines(shown.hunk).length > 0 && links.signOffHunk)
    parts.push(link('$(check) Sign off these lines', links.signOffHunk));
  if (shown.kind === 'branch' && links.signOffFile) parts.push(link('$(check-all) Sign off the file', links.signOffFile));
  parts.push(link('$(list-tree) Review view', links.showReview));
  return parts.join(' · ');
}
