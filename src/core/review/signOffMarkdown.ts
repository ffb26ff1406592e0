import { formatRanges, toRanges } from '../provenance/lineRanges';
import { describeRules } from './formatReviewStatus';
import { groupByClass, signersOf } from './reviewGroups';
import type { ReviewFile, ReviewState } from './reviewState';

function code(path: string): string {
  return path.includes('`') ? `\`\` ${path} \`\`` : `\`${path}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Open lines of a file as "`path` L3-5". */
function openLines(file: ReviewFile): string | undefined {
  const lines: number[] = [];
  for (const hunk of file.hunks) for (let line = hunk.start; line <= hunk.end; line++) if (!hunk.signedOff.has(line)) lines.push(line);
  return lines.length > 0 ? `${code(file.path)} ${formatRanges(toRanges(lines), 4)}` : undefined;
}

/** The report's sign-off section: per class, what is signed off, by whom, and what is still open (head's line numbers). */
export function formatSignOffMarkdown(state: ReviewState): string {
  const lines = ['### Sign-off', '', `_Policy: ${describeRules(state.rules)}._`, ''];
  if (state.files.length === 0) {
    lines.push('No AI-written lines of these commits are left at head.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('| Class | AI lines | Signed off | By | Open |', '|---|--:|--:|---|---|');
  for (const group of groupByClass(state.files, state.rules.requireSignOff)) {
    const required = group.name !== undefined && state.rules.requireSignOff.includes(group.name);
    const name = group.name ? `${group.name} (${group.severity})${required ? ', required' : ''}` : 'not load-bearing';
    const open = group.files.map(openLines).filter((text): text is string => text !== undefined);
    const by = signersOf(group.files.flatMap((file) => file.hunks));
    lines.push(`| ${cell(name)} | ${group.aiLines} | ${group.aiLines - group.open} | ${cell(by.join(', '))} | ${cell(open.join(', '))} |`);
  }
  return `${lines.join('\n')}\n`;
}
