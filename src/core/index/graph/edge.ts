import type { ImportKind, ReexportBinding } from '../types';

/**
 * A file-level edge `from` imports `to`, carrying what the symbol level needs:
 * which of `to`'s exported names each definition of `from` uses, who uses it
 * as a whole, and which names `from` passes on (re-exports). There is one per
 * import of the workspace, so its collections are created only when needed.
 */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kinds: ImportKind[];
  /** Exported name of `to` -> top-level definitions of `from` using it ('' = module-level code). */
  symbolUsers?: Map<string, Set<string>>;
  /** Definitions of `from` that use `to` as a whole: namespace imports, require(), import(), side effects. */
  namespaceUsers?: Set<string>;
  /** `export { imported as exported } from 'to'`; imported '*' re-exports the namespace. */
  reexports?: ReexportBinding[];
  /** `export * from 'to'`. */
  reexportAll: boolean;
}

export function newEdge(from: string, to: string): Edge {
  return { from, to, kinds: [], reexportAll: false };
}

export function addKind(edge: Edge, kind: ImportKind): void {
  if (!edge.kinds.includes(kind)) edge.kinds.push(kind);
}

export function addSymbolUser(edge: Edge, name: string, user: string): void {
  edge.symbolUsers ??= new Map();
  let users = edge.symbolUsers.get(name);
  if (!users) edge.symbolUsers.set(name, (users = new Set()));
  users.add(user);
}

export function addNamespaceUser(edge: Edge, user: string): void {
  (edge.namespaceUsers ??= new Set()).add(user);
}

export function addReexport(edge: Edge, reexport: ReexportBinding): void {
  (edge.reexports ??= []).push(reexport);
}
