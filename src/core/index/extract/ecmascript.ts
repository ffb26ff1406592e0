import type { Node, QueryCapture } from 'web-tree-sitter';
import type { ExportAlias, FileFacts, ImportBinding, ImportFact, LanguageId, ReexportBinding } from '../types';
import { type DefinitionDraft, type IndexRange, draftFromNode, finishDefinition, rangeOf, stringValue } from './draft';
import { DefinitionLocator, collectUses, memberUse } from './references';

/** Extracts imports, exports, definitions and uses from a JavaScript/TypeScript tree. */

const USE_NODE_TYPES = new Set(['identifier', 'type_identifier', 'shorthand_property_identifier']);

class EcmascriptExtraction {
  constructor(private readonly nameLevel: boolean) {}

  readonly imports: ImportFact[] = [];
  readonly definitions: DefinitionDraft[] = [];
  readonly exportAliases: ExportAlias[] = [];
  readonly excluded: IndexRange[] = [];
  /** Start indices of require() sources already turned into imports by a declaration. */
  readonly handledSources = new Set<number>();
  /** `module.exports = <not an object literal>` or `export =`: the exported names are not all visible. */
  openExports = false;

  addImportStatement(node: Node): void {
    this.excluded.push(rangeOf(node));
    const line = node.startPosition.row;
    const typeOnly = node.child(1)?.type === 'type';
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause' || c?.type === 'import_require_clause');
    if (clause?.type === 'import_require_clause') {
      const source = clause.childForFieldName('source');
      const local = clause.namedChildren.find((c) => c?.type === 'identifier')?.text;
      const specifier = source ? stringValue(source) : undefined;
      if (specifier !== undefined) {
        this.imports.push({ specifier, kind: 'require', line, bindings: local ? [{ imported: '*', local }] : [] });
      }
      return;
    }
    const source = node.childForFieldName('source');
    const specifier = source ? stringValue(source) : undefined;
    if (specifier === undefined) return;
    if (!clause) {
      this.imports.push({ specifier, kind: 'side-effect', line, bindings: [] });
      return;
    }
    this.imports.push({ specifier, kind: typeOnly ? 'type' : 'static', line, bindings: importClauseBindings(clause) });
  }

  addExportStatement(node: Node): void {
    const line = node.startPosition.row;
    const source = node.childForFieldName('source');
    if (source) {
      this.excluded.push(rangeOf(node));
      const specifier = stringValue(source);
      if (specifier === undefined) return;
      const clause = node.namedChildren.find((c) => c?.type === 'export_clause');
      const namespace = node.namedChildren.find((c) => c?.type === 'namespace_export');
      const reexports: ReexportBinding[] = [];
      if (clause) {
        for (const spec of exportSpecifiers(clause)) reexports.push({ imported: spec.local, exported: spec.exported });
      } else if (namespace) {
        const name = namespace.namedChildren[0]?.text;
        if (name) reexports.push({ imported: '*', exported: name });
      }
      const reexportAll = !clause && !namespace;
      this.imports.push({ specifier, kind: 'reexport', line, bindings: [], reexports, ...(reexportAll ? { reexportAll } : {}) });
      return;
    }
    const isDefault = node.children.some((c) => c?.type === 'default');
    const declaration = node.childForFieldName('declaration');
    if (declaration) {
      this.addDeclaration(declaration, isDefault ? ['default'] : undefined, node);
      return;
    }
    const clause = node.namedChildren.find((c) => c?.type === 'export_clause');
    if (clause) {
      this.excluded.push(rangeOf(node));
      this.exportAliases.push(...exportSpecifiers(clause));
      return;
    }
    const value = node.childForFieldName('value') ?? node.namedChildren.find((c) => c?.type === 'identifier');
    if (!value) return;
    if (node.children.some((c) => c?.type === '=')) this.openExports = true;
    if (value.type === 'identifier') {
      // `export default foo` / `export = foo`: an alias, the identifier is not a use.
      this.excluded.push(rangeOf(node));
      this.exportAliases.push({ local: value.text, exported: 'default' });
      return;
    }
    const named = value.childForFieldName('name')?.text;
    const kind = value.type === 'class' ? 'class' : value.type.includes('function') ? 'function' : 'variable';
    this.definitions.push(draftFromNode(named ?? 'default', kind, node, ['default']));
  }

