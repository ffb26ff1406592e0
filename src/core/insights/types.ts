/**
 * The numbers behind the Insights charts (`ai-provenance insights --json`,
 * the HTML report and the editor's Insights view). Pure data: the browser
 * page imports these types too.
 */
export const INSIGHTS_SCHEMA = 'ai-provenance/insights';
export const INSIGHTS_VERSION = 1;

/** byClass key of the files that are in no load-bearing class. */
export const NOT_LOAD_BEARING = 'not-load-bearing';

export interface LineTotals {
  /** Non-blank lines the commits added or changed. */
  readonly addedLines: number;
  readonly aiLines: number;
  /** aiLines / addedLines (0 when nothing was added). */
  readonly aiShare: number;
}

export interface ReviewTotals extends LineTotals {
  /** AI lines marked reviewed in the editor before their commit. */
  readonly reviewedLines: number;
  /** AI lines of commits (or files) with a sign-off. */
  readonly signedOffLines: number;
  /** AI lines neither reviewed before the commit nor signed off since. */
  readonly unreviewedLines: number;
}

export interface InsightsRange {
  readonly repositories: readonly string[];
  readonly since?: string;
  readonly base?: string;
  readonly head?: string;
  /** The export folder, for `insights --from`. */
  readonly from?: string;
  /** Commit times (ISO 8601) of the oldest and newest commit counted. */
  readonly firstCommitAt?: string;
  readonly lastCommitAt?: string;
  /** Non-merge commits in the range, and how many of them have AI lines. */
  readonly commits: number;
  readonly commitsWithAi: number;
  readonly totals: ReviewTotals;
}

export interface WeekPoint extends LineTotals {
  /** Monday (UTC) that starts the ISO week, YYYY-MM-DD. */
  readonly week: string;
  readonly commits: number;
  /** Per load-bearing class (highest-severity class of each file); classes without added lines that week are absent. */
  readonly byClass: Readonly<Record<string, LineTotals>>;
}

export interface TopFile {
  readonly repository: string;
  readonly path: string;
  /** Highest-severity load-bearing class, null when the file is not load-bearing. */
  readonly class: string | null;
  readonly aiLines: number;
  readonly unreviewedLines: number;
  /** Dependent files (and how many are load-bearing); null when no index measured it. */
  readonly blastRadius: { readonly files: number; readonly loadBearing: number; readonly source: 'index' | 'notes' } | null;
  /** The risk model's blast factor (1 when the radius is unknown, at most its maxFactor). */
  readonly blastFactor: number;
  /** unreviewedLines x blastFactor: what the files are ranked by. */
  readonly weight: number;
}

/** AI lines per source, tool and model (lines with no known tool or model are not counted there). */
export interface OriginTotals {
  readonly sources: Readonly<Record<string, number>>;
  readonly tools: Readonly<Record<string, number>>;
  readonly models: Readonly<Record<string, number>>;
}

export interface LatencyBucket {
  readonly label: string;
  /** Upper bound in hours (exclusive); null for the last, open bucket. */
  readonly maxHours: number | null;
  readonly commits: number;
}

/** Time from a commit to its (first) sign-off. */
export interface ReviewLatency {
  readonly signedOffCommits: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly buckets: readonly LatencyBucket[];
}

export interface SignOffStatus {
  /** False: no sign-off was found in the range (or the reader is not available), so "signed off" is 0 everywhere. */
  readonly recorded: boolean;
  /** Where sign-offs are read from (a notes ref), or why not. */
  readonly source: string;
}

export interface Insights {
  readonly schema: typeof INSIGHTS_SCHEMA;
  readonly version: number;
  readonly generatedAt: string;
  readonly range: InsightsRange;
  readonly weekly: readonly WeekPoint[];
  /** Load-bearing classes in severity order, then NOT_LOAD_BEARING. */
  readonly classes: readonly string[];
  readonly byClass: Readonly<Record<string, ReviewTotals>>;
  readonly topFiles: readonly TopFile[];
  readonly tools: OriginTotals;
  readonly reviewLatency: ReviewLatency;
  readonly signOffs: SignOffStatus;
}
