/**
 * What Insights keeps of one commit: who, when, how many lines it added per
 * file, and what its provenance note says about the AI lines. Cached per
 * commit (commitCache.ts), so it is small and plain data.
 */
export interface CommitRecord {
  readonly sha: string;
  readonly author: string;
  readonly email: string;
  /** Committer time, Unix seconds. */
  readonly time: number;
  /** Non-blank lines added or changed, per file (files that only lost lines are absent). */
  readonly added: Readonly<Record<string, number>>;
  /** The note blob the AI facts were read from; absent without a note. */
  readonly noteBlob?: string;
  /** Per file with AI lines. */
  readonly ai: Readonly<Record<string, FileAiFacts>>;
}

/** Names (sources, tools or models) with the AI lines of each, most lines first, as parallel lists. */
export interface Tally {
  readonly names: readonly string[];
  readonly lines: readonly number[];
}

export interface FileAiFacts {
  readonly lines: number;
  /** AI lines reviewed before the commit. */
  readonly reviewed: number;
  readonly sources: Tally;
  /** Lines with an unknown tool or model are not counted here. */
  readonly tools: Tally;
  readonly models: Tally;
  /** [dependent files, load-bearing ones] as recorded in the note, when it recorded one. */
  readonly blast?: readonly [number, number];
}

export const EMPTY_TALLY: Tally = Object.freeze({ names: Object.freeze([]), lines: Object.freeze([]) });
