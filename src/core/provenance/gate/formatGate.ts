import type { Finding, GateResult } from './verdict';
import { plural } from '../../text/plural';

/** The human-readable verdict: one block per commit with findings, one line per finding. */
export function formatGateText(result: GateResult): string {
  const { counts } = result;
  const status = result.passed ? 'passed' : 'FAILED';
  const lines = [
    `AI Provenance gate ${status}: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} ` +
      `in ${plural(counts.commits, 'commit')} (${counts.withProvenance} with AI provenance), ${result.base.slice(0, 10)}..${result.head.slice(0, 10)}`,
  ];
  for (const notice of result.notices) lines.push(`note: ${notice}`);
  for (const finding of result.findings) lines.push(`${finding.level}: ${finding.message}`);
  for (const commit of result.commits) {
    if (commit.findings.length === 0) continue;
    lines.push(
      '',
      `${commit.sha.slice(0, 10)} ${commit.subject}  (AI ${commit.aiLines}/${commit.addedLines} lines, ${commit.reviewedLines} reviewed${commit.signedOffLines > 0 ? `, ${commit.signedOffLines} signed off` : ''}${commit.risk ? `, risk ${commit.risk}` : ''})`,
    );
    for (const finding of commit.findings) lines.push(`  ${finding.level}: ${finding.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** GitHub Actions workflow commands: escaped as the runner expects. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=...,line=...::message` per finding and range, plus a summary line. */
export function formatGateGithub(result: GateResult): string {
  const lines: string[] = [];
  for (const commit of result.commits) {
    for (const finding of commit.findings) lines.push(...annotations(finding, commit.sha.slice(0, 10)));
  }
  for (const finding of result.findings) lines.push(...annotations(finding, `${result.base.slice(0, 10)}..${result.head.slice(0, 10)}`));
  for (const notice of result.notices) lines.push(`::notice title=AI Provenance::${escapeData(notice)}`);
  lines.push(formatGateText(result).trimEnd());
  return `${lines.join('\n')}\n`;
}

function annotations(finding: Finding, where: string): string[] {
  const command = finding.level === 'error' ? 'error' : 'warning';
  const title = `title=${escapeProperty(`AI Provenance (${where})`)}`;
  const message = escapeData(finding.message);
  if (!finding.path) return [`::${command} ${title}::${message}`];
  const file = `file=${escapeProperty(finding.path)}`;
  const ranges = finding.lines ?? [];
  if (ranges.length === 0) return [`::${command} ${file},${title}::${message}`];
  // One annotation per range (capped) so each lands on its lines in the PR diff.
  return ranges.slice(0, 10).map(([start, end]) => `::${command} ${file},line=${start},endLine=${end},${title}::${message}`);
}
