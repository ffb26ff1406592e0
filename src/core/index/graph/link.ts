import type { ResolverHost } from '../resolve/host';
import { directoryOf } from '../resolve/host';
import type { Resolver } from '../resolve/resolver';
import type { FileFacts, ImportBinding } from '../types';
import { type Edge, addKind, addNamespaceUser, addReexport, addSymbolUser, newEdge } from './edge';
import { type FileEntry, ownerSymbol } from './fileEntry';

/**
 * Turns one file's facts into resolved outgoing edges. Linking reads only the
 * file's own facts (and, for Go, its package siblings' definitions), so an
 * update re-links one file without touching the rest of the graph.
 */

interface BoundTarget {
  readonly edge: Edge;
  readonly imported: string;
}

export interface LinkContext {
  readonly resolver: Resolver;
  readonly host: ResolverHost;
  readonly entryOf: (path: string) => FileEntry | undefined;
}

export function linkFile(entry: FileEntry, context: LinkContext): void {
  entry.edges = new Map();
  entry.externals = [];
  entry.unresolved = [];
  const facts = entry.facts;
  if (!facts) return;
  const edgeTo = (to: string) => {
    let edge = entry.edges.get(to);
    if (!edge) entry.edges.set(to, (edge = newEdge(entry.path, to)));
    return edge;
  };
  const bound = new Map<string, BoundTarget[]>();
  const bind = (binding: ImportBinding, edge: Edge) => {
    if (binding.local === '') return;
    let list = bound.get(binding.local);
    if (!list) bound.set(binding.local, (list = []));
    list.push({ edge, imported: binding.imported });
  };

  for (const fact of facts.imports) {
    const resolution = context.resolver.resolve(facts.language, entry.path, fact);
    if (resolution.kind === 'external') {
      if (!entry.externals.includes(resolution.name)) entry.externals.push(resolution.name);
      continue;
    }
    if (resolution.kind === 'unresolved') {
      entry.unresolved.push(fact.specifier);
      continue;
    }
    for (const target of resolution.targets) {
      if (target.path === entry.path) continue;
      const edge = edgeTo(target.path);
      addKind(edge, fact.kind);
      if (fact.user !== undefined) {
        // A nested import()/require(): the names it takes, or the module as a whole.
        const owner = ownerSymbol(fact.user);
        if (fact.used) for (const name of fact.used) addSymbolUser(edge, name, owner);
        else addNamespaceUser(edge, owner);
      }
      if (fact.kind === 'side-effect') addNamespaceUser(edge, '');
      if (fact.reexports) for (const reexport of fact.reexports) addReexport(edge, reexport);
      if (fact.reexportAll) {
        edge.reexportAll = true;
        // Python's `from x import *` also puts x's names into this module's scope.
        if (facts.language === 'python') addNamespaceUser(edge, '');
      }
      if (fact.user === undefined) for (const binding of target.bindings) bind(binding, edge);
    }
  }

  const used = new Set<string>();
  const ecmascript = facts.language !== 'go' && facts.language !== 'python';
  const recordUse = (user: string, name: string) => {
    // `pkg.Name` (Go) and `binding.member` (JavaScript/TypeScript) name a member of an import.
    const dot = facts.language === 'python' ? -1 : name.indexOf('.');
    const local = dot < 0 ? name : name.slice(0, dot);
    const targets = bound.get(local);
    if (!targets) return;
    used.add(local);
    const member = dot < 0 ? undefined : name.slice(dot + 1);
    for (const { edge, imported } of targets) {
      if (imported === '*') {
        // A namespace: `ns.x` uses `x`; `ns` on its own uses the whole module.
        if (member !== undefined) addSymbolUser(edge, member, user);
        else addNamespaceUser(edge, user);
      } else {
        // A named import: `a.b` is recorded as such, so a re-exported namespace `a` counts only its member `b`.
        addSymbolUser(edge, member === undefined ? imported : `${imported}.${member}`, user);
      }
    }
  };
  for (const definition of facts.definitions) {
    const owner = ownerSymbol(definition.name);
    for (const name of definition.uses ?? []) recordUse(owner, name);
  }
  for (const name of facts.topLevelUses) recordUse('', name);

  // Python and Go: imported but never seen used (or only where the scanner could
  // not see it): module level depends on it. In JavaScript/TypeScript an unused
  // imported binding depends on nothing (see docs/INDEX.md).
  if (!ecmascript) {
    for (const [local, targets] of bound) {
      if (used.has(local)) continue;
      for (const { edge, imported } of targets) {
        if (imported === '*') addNamespaceUser(edge, '');
        else addSymbolUser(edge, imported, '');
      }
    }
  }

  // `import { a } from 'x'; export { a as b }` passes x's `a` through as `b`.
  for (const alias of facts.exportAliases) {
    for (const { edge, imported } of bound.get(alias.local) ?? []) {
      addReexport(edge, { imported, exported: alias.exported });
    }
  }

  if (facts.language === 'go') linkGoPackageSiblings(entry, facts, context, edgeTo);
}

/** Go files of one package share a namespace: bare uses of a sibling's definitions are edges too. */
function linkGoPackageSiblings(entry: FileEntry, facts: FileFacts, context: LinkContext, edgeTo: (to: string) => Edge): void {
  const definedBy = new Map<string, string>();
  for (const sibling of packageSiblings(entry.path, context)) {
    const siblingFacts = context.entryOf(sibling)?.facts;
    if (!siblingFacts || siblingFacts.packageName !== facts.packageName) continue;
    for (const definition of siblingFacts.definitions) {
      if (definition.kind !== 'method') definedBy.set(definition.name, sibling);
    }
  }
  if (definedBy.size === 0) return;
  for (const definition of facts.definitions) {
    const owner = ownerSymbol(definition.name);
    for (const name of definition.uses ?? []) {
      const sibling = definedBy.get(name);
      if (!sibling) continue;
      const edge = edgeTo(sibling);
      addKind(edge, 'package');
      addSymbolUser(edge, name, owner);
    }
  }
}

export function packageSiblings(path: string, context: LinkContext): string[] {
  const directory = directoryOf(path);
  const all = context.host.filesIn(directory).filter((file) => file.endsWith('.go') && file !== path);
  // Test files see the package's files; the package's files never see its tests.
  return path.endsWith('_test.go') ? all : all.filter((file) => !file.endsWith('_test.go'));
}
