import type { FileFacts, LanguageId, SkipReason } from '../types';
import type { Edge } from './edge';

/** Everything the index knows about one file. */
export interface FileEntry {
  readonly path: string;
  readonly language: LanguageId;
  mtimeMs: number;
  size: number;
  hash: string;
  facts: FileFacts | undefined;
  skipped: SkipReason | undefined;
  /** Outgoing edges, keyed by target path. */
  edges: Map<string, Edge>;
  externals: string[];
  unresolved: string[];
  parseError: string | undefined;
}

/** The graph name of a definition: Go methods (`T.M`) and class members count as their type. */
export function ownerSymbol(definitionName: string): string {
  const dot = definitionName.indexOf('.');
  return dot < 0 ? definitionName : definitionName.slice(0, dot);
}