  /** A declaration statement; `outer` is the export statement wrapping it, for its range. */
  addDeclaration(node: Node, exportedAs: string[] | undefined, outer: Node = node): void {
    const exported = (name: string) => exportedAs ?? (outer !== node ? [name] : []);
    const name = node.childForFieldName('name');
    switch (node.type) {
      case 'function_declaration':
      case 'generator_function_declaration':
      case 'function_signature':
        if (name) this.addOrMergeOverload(draftFromNode(name.text, 'function', outer, exported(name.text)));
        return;
      case 'class_declaration':
      case 'abstract_class_declaration':
        if (name) this.addClass(node, name.text, exported(name.text), outer);
        return;
      case 'interface_declaration':
        if (name) this.definitions.push(draftFromNode(name.text, 'interface', outer, exported(name.text)));
        return;
      case 'type_alias_declaration':
        if (name) this.definitions.push(draftFromNode(name.text, 'type', outer, exported(name.text)));
        return;
      case 'enum_declaration':
        if (name) this.definitions.push(draftFromNode(name.text, 'enum', outer, exported(name.text)));
        return;
      case 'internal_module':
      case 'module':
        // `declare module 'x'` augments another module: not a definition of this file.
        if (name && name.type !== 'string') this.definitions.push(draftFromNode(name.text, 'namespace', outer, exported(name.text)));
        return;
      case 'ambient_declaration':
        for (const child of node.namedChildren) if (child) this.addDeclaration(child, exportedAs, outer);
        return;
      case 'lexical_declaration':
      case 'variable_declaration':
        this.addVariables(node, exportedAs, outer);
        return;
      default:
        return;
    }
  }

  private addOrMergeOverload(draft: DefinitionDraft): void {
    // TypeScript overload signatures and the implementation are one symbol.
    const previous = this.definitions.find((d) => d.name === draft.name && d.kind === 'function');
    if (!previous) {
      this.definitions.push(draft);
      return;
    }
    previous.startIndex = Math.min(previous.startIndex, draft.startIndex);
    previous.endIndex = Math.max(previous.endIndex, draft.endIndex);
    previous.startLine = Math.min(previous.startLine, draft.startLine);
    previous.endLine = Math.max(previous.endLine, draft.endLine);
    for (const name of draft.exportedAs) if (!previous.exportedAs.includes(name)) previous.exportedAs.push(name);
  }

  private addClass(node: Node, className: string, exportedAs: string[], outer: Node): void {
    this.definitions.push(draftFromNode(className, 'class', outer, exportedAs));
    const body = node.childForFieldName('body');
    if (!body) return;
    for (const member of body.namedChildren) {
      if (!member) continue;
      const memberName = member.childForFieldName('name');
      if (!memberName) continue;
      this.definitions.push(draftFromNode(`${className}.${memberName.text}`, 'method', member, [], true));
    }
  }

  private addVariables(node: Node, exportedAs: string[] | undefined, outer: Node): void {
    const declarators = node.namedChildren.filter((c): c is Node => c?.type === 'variable_declarator');
    for (const declarator of declarators) {
      const nameNode = declarator.childForFieldName('name');
      const value = declarator.childForFieldName('value');
      if (!nameNode) continue;
      if (value && this.addRequireDeclaration(nameNode, value, outer)) continue;
      // One declarator: the whole statement is the definition (includes `export const`).
      const rangeNode = declarators.length === 1 ? outer : declarator;
      for (const name of patternNames(nameNode)) {
        const exported = exportedAs ?? (outer !== node ? [name] : []);
        this.definitions.push(draftFromNode(name, 'variable', rangeNode, exported));
      }
    }
  }

  /** `const x = require('y')`, `const { a } = require('y')`, `const b = require('y').b`. */
  private addRequireDeclaration(nameNode: Node, value: Node, statement: Node): boolean {
    let call = value;
    let member: string | undefined;
    if (value.type === 'member_expression') {
      const object = value.childForFieldName('object');
      if (!object || object.type !== 'call_expression') return false;
      call = object;
      member = value.childForFieldName('property')?.text;
    }
    if (call.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'require') return false;
    const argument = call.childForFieldName('arguments')?.namedChildren[0];
    const specifier = argument ? stringValue(argument) : undefined;
    if (!argument || specifier === undefined) return false;
    this.handledSources.add(argument.startIndex);
    this.excluded.push(rangeOf(statement));
    const bindings: ImportBinding[] =
      nameNode.type === 'identifier' ? [{ imported: member ?? '*', local: nameNode.text }] : destructuredBindings(nameNode);
    this.imports.push({ specifier, kind: 'require', line: statement.startPosition.row, bindings });
    return true;
  }

