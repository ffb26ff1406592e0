import type { RiskLevel } from '../risk/riskLevel';
import { plural } from '../text/plural';
import { committedBy, openLines, signerNames } from './hunkFacts';
import { aiLinesOf, groupByClass } from './reviewGroups';
import type { ReviewFile, ReviewHunk, ReviewState } from './reviewState';

/** The Review view: classes (those needing a sign-off first), their files (riskiest first), their hunks. */
export interface ReviewTreeGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly root: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly open: number;
  readonly files: readonly ReviewTreeFile[];
}

export interface ReviewTreeFile {
  readonly kind: 'file';
  readonly id: string;
  readonly root: string;
  readonly path: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly level: RiskLevel;
  readonly open: number;
  readonly hunks: readonly ReviewTreeHunk[];
}

export interface ReviewTreeHunk {
  readonly kind: 'hunk';
  readonly id: string;
  readonly root: string;
  readonly path: string;
  /** 1-based lines, as now in the file. */
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly open: number;
}

export function planReviewTree(root: string, state: ReviewState, options: { readonly repositoryLabel?: string } = {}): ReviewTreeGroup[] {
  const { requireSignOff } = state.rules;
  return groupByClass(state.files, requireSignOff).map((group) => {
    const required = group.name !== undefined && requireSignOff.includes(group.name);
    const name = group.name ?? 'not load-bearing';
    const state = `${group.aiLines - group.open}/${plural(group.aiLines, 'AI line')} signed off`;
    return {
      kind: 'group',
      id: `${root}\0class\0${name}`,
      root,
      label: options.repositoryLabel ? `${options.repositoryLabel}: ${name}` : name,
      description: [group.name ? group.severity : '', required ? 'sign-off required' : '', state].filter(Boolean).join(' · '),
      tooltip: `${name}${required ? ': the policy requires a sign-off (policy.requireSignOff)' : ''}; ${state}`,
      open: group.open,
      files: group.files.map((file) => fileNode(root, file)),
    };
  });
}

function fileNode(root: string, file: ReviewFile): ReviewTreeFile {
  const slash = file.path.lastIndexOf('/');
  const ai = aiLinesOf(file.hunks);
  const open = file.hunks.reduce((sum, hunk) => sum + hunk.open, 0);
  const who = file.nobody ? 'nobody can sign off' : file.reviewers.length > 0 ? `by ${file.reviewers.join(' or ')}` : '';
  const need = file.requiresSignOff && open > 0 ? `needs a sign-off${who ? ` ${who}` : ''}` : '';
  return {
    kind: 'file',
    id: `${root}\0file\0${file.path}`,
    root,
    path: file.path,
    label: file.path.slice(slash + 1),
    description: [slash < 0 ? '' : file.path.slice(0, slash), file.risk === 'none' ? 'signed off' : file.risk, `${ai - open}/${ai} signed off`, need]
      .filter(Boolean)
      .join(' · '),
    tooltip: [file.riskExplanation, file.nobody ? `Nobody can sign off: ${file.nobody}` : ''].filter(Boolean).join('\n'),
    level: file.risk,
    open,
    hunks: file.hunks.map((hunk) => hunkNode(root, file, hunk)),
  };
}

function hunkNode(root: string, file: ReviewFile, hunk: ReviewHunk): ReviewTreeHunk {
  const origin = [hunk.origin.source, hunk.origin.tool, hunk.origin.model].filter(Boolean).join(' · ');
  const open = openLines(hunk).length;
  const state = open === 0 ? `signed off by ${signerNames(hunk)}` : open < hunk.end - hunk.start + 1 ? `${open} open` : 'open';
  const reasons = hunk.rejected.map((rejected) => `Not counted: the sign-off by ${rejected.reviewer.email}: ${rejected.reasons.join('; ')}`);
  return {
    kind: 'hunk',
    id: `${root}\0hunk\0${file.path}\0${hunk.commit.sha}\0${hunk.origLines[0]}`,
    root,
    path: file.path,
    start: hunk.start,
    end: hunk.end,
    label: hunk.start === hunk.end ? `Line ${hunk.start}` : `Lines ${hunk.start}–${hunk.end}`,
    description: [state, origin, committedBy(hunk)].join(' · '),
    tooltip: [
      `${hunk.commit.summary} (${hunk.commit.sha.slice(0, 10)}, ${hunk.commit.author} <${hunk.commit.authorEmail}>)`,
      origin,
      ...reasons,
    ].join('\n'),
    open,
  };
}
