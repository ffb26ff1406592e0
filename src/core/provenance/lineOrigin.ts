import type { Review } from '../regions/region';

/** Who wrote one AI line, and whether a human had reviewed it when it was committed. */
export interface LineOrigin {
  readonly source: string;
  readonly tool?: string;
  readonly model?: string;
  readonly reviewed?: Review;
}

export function sameOrigin(a: LineOrigin, b: LineOrigin): boolean {
  return a.source === b.source && a.tool === b.tool && a.model === b.model && a.reviewed?.by === b.reviewed?.by && a.reviewed?.at === b.reviewed?.at;
}

/** The AI lines of one file of a commit, with how many lines the commit added there. */
export interface FileAttribution {
  /** Repo-relative path in the commit. */
  readonly path: string;
  /** Path before a rename or copy. */
  readonly oldPath?: string;
  /** Non-blank lines the commit added or changed in the file. */
  readonly addedLines: number;
  /** 1-based line number (in the commit's version) -> origin, for the AI lines among them. */
  readonly aiLines: ReadonlyMap<number, LineOrigin>;
}