  addCommonJsExport(statement: Node): void {
    const target = statement.namedChildren[0]?.childForFieldName('left');
    if (!target) return;
    const text = target.text.replace(/\s+/g, '');
    let name: string | undefined;
    if (text.startsWith('exports.')) name = text.slice('exports.'.length);
    else if (text.startsWith('module.exports.')) name = text.slice('module.exports.'.length);
    else if (text === 'module.exports') name = 'default';
    if (!name || name.includes('.')) return;
    this.definitions.push(draftFromNode(name, 'variable', statement, [name]));
    if (name === 'default') {
      // `module.exports = { a, b: c }` exports local bindings by name.
      const object = statement.namedChildren[0]?.childForFieldName('right');
      if (object?.type !== 'object' || object.namedChildren.some((c) => c?.type === 'spread_element')) {
        this.openExports = true;
        return;
      }
      for (const property of object.namedChildren) {
        if (property?.type === 'shorthand_property_identifier') {
          this.exportAliases.push({ local: property.text, exported: property.text });
        } else if (property?.type === 'pair') {
          const key = property.childForFieldName('key')?.text;
          const local = property.childForFieldName('value');
          if (key && local?.type === 'identifier') this.exportAliases.push({ local: local.text, exported: key });
        }
      }
    }
  }

  addNestedImport(capture: QueryCapture, locator: DefinitionLocator): void {
    const source = capture.node;
    if (this.handledSources.has(source.startIndex)) return;
    const specifier = stringValue(source);
    if (specifier === undefined) return;
    const dynamic = capture.name === 'dynamic.source';
    const call = source.parent?.parent;
    const used = call && this.nameLevel ? namesUsedOfModule(call, dynamic) : undefined;
    const kind = dynamic ? (call && inTypePosition(call) ? 'type' : 'dynamic') : 'require';
    this.imports.push({
      specifier,
      kind,
      line: source.startPosition.row,
      bindings: [],
      user: locator.ownerName(source.startIndex),
      ...(used ? { used } : {}),
    });
  }
}

const PROMISE_MEMBERS = new Set(['then', 'catch', 'finally']);

/**
 * The names a nested `import()`/`require()` uses of its module: member access
 * (`(await import('x')).a`, `require('x').a`, the type `import('x').T`),
 * destructuring (`const { a } = await import('x')`), or a local namespace only
 * ever member-accessed. Undefined: the module as a whole (`lazy(() => import('x'))`).
 */
function namesUsedOfModule(call: Node, dynamic: boolean): string[] | undefined {
  let outer = call;
  let awaited = !dynamic;
  for (let parent = outer.parent; parent; parent = outer.parent) {
    if (parent.type === 'await_expression') awaited = true;
    else if (parent.type !== 'parenthesized_expression') break;
    outer = parent;
  }
  const parent = outer.parent;
  if (!parent) return undefined;
  if (parent.type === 'member_expression' && parent.childForFieldName('object')?.id === outer.id) {
    const property = parent.childForFieldName('property')?.text;
    // `import('x').then(...)` takes the whole module.
    if (!property || (!awaited && PROMISE_MEMBERS.has(property))) return undefined;
    return [property];
  }
  if (awaited && parent.type === 'variable_declarator' && parent.childForFieldName('value')?.id === outer.id) {
    const name = parent.childForFieldName('name');
    if (name?.type === 'object_pattern') return destructuredKeys(name);
    if (name?.type === 'identifier') return membersUsedInScope(parent, name.text);
  }
  return undefined;
}

/** Keys of `{ a, b: c, d = 1 }`; undefined with a `...rest`, which takes everything. */
function destructuredKeys(pattern: Node): string[] | undefined {
  const keys: string[] = [];
  for (const property of pattern.namedChildren) {
    if (!property) continue;
    if (property.type === 'shorthand_property_identifier_pattern') keys.push(property.text);
    else if (property.type === 'pair_pattern') {
      const key = property.childForFieldName('key');
      const text = key?.type === 'property_identifier' ? key.text : key ? stringValue(key) : undefined;
      if (text === undefined) return undefined;
      keys.push(text);
    } else if (property.type === 'object_assignment_pattern') {
      const left = property.childForFieldName('left');
      if (left) keys.push(left.text);
    } else return undefined;
  }
  return keys;
}

/** `const m = await import('x')` in a function: the members of `m` used in its scope, or undefined if `m` escapes. */
function membersUsedInScope(declarator: Node, local: string): string[] | undefined {
  let scope = declarator.parent;
  while (scope && scope.type !== 'statement_block' && scope.type !== 'program') scope = scope.parent;
  if (!scope) return undefined;
  const members = new Set<string>();
  const declared = declarator.childForFieldName('name')?.id;
  for (const node of scope.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
    if (!node || node.text !== local || node.id === declared) continue;
    const use = node.type === 'identifier' ? memberUse(node, local) : local;
    if (use === local) return undefined;
    members.add(use.slice(local.length + 1));
  }
  return [...members];
}

const TYPE_CONTEXTS = new Set([
  'type_annotation',
  'type_alias_declaration',
  'type_arguments',
  'union_type',
  'intersection_type',
  'generic_type',
  'array_type',
  'tuple_type',
  'function_type',
  'property_signature',
  'index_signature',
  'lookup_type',
  'constraint',
  'default_type',
]);

