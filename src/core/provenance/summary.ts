import { severityRank, type FileSeverity, type LoadBearingClassifier } from '../loadBearing';
import { DEFAULT_RISK_MODEL, type AiRiskLevel, type RiskModelConfig } from '../risk';
import { compareCodeUnits } from '../text/compare';
import { widest, type LargestBlastRadius } from './blastRadius';
import { commitRisk, fileRisk } from './commitRisk';
import type { FileAttribution, LineOrigin } from './lineOrigin';

/** One file with AI lines, as trailers, notes and reports describe it. */
export interface FileSummary {
  readonly path: string;
  readonly addedLines: number;
  readonly aiLines: number;
  readonly reviewedLines: number;
  /** Load-bearing class names, highest severity first; empty when not load-bearing. */
  readonly classes: readonly string[];
  readonly severity: FileSeverity;
  readonly risk: AiRiskLevel;
}

export interface ProvenanceSummary {
  readonly aiLines: number;
  /** Non-blank added or changed lines of the whole change. */
  readonly addedLines: number;
  readonly reviewedLines: number;
  /** Most AI lines first. */
  readonly sources: readonly string[];
  readonly tools: readonly string[];
  readonly models: readonly string[];
  /** Files with AI lines. */
  readonly files: readonly FileSummary[];
  /** Files with AI lines that are load-bearing, highest severity first. */
  readonly loadBearing: readonly FileSummary[];
  readonly blastRadius?: LargestBlastRadius;
  /** Undefined when the change has no AI lines. */
  readonly risk?: AiRiskLevel;
}

/**
 * Sums up a change. `blastRadius` holds, per file, its widest radius (from
 * an index, or recorded in notes); files without one are judged without it.
 */
export function summarize(
  attributions: readonly FileAttribution[],
  classifier: LoadBearingClassifier,
  blastRadius: ReadonlyMap<string, LargestBlastRadius> = new Map(),
  riskModel: RiskModelConfig = DEFAULT_RISK_MODEL,
): ProvenanceSummary {
  const sources = new Counter();
  const tools = new Counter();
  const models = new Counter();
  const files: FileSummary[] = [];
  let addedLines = 0;
  for (const file of attributions) {
    addedLines += file.addedLines;
    if (file.aiLines.size === 0) continue;
    // The lines of one region share their origin: counted per origin, not per line.
    const lines = new Map<LineOrigin, number>();
    for (const origin of file.aiLines.values()) lines.set(origin, (lines.get(origin) ?? 0) + 1);
    let reviewed = 0;
    for (const [origin, n] of lines) {
      count(origin, n, sources, tools, models);
      if (origin.reviewed) reviewed += n;
    }
    const classification = classifier.classify(file.path);
    const summary = {
      path: file.path,
      addedLines: file.addedLines,
      aiLines: file.aiLines.size,
      reviewedLines: reviewed,
      classes: classification.classes.map((match) => match.name),
      severity: classification.severity,
    };
    const blast = blastRadius.get(file.path);
    files.push({ ...summary, risk: fileRisk({ ...summary, ...(blast ? { blast } : {}) }, riskModel) });
  }
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  const loadBearing = files
    .filter((file) => file.classes.length > 0)
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareCodeUnits(a.path, b.path));
  const risk = commitRisk(files);
  const largest = widest(blastRadius.values());
  return {
    aiLines: files.reduce((sum, file) => sum + file.aiLines, 0),
    addedLines,
    reviewedLines: files.reduce((sum, file) => sum + file.reviewedLines, 0),
    sources: sources.ranked(),
    tools: tools.ranked(),
    models: models.ranked(),
    files,
    loadBearing,
    ...(largest ? { blastRadius: largest } : {}),
    ...(risk ? { risk } : {}),
  };
}

function count(origin: LineOrigin, lines: number, sources: Counter, tools: Counter, models: Counter): void {
  sources.add(origin.source, lines);
  if (origin.tool) tools.add(origin.tool, lines);
  if (origin.model) models.add(origin.model, lines);
}

class Counter {
  private readonly counts = new Map<string, number>();

  add(name: string, lines: number): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + lines);
  }

  /** Most frequent first, then by name, so the output is stable. */
  ranked(): string[] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0])).map(([name]) => name);
  }
}
