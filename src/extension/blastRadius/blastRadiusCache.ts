import * as vscode from 'vscode';
import type { AiRegion } from '../../core/regions';
import { type BlastLookup, BlastMemo } from '../../core/views';
import type { BlastRadiusSource } from './blastRadiusSource';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';

/** Quiet time after the last edit of a file before its regions' blast radii are asked for again. */
export const SETTLE_MS = 500;

/**
 * Blast radii of regions, memoized per region and index version (see
 * BlastMemo): repainting on a keystroke asks the index nothing. Fires
 * onDidChange when answers may differ: the index changed, or a file's edits
 * settled.
 */
export class BlastRadiusCache implements vscode.Disposable {
  private readonly memos = new Map<string, BlastMemo>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private settleTimer: NodeJS.Timeout | undefined;

  readonly onDidChange = this.changeEmitter.event;

  constructor(
    registry: RepositoryRegistry,
    private readonly source: BlastRadiusSource,
    private readonly settleMs = SETTLE_MS,
  ) {
    this.disposables.push(
      this.changeEmitter,
      registry.onDidChangeRegions((change) => {
        // Edits in this window move regions; regions from disk arrive whole.
        if (change.origin !== 'local') return;
        const memo = this.memoOf(change.repository);
        for (const path of change.paths) memo.noteEdit(path);
        this.settleLater();
      }),
      source.onDidChange(() => {
        for (const memo of this.memos.values()) memo.invalidate();
        this.changeEmitter.fire();
      }),
    );
  }

  forFile(repository: RepositoryContext, path: string, regions: readonly AiRegion[]): (region: AiRegion) => BlastLookup {
    return this.memoOf(repository).forFile(path, regions, (file, first, last) => this.source.blastRadiusOf(repository, file, first, last));
  }

  dispose(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private memoOf(repository: RepositoryContext): BlastMemo {
    let memo = this.memos.get(repository.root);
    if (!memo) this.memos.set(repository.root, (memo = new BlastMemo(this.settleMs)));
    return memo;
  }

  /** One timer for all files: restarted by each edit, it fires once typing pauses. */
  private settleLater(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.changeEmitter.fire();
    }, this.settleMs + 10);
  }
}
