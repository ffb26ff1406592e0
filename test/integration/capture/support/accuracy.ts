// Line-by-line comparison of what the extension marked with the truth.
import type { LineTruth } from './authorship';

export interface SourceScore {
  /** Lines truly written by this source. */
  truth: number;
  /** Lines marked with this source. */
  marked: number;
  /** Lines marked with this source that an AI did write. */
  markedCorrectly: number;
  /** Lines truly written by this source that are marked (by any AI source). */
  found: number;
}

export interface AccuracyReport {
  readonly bySource: Record<string, SourceScore>;
  /** Human or tool lines marked as AI, by who really wrote them. */
  readonly falsePositivesBy: Record<string, number>;
  /** AI lines not marked, by source. */
  readonly missesBy: Record<string, number>;
  readonly overall: { precision: number; recall: number; truthAi: number; markedAi: number };
}

export class AccuracyTally {
  private readonly bySource: Record<string, SourceScore> = {};
  private readonly falsePositivesBy: Record<string, number> = {};
  private readonly missesBy: Record<string, number> = {};

  /** `marked`: 0-based line -> source the extension recorded. */
  add(truth: readonly LineTruth[], marked: ReadonlyMap<number, string>): void {
    truth.forEach((line, index) => {
      const markedSource = marked.get(index);
      if (line.ai) {
        const score = this.score(line.author);
        score.truth++;
        if (markedSource) score.found++;
        else this.missesBy[line.author] = (this.missesBy[line.author] ?? 0) + 1;
      }
      if (markedSource) {
        const score = this.score(markedSource);
        score.marked++;
        if (line.ai) score.markedCorrectly++;
        else this.falsePositivesBy[line.author] = (this.falsePositivesBy[line.author] ?? 0) + 1;
      }
    });
  }

  report(): AccuracyReport {
    const scores = Object.values(this.bySource);
    const sum = (pick: (score: SourceScore) => number) => scores.reduce((total, score) => total + pick(score), 0);
    const markedAi = sum((score) => score.marked);
    const truthAi = sum((score) => score.truth);
    return {
      bySource: this.bySource,
      falsePositivesBy: this.falsePositivesBy,
      missesBy: this.missesBy,
      overall: {
        precision: markedAi === 0 ? 1 : sum((score) => score.markedCorrectly) / markedAi,
        recall: truthAi === 0 ? 1 : sum((score) => score.found) / truthAi,
        truthAi,
        markedAi,
      },
    };
  }

  private score(source: string): SourceScore {
    return (this.bySource[source] ??= { truth: 0, marked: 0, markedCorrectly: 0, found: 0 });
  }
}

/** The floors `npm test` asserts (issue 15, item 7) and `npm run bench:capture` reports against. */
export const ACCURACY_FLOOR = { precision: 0.98, recall: 0.95 } as const;

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** The report as a Markdown table per source, with what was wrongly marked and what was missed. */
export function accuracyTable(report: AccuracyReport): string[] {
  const rows = ['| source | AI lines (truth) | marked | precision | recall |', '|---|---:|---:|---:|---:|'];
  for (const [source, score] of Object.entries(report.bySource).sort()) {
    const precision = score.marked === 0 ? '–' : percent(score.markedCorrectly / score.marked);
    const recall = score.truth === 0 ? '–' : percent(score.found / score.truth);
    rows.push(`| ${source} | ${score.truth} | ${score.marked} | ${precision} | ${recall} |`);
  }
  const { overall } = report;
  rows.push(`| **overall** | ${overall.truthAi} | ${overall.markedAi} | ${percent(overall.precision)} | ${percent(overall.recall)} |`);
  rows.push(`Human or tool lines marked as AI, by who wrote them: ${JSON.stringify(report.falsePositivesBy)}`);
  rows.push(`AI lines not marked, by source: ${JSON.stringify(report.missesBy)}`);
  return rows;
}
