import * as vscode from 'vscode';
import type { BlastRadius } from '../../../src/core/index/blastRadius';
import type { BlastLookup } from '../../../src/core/views/blastLookup';
import type { BlastRadiusSource } from '../../../src/extension/blastRadius/blastRadiusSource';

/**
 * Stands in for the workspace index, so that the trailers do not depend on
 * how far the real one got: `radii` answers per path once finish() was
 * called ('pending' before, like an index being built); other paths are
 * unknown to it.
 */
export class FixedBlastRadius implements BlastRadiusSource, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private ready = false;
  readonly onDidChange = this.emitter.event;

  constructor(private readonly radii: Readonly<Record<string, { readonly files: number; readonly loadBearing: readonly string[] }>> = {}) {}

  finish(): void {
    this.ready = true;
    this.emitter.fire();
  }

  blastRadiusOf(_repository: unknown, path: string, firstLine: number, lastLine: number): BlastLookup {
    const radius = this.radii[path];
    if (!radius) return 'unavailable';
    if (!this.ready) return 'pending';
    const answer: BlastRadius = {
      target: { path, startLine: firstLine, endLine: lastLine },
      symbols: [],
      level: 'file',
      dependents: [],
      files: radius.files,
      targetLoadBearing: [],
      loadBearing: radius.loadBearing.map((dependent) => ({ path: dependent, classes: ['payments'] })),
      entryPoints: { production: [], tests: [] },
      truncated: false,
    };
    return answer;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
