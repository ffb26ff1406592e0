import type { Node, QueryCapture } from 'web-tree-sitter';
import type { ExportAlias, FileFacts, ImportBinding, ImportFact } from '../types';
import { type DefinitionDraft, type IndexRange, draftFromNode, finishDefinition, rangeOf } from './draft';
import { DefinitionLocator, collectUses } from './references';

/** Extracts imports, top-level definitions and uses from a Python tree. */

const USE_NODE_TYPES = new Set(['identifier']);
const DECLARING_PARENTS = new Set(['function_definition', 'class_definition']);

function importsOf(statement: Node, user: string | undefined): ImportFact[] {
  const line = statement.startPosition.row;
  const withUser = user === undefined ? {} : { user };
  if (statement.type === 'import_statement') {
    // `import a.b as c, d`: each name is its own module.
    return statement.childrenForFieldName('name').flatMap((name): ImportFact[] => {
      if (!name) return [];
      const dotted = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
      const alias = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : undefined;
      if (!dotted) return [];
      const local = alias ?? dotted.text.split('.')[0]!;
      return [{ specifier: dotted.text, kind: 'static', line, bindings: [{ imported: '*', local }], ...withUser }];
    });
  }
  const moduleName = statement.childForFieldName('module_name');
  if (!moduleName) return [];
  const specifier = moduleName.text.replace(/\s+/g, '');
  const wildcard = statement.namedChildren.some((c) => c?.type === 'wildcard_import');
  if (wildcard) {
    // `from x import *` pulls every public name in and passes them on.
    return [{ specifier, kind: 'static', line, bindings: [{ imported: '*', local: '' }], reexportAll: true, ...withUser }];
  }
  const bindings: ImportBinding[] = [];
  for (const name of statement.childrenForFieldName('name')) {
    if (!name) continue;
    const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
    const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : imported;
    if (imported && local) bindings.push({ imported, local });
  }
  return [{ specifier, kind: 'static', line, bindings, ...withUser }];
}

function addDefinition(node: Node, definitions: DefinitionDraft[], outer: Node = node): void {
  switch (node.type) {
    case 'decorated_definition': {
      const inner = node.childForFieldName('definition');
      if (inner) addDefinition(inner, definitions, node);
      return;
    }
    case 'function_definition': {
      const name = node.childForFieldName('name')?.text;
      if (name) definitions.push(draftFromNode(name, 'function', outer, exportedName(name)));
      return;
    }
    case 'class_definition': {
      const name = node.childForFieldName('name')?.text;
      if (!name) return;
      definitions.push(draftFromNode(name, 'class', outer, exportedName(name)));
      for (const member of node.childForFieldName('body')?.namedChildren ?? []) {
        const method = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
        const methodName = method?.type === 'function_definition' ? method.childForFieldName('name')?.text : undefined;
        if (member && methodName) definitions.push(draftFromNode(`${name}.${methodName}`, 'method', member, [], true));
      }
      return;
    }
    case 'expression_statement': {
      const left = node.namedChildren[0]?.childForFieldName('left');
      if (!left) return;
      const targets = left.type === 'identifier' ? [left] : left.namedChildren.filter((c) => c?.type === 'identifier');
      for (const target of targets) {
        if (target && target.text !== '__all__') {
          definitions.push(draftFromNode(target.text, 'variable', node, exportedName(target.text)));
        }
      }
      return;
    }
  }
}

/** Python has no export syntax: every top-level name is importable; `_private` ones by convention less so. */
function exportedName(name: string): string[] {
  return [name];
}

export function extractPython(root: Node, text: string, structure: readonly QueryCapture[], nested: readonly QueryCapture[]): FileFacts {
  const imports: ImportFact[] = [];
  const definitions: DefinitionDraft[] = [];
  const excluded: IndexRange[] = [];
  for (const capture of structure) {
    if (capture.name === 'import') {
      imports.push(...importsOf(capture.node, undefined));
      excluded.push(rangeOf(capture.node));
    } else if (capture.name === 'definition') {
      addDefinition(capture.node, definitions);
    }
  }
  const locator = new DefinitionLocator(definitions);
  for (const capture of nested) {
    if (capture.name !== 'import') continue;
    imports.push(...importsOf(capture.node, locator.ownerName(capture.node.startIndex)));
    excluded.push(rangeOf(capture.node));
  }
  // Names imported with `from x import y` are attributes of this module too: packages re-export this way.
  const exportAliases: ExportAlias[] = [];
  for (const fact of imports) {
    if (fact.user !== undefined || fact.specifier.length === 0) continue;
    for (const binding of fact.bindings) {
      if (binding.imported !== '*' && binding.local !== '') exportAliases.push({ local: binding.local, exported: binding.local });
    }
  }
  const names = new Set<string>();
  for (const fact of imports) for (const binding of fact.bindings) names.add(binding.local);
  for (const definition of definitions) if (!definition.method) names.add(definition.name);
  const topLevelUses = new Set<string>();
  collectUses({ text, root, names, identifierTypes: USE_NODE_TYPES, declaringParents: DECLARING_PARENTS, excluded, locator, topLevelUses });
  return {
    language: 'python',
    imports,
    definitions: definitions.map(finishDefinition),
    exportAliases,
    topLevelUses: [...topLevelUses],
    hasParseErrors: root.hasError,
  };
}
