import * as vscode from 'vscode';
import type { Dependent } from '../../../../src/core/index/blastRadius';
import type { BlastLookup } from '../../../../src/core/views/blastLookup';
import type { BlastRadiusSource } from '../../../../src/extension/blastRadius/blastRadiusSource';
import { handMadeBlastRadius } from '../../../support/handMadeBlastRadius';

/**
 * The blast radii of test/fixtures/workspace as its imports make them (what
 * the workspace index computes there): `postEntry` of src/payments/ledger.ts
 * is used by refund.ts, checkout/cart.ts and reports/daily.ts, and through
 * the last two by api/routes.ts; `dailyTotals` of reports/daily.ts by
 * api/routes.ts. Stands in for the workspace index (see BlastRadiusSource)
 * so that view tests control when answers arrive; starts 'pending', like an
 * index being built.
 */
const GRAPH: Readonly<Record<string, { symbol: string; dependents: ReadonlyArray<[string, number, string[]]> }>> = {
  'src/payments/ledger.ts': {
    symbol: 'postEntry',
    dependents: [
      ['src/payments/refund.ts', 1, ['payments']],
      ['src/checkout/cart.ts', 1, ['payments']],
      ['src/reports/daily.ts', 1, []],
      ['src/api/routes.ts', 2, []],
    ],
  },
  'src/reports/daily.ts': { symbol: 'dailyTotals', dependents: [['src/api/routes.ts', 1, []]] },
};

export class FixtureIndex implements BlastRadiusSource, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private ready = false;
  /** Every question asked, as `path:first-last`. */
  readonly asked: string[] = [];
  readonly onDidChange = this.emitter.event;

  /** The index finished building: answers are known from now on. */
  finish(): void {
    this.ready = true;
    this.emitter.fire();
  }

  blastRadiusOf(_repository: unknown, path: string, firstLine: number, lastLine: number): BlastLookup {
    this.asked.push(`${path}:${firstLine}-${lastLine}`);
    const entry = GRAPH[path];
    if (!entry) return 'unavailable';
    if (!this.ready) return 'pending';
    const dependents: Dependent[] = entry.dependents.map(([dependent, depth, classes]) => ({
      path: dependent,
      depth,
      via: [`${path}#${entry.symbol}`],
      symbols: [],
      loadBearing: classes,
      test: false,
    }));
    return handMadeBlastRadius({ path, startLine: firstLine, endLine: lastLine }, [entry.symbol], dependents);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
