import type { ImportKind, ReexportBinding } from '../types';

/**
 * A file-level edge `from` imports `to`, carrying what the symbol level needs:
 * which of `to`'s exported names each definition of `from` uses, who uses it
 * as a whole, and which names `from` passes on (re-exports).
 */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kinds: Set<ImportKind>;
  /** Exported name of `to` -> top-level definitions of `from` using it ('' = module-level code). */
  readonly symbolUsers: Map<string, Set<string>>;
  /** Definitions of `from` that use `to` as a whole: namespace imports, require(), import(), side effects. */
  readonly namespaceUsers: Set<string>;
  /** `export { imported as exported } from 'to'`; imported '*' re-exports the namespace. */
  readonly reexports: ReexportBinding[];
  /** `export * from 'to'`. */
  reexportAll: boolean;
}

export function newEdge(from: string, to: string): Edge {
  return { from, to, kinds: new Set(), symbolUsers: new Map(), namespaceUsers: new Set(), reexports: [], reexportAll: false };
}

export function addSymbolUser(edge: Edge, name: string, user: string): void {
  let users = edge.symbolUsers.get(name);
  if (!users) edge.symbolUsers.set(name, (users = new Set()));
  users.add(user);
}
