import type { AiRiskLevel } from '../../risk';

/**
 * The note attached to a commit under refs/notes/ai-provenance: one JSON
 * document, written on a single line so that git's own note merging
 * (concatenate, cat_sort_uniq) leaves one parseable document per line.
 * A contract (docs/TRAILERS.md): any change of meaning bumps NOTE_VERSION.
 */
export const NOTES_REF = 'refs/notes/ai-provenance';
export const NOTE_SCHEMA = 'ai-provenance/commit-note';
export const NOTE_VERSION = 1;

/** Dependent files of an AI range (1-based lines), and how many of them are load-bearing. */
export interface NoteBlastRadius {
  readonly files: number;
  readonly loadBearing: number;
  readonly startLine: number;
  readonly endLine: number;
}

export interface NoteRange {
  /** 1-based, inclusive, in the commit's version of the file. */
  readonly start: number;
  readonly end: number;
  readonly source: string;
  readonly tool?: string;
  readonly model?: string;
  /** Set when the lines were reviewed before the commit was made. */
  readonly reviewed?: { readonly by: string; readonly at: string };
}

export interface NoteFile {
  /** Non-blank lines the commit added or changed in the file. */
  readonly addedLines: number;
  readonly aiLines: number;
  readonly reviewedLines: number;
  /** Load-bearing classes when the note was written, highest severity first. */
  readonly loadBearing?: readonly string[];
  /** The widest blast radius among the file's AI ranges, when an index was available. */
  readonly blastRadius?: NoteBlastRadius;
  readonly ranges: readonly NoteRange[];
}

export interface CommitNote {
  readonly schema: typeof NOTE_SCHEMA;
  readonly version: number;
  /** The commit the line numbers refer to (a copied note names its original commit). */
  readonly commit: string;
  /** When the note was written (ISO 8601). */
  readonly recordedAt: string;
  /** `ai-provenance <version>`. */
  readonly generator: string;
  readonly totals: { readonly aiLines: number; readonly addedLines: number; readonly reviewedLines: number };
  readonly risk?: AiRiskLevel;
  /** The widest blast radius of the commit (the widest of its files'), when known. */
  readonly blastRadius?: NoteBlastRadius & { readonly path: string };
  /** Files with AI lines, by repo-relative path. */
  readonly files: Readonly<Record<string, NoteFile>>;
  /** Set by `notes carry`: the merged pull request's commits whose notes this one carries (a squash or rebase merge made this commit). */
  readonly carriedFrom?: readonly string[];
}
