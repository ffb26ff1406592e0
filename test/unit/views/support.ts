import type { BlastRadius, Dependent } from '../../../src/core/index/blastRadius';
import { LoadBearingClassifier } from '../../../src/core/loadBearing/classifier';
import type { AiRegion, Review } from '../../../src/core/regions/region';

let nextId = 0;

/** A region over whole lines from `firstLine`; lines starting with "H:" were rewritten by a human. */
export function region(
  firstLine: number,
  lines: readonly string[],
  options: { id?: string; reviewed?: Review; startCharacter?: number } = {},
): AiRegion {
  const texts = lines.map((line) => line.replace(/^H:/, ''));
  const last = texts.length - 1;
  return {
    id: options.id ?? `r${++nextId}`,
    source: 'inline',
    tool: 'copilot',
    createdAt: 0,
    confidence: 1,
    start: { line: firstLine, character: options.startCharacter ?? 0 },
    end: { line: firstLine + last, character: (last === 0 ? (options.startCharacter ?? 0) : 0) + texts[last]!.length },
    lines: lines.map((line, index) => ({ text: texts[index]!, human: line.startsWith('H:') })),
    ...(options.reviewed ? { reviewed: options.reviewed } : {}),
  };
}

/** [path, depth, load-bearing classes, test?] */
export type DependentSpec = readonly [path: string, depth: number, classes?: readonly string[], test?: boolean];

export function radius(path: string, dependents: readonly DependentSpec[], symbols: readonly string[] = ['postEntry']): BlastRadius {
  const list: Dependent[] = dependents.map(([dependentPath, depth, classes = [], test = false]) => ({
    path: dependentPath,
    depth,
    via: [`${path}#${symbols[0] ?? '*'}`],
    symbols: [],
    loadBearing: classes,
    test,
  }));
  return {
    target: { path },
    symbols,
    level: symbols.length > 0 ? 'symbol' : 'file',
    dependents: list,
    files: list.length,
    targetLoadBearing: [],
    loadBearing: list.filter((d) => d.loadBearing.length > 0).map((d) => ({ path: d.path, classes: d.loadBearing })),
    entryPoints: { production: [], tests: [] },
    truncated: false,
  };
}

/** The built-in classes: `src/payments/**` is payments (critical), `src/util/**` is nothing. */
export const classifier = new LoadBearingClassifier();
export const PAYMENTS = classifier.classify('src/payments/ledger.ts');
export const PLAIN = classifier.classify('src/util/format.ts');
