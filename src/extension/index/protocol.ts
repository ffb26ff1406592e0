import type { BlastRadius, IndexStats } from '../../core/index';

/**
 * The messages between the extension host and a repository's index thread
 * (indexHostWorker.ts). Plain data only: everything is structured-cloned.
 * No `vscode` here: both threads import this file.
 */

export interface IndexOpenOptions {
  /** Absolute repository root. */
  readonly root: string;
  /** Where the parse cache lives; undefined = no persistence. */
  readonly cacheDir: string | undefined;
  /** Repo-relative globs left out on top of .gitignore and the vendored folders. */
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
  /** Parse threads under the index thread. */
  readonly parseWorkers: number;
  /** False in an untrusted workspace: the index lists files by walking the folder, and runs no git. */
  readonly trusted: boolean;
  /** The raw `aiProvenance.loadBearing` user setting, for the classes of dependents. */
  readonly loadBearingSetting: unknown;
  /** Ignore (and overwrite) the persisted cache: the Rebuild command. */
  readonly discardCache: boolean;
}

/** Lines [firstLine, lastLine] (0-based, inclusive) of a repo-relative path. */
export interface RegionQuery {
  readonly path: string;
  readonly firstLine: number;
  readonly lastLine: number;
}

/** 'unavailable': the file is not in the index (unsupported, skipped, excluded, gone). */
export type RegionAnswer = BlastRadius | 'unavailable';

/** A file event: an absolute path and what happened to it (a save is a change). */
export interface FileChange {
  readonly path: string;
  readonly kind: 'created' | 'changed' | 'deleted';
}

/** What a batch of changed paths did to the index. */
export type ChangeOutcome =
  | { readonly kind: 'none'; readonly ignored: number }
  | {
      readonly kind: 'update';
      readonly ignored: number;
      readonly parsed: number;
      readonly removed: number;
      readonly relinked: number;
      readonly configChanged: boolean;
      readonly ms: number;
    }
  | { readonly kind: 'refresh'; readonly ignored: number; readonly reason: string; readonly stats: IndexStats };

export type IndexRequest =
  | { readonly op: 'open'; readonly options: IndexOpenOptions }
  | { readonly op: 'build' }
  | { readonly op: 'update'; readonly changes: readonly FileChange[] }
  | { readonly op: 'reloadClassifier'; readonly loadBearingSetting: unknown }
  | { readonly op: 'blastRadius'; readonly queries: readonly RegionQuery[] }
  | { readonly op: 'dependentCounts' }
  | { readonly op: 'stats' }
  | { readonly op: 'dispose' };

/**
 * The reply to each request. `version` counts the index's changes in this
 * thread's life: answers are only current for the version they carry.
 */
export interface IndexReplies {
  readonly open: { readonly problems: readonly string[] };
  readonly build: { readonly version: number; readonly stats: IndexStats };
  readonly update: { readonly version: number; readonly outcome: ChangeOutcome };
  readonly reloadClassifier: { readonly version: number; readonly problems: readonly string[] };
  readonly blastRadius: { readonly version: number; readonly answers: readonly RegionAnswer[] };
  /** Repo-relative path -> files importing it directly (only paths with at least one). */
  readonly dependentCounts: { readonly version: number; readonly counts: ReadonlyArray<readonly [string, number]> };
  readonly stats: { readonly version: number; readonly stats: IndexStats };
  readonly dispose: Record<string, never>;
}

export type IndexOp = IndexRequest['op'];
export type RequestOf<K extends IndexOp> = Extract<IndexRequest, { readonly op: K }>;

export interface RequestEnvelope {
  readonly id: number;
  readonly request: IndexRequest;
}

export type ReplyEnvelope =
  { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: string };
