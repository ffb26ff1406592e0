import { basename } from 'node:path';
import type { LoadBearingClassifier } from '../loadBearing';
import type { BlastRadiusProvider } from '../provenance/blastRadius';
import type { RiskModelConfig } from '../risk/riskModel';
import { aggregate } from './aggregate';
import { readHistory, type History, type HistoryOptions } from './commitHistory';
import { exportRows } from './exportRows';
import type { ExportRow } from './exportSchema';
import { signOffNotesReader } from './signOffNotesReader';
import type { SignOffReader, SignOffs } from './signOffs';
import type { Insights } from './types';

export interface RepositoryInsightsOptions extends HistoryOptions {
  readonly classifier: LoadBearingClassifier;
  /** The name in exports and charts; the repository's folder name by default. */
  readonly repository?: string;
  /** Where sign-offs come from: refs/notes/ai-provenance-signoffs unless told otherwise. */
  readonly signOffReader?: SignOffReader;
  readonly riskModel?: RiskModelConfig;
  /** The workspace index, for today's blast radius of the top files. */
  readonly blastRadius?: BlastRadiusProvider;
}

export interface RepositoryRows {
  readonly rows: ExportRow[];
  readonly history: History;
  readonly signOffs: SignOffs;
  /** Notes and sign-offs that could not be read. */
  readonly problems: readonly string[];
}

/** The export rows of a repository's history (incremental: see readHistory). */
export async function repositoryRows(root: string, options: RepositoryInsightsOptions): Promise<RepositoryRows> {
  const history = await readHistory(root, options);
  const reader = options.signOffReader ?? signOffNotesReader;
  const signOffs = await reader(
    root,
    history.commits.map((commit) => commit.sha),
  );
  const rows = exportRows(history.commits, { repository: options.repository ?? basename(root), classifier: options.classifier, signOffs });
  return { rows, history, signOffs, problems: [...history.problems, ...signOffs.problems] };
}

/** Every file whose radius the index can measure is asked once; the index answers in well under a millisecond each. */
const MAX_INDEX_QUERIES = 5_000;

export async function repositoryInsights(
  root: string,
  options: RepositoryInsightsOptions,
): Promise<{ insights: Insights; history: History; problems: readonly string[] }> {
  const { rows, history, signOffs, problems } = await repositoryRows(root, options);
  const measured = new Map<string, { files: number; loadBearing: number }>();
  if (options.blastRadius) {
    const candidates = [...new Set(rows.filter((row) => row.ai_lines > row.reviewed_lines && !row.signed_off).map((row) => row.file))].slice(
      0,
      MAX_INDEX_QUERIES,
    );
    for (const path of candidates) {
      // The whole file: every definition in it, whatever lines the AI wrote back then.
      const radius = await options.blastRadius({ path, startLine: 1, endLine: Number.MAX_SAFE_INTEGER });
      if (radius) measured.set(path, radius);
    }
  }
  const insights = aggregate(rows, {
    range: {
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.base !== undefined ? { base: options.base } : {}),
      head: history.head,
    },
    commits: history.commits.length,
    signOffs: { recorded: rows.some((row) => row.signed_off), source: signOffs.source },
    ...(measured.size > 0 ? { blastRadius: (_repository: string, path: string) => measured.get(path) } : {}),
    ...(options.riskModel ? { riskModel: options.riskModel } : {}),
  });
  return { insights, history, problems };
}
