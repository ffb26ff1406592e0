import * as vscode from 'vscode';
import type { BlastLookup } from '../../core/views';
import type { RepositoryContext } from '../repositories/repositoryContext';

/**
 * What the views need from the workspace index (src/extension/index/**).
 * The views never guess: 'pending' shows "blast radius: indexing…",
 * 'unavailable' shows nothing. The index service is wired in extension.ts,
 * as the BlastRadiusSlot's source.
 */
export interface BlastRadiusSource {
  /**
   * Fires when answers may have changed: the index finished building, or an
   * update after a save or a branch switch. Views then ask again.
   */
  readonly onDidChange: vscode.Event<void>;

  /**
   * The blast radius of lines [firstLine, lastLine] (0-based, inclusive) of a
   * repo-relative path. Called while painting editors, so it must answer from
   * memory: return 'pending' and compute off the extension host's thread
   * (then fire onDidChange) rather than walk a large graph here. The views
   * memoize answers per region until onDidChange, and do not ask while a file
   * is being edited.
   */
  blastRadiusOf(repository: RepositoryContext, path: string, firstLine: number, lastLine: number): BlastLookup;

  /**
   * Repo-relative path -> number of files that depend on it, for
   * load-bearing "by structure" (high fan-in). Undefined until known.
   */
  dependentCounts?(repository: RepositoryContext): ReadonlyMap<string, number> | undefined;
}
