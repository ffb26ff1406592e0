import type { Node, QueryCapture } from 'web-tree-sitter';
import type { ExportAlias, FileFacts, ImportBinding, ImportFact, LanguageId, ReexportBinding } from '../types';
import { type DefinitionDraft, type IndexRange, draftFromNode, finishDefinition, rangeOf, stringValue } from './draft';
import { DefinitionLocator, collectUses } from './references';

/** Extracts imports, exports, definitions and uses from a JavaScript/TypeScript tree. */

const USE_NODE_TYPES = new Set(['identifier', 'type_identifier', 'shorthand_property_identifier']);

class EcmascriptExtraction {
  readonly imports: ImportFact[] = [];
  readonly definitions: DefinitionDraft[] = [];
  readonly exportAliases: ExportAlias[] = [];
  readonly excluded: IndexRange[] = [];
  /** Start indices of require() sources already turned into imports by a declaration. */
  readonly handledSources = new Set<number>();

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
      nameNode.type === 'identifier'
        ? [{ imported: member ?? '*', local: nameNode.text }]
        : destructuredBindings(nameNode);
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
      if (object?.type !== 'object') return;
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
    const kind = capture.name === 'dynamic.source' ? 'dynamic' : 'require';
    this.imports.push({ specifier, kind, line: source.startPosition.row, bindings: [], user: locator.ownerName(source.startIndex) });
  }
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
): FileFacts {
  const extraction = new EcmascriptExtraction();
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
  for (const definition of extraction.definitions) if (!definition.method) names.add(definition.name);
  const topLevelUses = new Set<string>();
  collectUses({ text, root, names, identifierTypes: USE_NODE_TYPES, excluded: extraction.excluded, locator, topLevelUses });
  return {
    language,
    imports: extraction.imports,
    definitions: extraction.definitions.map(finishDefinition),
    exportAliases: extraction.exportAliases,
    topLevelUses: [...topLevelUses],
    hasParseErrors: root.hasError,
  };
}