function inTypePosition(call: Node): boolean {
  let node: Node | null = call.parent;
  for (let depth = 0; node && depth < 4; depth++, node = node.parent) if (TYPE_CONTEXTS.has(node.type)) return true;
  return false;
}

function importClauseBindings(clause: Node): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const child of clause.namedChildren) {
    if (!child) continue;
    if (child.type === 'identifier') bindings.push({ imported: 'default', local: child.text });
    else if (child.type === 'namespace_import') {
      const local = child.namedChildren[0]?.text;
      if (local) bindings.push({ imported: '*', local });
    } else if (child.type === 'named_imports') {
      for (const spec of child.namedChildren) {
        if (spec?.type !== 'import_specifier') continue;
        const imported = unquote(spec.childForFieldName('name')?.text);
        const local = spec.childForFieldName('alias')?.text ?? imported;
        if (imported && local) bindings.push({ imported, local });
      }
    }
  }
  return bindings;
}

function exportSpecifiers(clause: Node): ExportAlias[] {
  const result: ExportAlias[] = [];
  for (const spec of clause.namedChildren) {
    if (spec?.type !== 'export_specifier') continue;
    const local = unquote(spec.childForFieldName('name')?.text);
    const exported = unquote(spec.childForFieldName('alias')?.text) ?? local;
    if (local && exported) result.push({ local, exported });
  }
  return result;
}

function unquote(text: string | undefined): string | undefined {
  if (text && (text.startsWith('"') || text.startsWith("'"))) return text.slice(1, -1);
  return text;
}

/** Names a binding pattern declares: `a`, `{ a, b: c, ...d }`, `[e, f]`. */
function patternNames(pattern: Node): string[] {
  if (pattern.type === 'identifier') return [pattern.text];
  const names: string[] = [];
  const visit = (node: Node, isValuePosition: boolean) => {
    switch (node.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        if (isValuePosition) names.push(node.text);
        return;
      case 'pair_pattern': {
        const value = node.childForFieldName('value');
        if (value) visit(value, true);
        return;
      }
      case 'assignment_pattern':
      case 'object_assignment_pattern': {
        const left = node.childForFieldName('left') ?? node.namedChildren[0];
        if (left) visit(left, true);
        return;
      }
      default:
        for (const child of node.namedChildren) if (child) visit(child, true);
    }
  };
  visit(pattern, true);
  return names;
}

function destructuredBindings(pattern: Node): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  if (pattern.type !== 'object_pattern') return patternNames(pattern).map((local) => ({ imported: '*', local }));
  for (const property of pattern.namedChildren) {
    if (property?.type === 'shorthand_property_identifier_pattern') {
      bindings.push({ imported: property.text, local: property.text });
    } else if (property?.type === 'pair_pattern') {
      const key = property.childForFieldName('key')?.text;
      const value = property.childForFieldName('value');
      if (key && value?.type === 'identifier') bindings.push({ imported: key, local: value.text });
    }
  }
  return bindings;
}

export function extractEcmascript(
  language: LanguageId,
  root: Node,
  text: string,
  structure: readonly QueryCapture[],
  nested: readonly QueryCapture[],
  nameLevel = true,
): FileFacts {
  const extraction = new EcmascriptExtraction(nameLevel);
  for (const capture of structure) {
    switch (capture.name) {
      case 'import':
        extraction.addImportStatement(capture.node);
        break;
      case 'export':
        extraction.addExportStatement(capture.node);
        break;
      case 'definition':
        extraction.addDeclaration(capture.node, undefined);
        break;
      case 'commonjs.export':
        extraction.addCommonJsExport(capture.node);
        break;
    }
  }
  const locator = new DefinitionLocator(extraction.definitions);
  for (const capture of nested) {
    if (capture.name === 'dynamic.source' || capture.name === 'require.source') extraction.addNestedImport(capture, locator);
  }
  const names = new Set<string>();
  for (const fact of extraction.imports) for (const binding of fact.bindings) names.add(binding.local);
  // Member accesses of imported bindings are told apart (`ns.x` uses only `x`); a local definition shadows.
  const memberNames = new Set(names);
  for (const definition of extraction.definitions) {
    if (definition.method) continue;
    names.add(definition.name);
    memberNames.delete(definition.name);
  }
  const topLevelUses = new Set<string>();
  collectUses({
    text,
    root,
    names,
    identifierTypes: USE_NODE_TYPES,
    excluded: extraction.excluded,
    locator,
    topLevelUses,
    ...(nameLevel ? { memberNames } : {}),
  });
  return {
    language,
    imports: extraction.imports,
    definitions: extraction.definitions.map(finishDefinition),
    exportAliases: extraction.exportAliases,
    topLevelUses: [...topLevelUses],
    hasParseErrors: root.hasError,
    ...(extraction.openExports ? { openExports: true } : {}),
  };
}
