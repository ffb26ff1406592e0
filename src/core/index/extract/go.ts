import type { Node, QueryCapture } from 'web-tree-sitter';
import type { FileFacts, ImportFact } from '../types';
import { type DefinitionDraft, draftFromNode, finishDefinition, stringValue } from './draft';

/**
 * Extracts imports, top-level declarations and uses from a Go tree. Go needs
 * two kinds of uses: `pkg.Name` for imported packages, and bare names for the
 * other files of the same package, which share one namespace without imports.
 */

const GO_WORDS = new Set(
  (
    'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var ' +
    'bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any comparable ' +
    'true false iota nil append cap clear close complex copy delete imag len make max min new panic print println real recover'
  ).split(' '),
);

function exported(name: string): string[] {
  const first = name.charCodeAt(0);
  return first >= 65 && first <= 90 ? [name] : [];
}

function importsOf(declaration: Node): ImportFact[] {
  const specs = declaration.descendantsOfType('import_spec');
  const result: ImportFact[] = [];
  for (const spec of specs) {
    if (!spec) continue;
    const path = spec.childForFieldName('path');
    const specifier = path ? stringValue(path) : undefined;
    if (!specifier) continue;
    const nameNode = spec.childForFieldName('name');
    const line = spec.startPosition.row;
    if (nameNode?.type === 'blank_identifier') {
      result.push({ specifier, kind: 'side-effect', line, bindings: [] });
      continue;
    }
    // Without an alias the package is used by its package clause name, almost always the last path element.
    const local = nameNode?.type === 'dot' ? '.' : (nameNode?.text ?? defaultPackageName(specifier));
    result.push({ specifier, kind: 'static', line, bindings: [{ imported: '*', local }] });
  }
  return result;
}

function defaultPackageName(importPath: string): string {
  const segments = importPath.split('/');
  let last = segments[segments.length - 1]!;
  // gopkg.in/yaml.v3 -> yaml, github.com/x/y/v2 -> y
  if (/^v\d+$/.test(last) && segments.length > 1) last = segments[segments.length - 2]!;
  return last
    .replace(/\.v\d+$/, '')
    .replace(/^go-/, '')
    .replace(/[-.]/g, '_');
}

function receiverTypeName(method: Node): string | undefined {
  const receiver = method.childForFieldName('receiver');
  const typeNode = receiver?.descendantsOfType('type_identifier')[0];
  return typeNode?.text;
}

function addDefinitions(node: Node, definitions: DefinitionDraft[]): void {
  switch (node.type) {
    case 'function_declaration': {
      const name = node.childForFieldName('name')?.text;
      if (name) definitions.push(draftFromNode(name, 'function', node, exported(name)));
      return;
    }
    case 'method_declaration': {
      const name = node.childForFieldName('name')?.text;
      const owner = receiverTypeName(node);
      // Methods collect their own uses; the graph attributes them to the receiver type.
      if (name && owner) definitions.push(draftFromNode(`${owner}.${name}`, 'method', node));
      return;
    }
    case 'type_declaration': {
      const specs = node.namedChildren.filter((c): c is Node => c?.type === 'type_spec' || c?.type === 'type_alias');
      for (const spec of specs) {
        const name = spec.childForFieldName('name')?.text;
        if (name) definitions.push(draftFromNode(name, 'type', specs.length === 1 ? node : spec, exported(name)));
      }
      return;
    }
    case 'var_declaration':
    case 'const_declaration': {
      const specs = node.descendantsOfType(['var_spec', 'const_spec']);
      for (const spec of specs) {
        if (!spec) continue;
        for (const name of spec.childrenForFieldName('name')) {
          if (name) definitions.push(draftFromNode(name.text, 'variable', specs.length === 1 ? node : spec, exported(name.text)));
        }
      }
      return;
    }
  }
}

/** Records `pkg.Name` uses (confirmed by the tree) and bare identifiers per definition. */
function collectGoUses(text: string, root: Node, packages: ReadonlySet<string>, definitions: readonly DefinitionDraft[]): void {
  for (const definition of definitions) {
    const body = text.slice(definition.startIndex, definition.endIndex);
    const token = /(?<![\w.])([A-Za-z_]\w*)(?:\s*\.\s*([A-Za-z_]\w*))?/g;
    for (let match = token.exec(body); match; match = token.exec(body)) {
      const [, head, member] = match;
      if (!head || GO_WORDS.has(head)) continue;
      if (member && packages.has(head)) {
        const node = root.descendantForIndex(definition.startIndex + match.index);
        if (node && (node.type === 'package_identifier' || node.type === 'identifier')) {
          (definition.uses ??= new Set()).add(`${head}.${member}`);
        }
        continue;
      }
      if (head === definition.name || definition.name.startsWith(`${head}.`) || definition.name.endsWith(`.${head}`)) continue;
      (definition.uses ??= new Set()).add(head);
    }
  }
}

export function extractGo(root: Node, text: string, structure: readonly QueryCapture[]): FileFacts {
  const imports: ImportFact[] = [];
  const definitions: DefinitionDraft[] = [];
  let packageName: string | undefined;
  for (const capture of structure) {
    if (capture.name === 'package') packageName = capture.node.text;
    else if (capture.name === 'import') imports.push(...importsOf(capture.node));
    else if (capture.name === 'definition') addDefinitions(capture.node, definitions);
  }
  const packages = new Set(imports.flatMap((fact) => fact.bindings.map((b) => b.local)));
  collectGoUses(text, root, packages, definitions);
  return {
    language: 'go',
    imports,
    definitions: definitions.map(finishDefinition),
    exportAliases: [],
    topLevelUses: [],
    ...(packageName ? { packageName } : {}),
    hasParseErrors: root.hasError,
  };
}
