import type { ImportBinding } from '../types';

/** Where an import leads. A Go import leads to every file of its package; Python may add submodules. */
export type Resolution =
  | { readonly kind: 'files'; readonly targets: readonly ResolvedTarget[] }
  | { readonly kind: 'external'; readonly name: string }
  | { readonly kind: 'unresolved' };

export interface ResolvedTarget {
  readonly path: string;
  readonly bindings: readonly ImportBinding[];
}

export const UNRESOLVED: Resolution = { kind: 'unresolved' };

export function external(name: string): Resolution {
  return { kind: 'external', name };
}
