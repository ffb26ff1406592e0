import type { CommitProvenance, HooksStatus } from '../../core/provenance';
import { hooksHealth } from './hooksHealth';

/**
 * The text of "Show Commit Trailers": the trailers the next commit gets for
 * what is staged now, the files they count, and whether the hooks will
 * actually write them.
 */
export function trailersReport(root: string, provenance: CommitProvenance, hooks: HooksStatus | undefined): string {
  const { trailers, summary } = provenance;
  const lines = [`AI Provenance: trailers for the staged changes of ${root}`, ''];
  if (trailers.length > 0) lines.push(...trailers.map((trailer) => `${trailer.key}: ${trailer.value}`));
  else if (summary.addedLines === 0) lines.push('Nothing is staged (or the staged changes add no lines): no AI-* trailers.');
  else lines.push(`No AI-written lines among the ${summary.addedLines} staged lines: no AI-* trailers.`);

  if (summary.files.length > 0) {
    lines.push('', 'Files with AI lines:');
    for (const file of summary.files) {
      const classes = file.classes.length > 0 ? `, load-bearing: ${file.classes.join(', ')}` : '';
      lines.push(`  ${file.path}: ${file.aiLines} of ${file.addedLines} lines AI, ${file.reviewedLines} reviewed, ${file.risk} risk${classes}`);
    }
  }
  lines.push('', hooksLine(hooks));
  if (provenance.problems.length > 0) lines.push('', 'Problems:', ...provenance.problems.map((problem) => `  ${problem}`));
  return `${lines.join('\n')}\n`;
}

function hooksLine(status: HooksStatus | undefined): string {
  if (!status) return 'Hooks: unknown (their status could not be read).';
  const health = hooksHealth(status);
  switch (health.kind) {
    case 'current':
      return `Hooks: installed in ${status.hooksDir}: the commit gets these trailers and a note in refs/notes/ai-provenance.`;
    case 'stale':
      return `Hooks: installed but stale (${health.reasons.join('; ')}): they are refreshed when the repository is next opened, or run "AI Provenance: Install Commit Hooks".`;
    case 'attention':
      return `Hooks: changed (${health.problems.join('; ')}): commits may miss these trailers. Run "AI Provenance: Install Commit Hooks" to put them back.`;
    case 'absent':
      return 'Hooks: not installed: commits get neither these trailers nor a note. Run "AI Provenance: Install Commit Hooks".';
  }
}
