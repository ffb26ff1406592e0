import type { Node } from 'web-tree-sitter';
import type { DefinitionFact, DefinitionKind } from '../types';

/**
 * Mutable state the language extractors fill while walking the captured
 * statements, turned into plain FileFacts at the end.
 */
export interface DefinitionDraft {
  name: string;
  kind: DefinitionKind;
  startLine: number;
  endLine: number;
  startIndex: number;
  endIndex: number;
  exportedAs: string[];
  uses?: Set<string>;
  /** Methods don't collect uses: the class (or Go receiver type) stands for them. */
  method: boolean;
}

export function draftFromNode(name: string, kind: DefinitionKind, node: Node, exportedAs: string[] = [], method = false): DefinitionDraft {
  return {
    name,
    kind,
    startLine: node.startPosition.row,
    endLine: node.endPosition.row,
    startIndex: node.startIndex,
    endIndex: node.endIndex,
    exportedAs,
    method,
  };
}

export function finishDefinition(draft: DefinitionDraft): DefinitionFact {
  const { name, kind, startLine, endLine, exportedAs } = draft;
  if (draft.method) return { name, kind, startLine, endLine, exportedAs };
  return { name, kind, startLine, endLine, exportedAs, uses: draft.uses ? Array.from(draft.uses) : [] };
}

/** Half-open [start, end) range of UTF-16 indices, like tree-sitter's in web-tree-sitter. */
export interface IndexRange {
  readonly start: number;
  readonly end: number;
}

export function rangeOf(node: Node): IndexRange {
  return { start: node.startIndex, end: node.endIndex };
}

/** The value of a string literal node without quotes (template strings with substitutions return undefined). */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'template_string' && node.namedChildCount > 0) {
    if (node.namedChildren.some((child) => child?.type === 'template_substitution')) return undefined;
  }
  const text = node.text;
  if (text.length < 2) return undefined;
  const quote = text[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  return text.slice(1, -1);
}
