import * as vscode from 'vscode';
import type { BlastLookup } from '../../core/views';
import type { BlastRadiusSource } from './blastRadiusSource';
import type { RepositoryContext } from '../repositories/repositoryContext';

/**
 * The blast-radius source the views use, replaceable at run time: the
 * workspace index service plugs in when it is ready (and tests may plug in
 * their own through the extension's API). Fires onDidChange on every switch.
 */
export class BlastRadiusSlot implements BlastRadiusSource, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private subscription: vscode.Disposable;
  readonly onDidChange = this.changeEmitter.event;

  constructor(private current: BlastRadiusSource) {
    this.subscription = current.onDidChange(() => this.changeEmitter.fire());
  }

  /** Uses `source` until the returned disposable is disposed, then the previous one again. */
  use(source: BlastRadiusSource): vscode.Disposable {
    const previous = this.current;
    this.switchTo(source);
    return new vscode.Disposable(() => {
      if (this.current === source) this.switchTo(previous);
    });
  }

  blastRadiusOf(repository: RepositoryContext, path: string, firstLine: number, lastLine: number): BlastLookup {
    return this.current.blastRadiusOf(repository, path, firstLine, lastLine);
  }

  dependentCounts(repository: RepositoryContext): ReadonlyMap<string, number> | undefined {
    return this.current.dependentCounts?.(repository);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private switchTo(source: BlastRadiusSource): void {
    this.subscription.dispose();
    this.current = source;
    this.subscription = source.onDidChange(() => this.changeEmitter.fire());
    this.changeEmitter.fire();
  }
}
