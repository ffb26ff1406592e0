import { severityRank } from '../loadBearing/severity';
import { dependentsText } from './annotationText';
import { aiTextSpans } from './decorationPlan';
import type { AssessedFile } from './workspaceRisk';

/** A Problems-panel entry for an unreviewed AI region in a load-bearing file. */
export interface RegionDiagnostic {
  readonly regionId: string;
  /** 0-based; from the first AI-written character to the end of the last AI line. */
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly message: string;
  /** Critical and high classes warn; medium and low inform. */
  readonly severity: 'warning' | 'information';
  /** The file's classes, e.g. for a diagnostic code. */
  readonly classes: readonly string[];
}

export function planDiagnostics(file: AssessedFile, includeBlastRadius: boolean): RegionDiagnostic[] {
  const { classification } = file;
  if (classification.classes.length === 0) return [];
  const classes = classification.classes.map((match) => (match.reason === 'structure' ? 'load-bearing by structure' : match.name));
  const severity = severityRank(classification.severity) >= severityRank('high') ? 'warning' : 'information';
  const diagnostics: RegionDiagnostic[] = [];
  for (const { region, risk, blast } of file.regions) {
    if (region.reviewed) continue;
    const spans = aiTextSpans(region);
    const first = spans[0];
    const last = spans[spans.length - 1];
    if (!first || !last) continue;
    const dependents = includeBlastRadius ? dependentsText(blast) : undefined;
    const message =
      `Unreviewed AI-generated code in a load-bearing file (${classes.join(', ')}: ${classification.severity})` +
      `${dependents ? ` · ${dependents}` : ''} · risk ${risk.level}`;
    diagnostics.push({
      regionId: region.id,
      startLine: first.line,
      startCharacter: first.start,
      endLine: last.line,
      endCharacter: last.end,
      message,
      severity,
      classes: classification.classes.map((match) => match.name),
    });
  }
  return diagnostics.sort((a, b) => a.startLine - b.startLine);
}
