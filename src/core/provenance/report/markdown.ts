import { formatRanges, toRanges } from '../lineRanges';
import { generatorName } from '../note/build';
import type { RangeProvenance } from './rangeProvenance';
import { plural } from '../../text/plural';

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

/** Backticks inside a code span would end it early. */
function code(path: string): string {
  return path.includes('`') ? `\`\` ${path} \`\`` : `\`${path}\``;
}

/** A Markdown summary for a pull request description; `sections` (e.g. the sign-off table) go before the footer. */
export function formatReportMarkdown(report: RangeProvenance, sections: readonly string[] = []): string {
  const { summary } = report;
  const lines = ['## AI Provenance', ''];
  if (summary.aiLines === 0 && report.trailerOnlyAiLines === 0) {
    lines.push(`No AI-written lines recorded in ${plural(report.commits, 'commit')} (${summary.addedLines} lines added).`);
    return finish(lines, report, sections);
  }
  lines.push(
    `**${summary.aiLines} of ${summary.addedLines} added lines (${percent(summary.aiLines, summary.addedLines)}) were written by AI** ` +
      `in ${plural(report.commits, 'commit')}; ${summary.reviewedLines} of them reviewed.` +
      (summary.risk ? ` Risk: **${summary.risk}**.` : ''),
  );
  if (summary.sources.length > 0)
    lines.push(
      '',
      `Sources: ${summary.sources.join(', ')}${summary.tools.length > 0 ? ` · Tools: ${summary.tools.join(', ')}` : ''}${summary.models.length > 0 ? ` · Models: ${summary.models.join(', ')}` : ''}`,
    );
  if (report.trailerOnlyAiLines > 0) {
    lines.push(
      '',
      `_${report.trailerOnlyAiLines} more AI lines come from commits without a note (trailers only): they are not placed on files below._`,
    );
  }
  if (summary.files.length > 0) {
    lines.push('', '| File | AI lines | Added lines | AI share | Reviewed | Load-bearing |', '|---|--:|--:|--:|--:|---|');
    for (const file of summary.files) {
      const classes = file.classes.length > 0 ? `${file.classes.join(', ')} (${file.severity})` : '';
      lines.push(
        `| ${code(file.path)} | ${file.aiLines} | ${file.addedLines} | ${percent(file.aiLines, file.addedLines)} | ${file.reviewedLines}/${file.aiLines} | ${classes} |`,
      );
    }
  }
  if (summary.loadBearing.length > 0) {
    lines.push('', '### Load-bearing files with AI lines', '');
    for (const file of summary.loadBearing) {
      const attribution = report.files.find((candidate) => candidate.path === file.path);
      const unreviewed = attribution ? [...attribution.aiLines].filter(([, origin]) => !origin.reviewed).map(([line]) => line) : [];
      const where = unreviewed.length > 0 ? `; unreviewed: ${formatRanges(toRanges(unreviewed))}` : '; all reviewed';
      lines.push(`- **${file.classes[0]}** ${code(file.path)}: ${plural(file.aiLines, 'AI line')}, ${file.reviewedLines} reviewed${where}`);
    }
  }
  lines.push('', '### Blast radius', '');
  if (report.blastRadiusSource === 'none') {
    lines.push('_No workspace index available: blast radius omitted._');
  } else {
    const from = report.blastRadiusSource === 'index' ? 'from the workspace index' : 'as recorded in the notes when the commits were made';
    for (const [path, radius] of [...report.blastRadius].sort((a, b) => b[1].files - a[1].files)) {
      const { startLine, endLine } = radius.target;
      const span = startLine === endLine ? `L${startLine}` : `L${startLine}-${endLine}`;
      lines.push(`- ${code(path)} ${span}: ${plural(radius.files, 'dependent file')}, ${radius.loadBearing} load-bearing`);
    }
    lines.push('', `_Largest radius per file, ${from}._`);
  }
  return finish(lines, report, sections);
}

function finish(lines: string[], report: RangeProvenance, sections: readonly string[]): string {
  for (const section of sections) lines.push('', section.trimEnd());
  lines.push(
    '',
    `<sub>${generatorName()} · ${report.base.slice(0, 10)}..${report.head.slice(0, 10)} · ${report.commitsWithNotes}/${report.commits} commits with notes (refs/notes/ai-provenance)</sub>`,
  );
  return `${lines.join('\n')}\n`;
}
