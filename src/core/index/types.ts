/**
 * The facts the parser extracts from one file. They are produced in worker
 * threads, cloned to the main thread and persisted in the cache, so they stay
 * plain data: no tree-sitter nodes, no class instances, no absolute paths.
 */

export type LanguageId = 'typescript' | 'tsx' | 'javascript' | 'python' | 'go';

/** How an import statement brings code in. */
export type ImportKind =
  | 'static' // import ... from 'x' / Python import / Go import
  | 'side-effect' // import 'x'
  | 'dynamic' // import('x') with a string literal
  | 'require' // require('x') or import x = require('x')
  | 'reexport' // export { a } from 'x' / export * from 'x'
  | 'type' // import type ... (TypeScript only)
  | 'package'; // Go: a reference to another file of the same package, which needs no import

/** One name an import binds. `imported` is '*' for a namespace, 'default' for a default import. */
export interface ImportBinding {
  readonly imported: string;
  readonly local: string;
}

/** One name a re-export passes through: `export { imported as exported } from 'x'`. */
export interface ReexportBinding {
  readonly imported: string;
  readonly exported: string;
}

export interface ImportFact {
  readonly specifier: string;
  readonly kind: ImportKind;
  /** 0-based line of the statement. */
  readonly line: number;
  readonly bindings: readonly ImportBinding[];
  readonly reexports?: readonly ReexportBinding[];
  /** `export * from 'x'`. */
  readonly reexportAll?: boolean;
  /** The top-level definition containing a dynamic import/require ('' = module level). */
  readonly user?: string;
  /**
   * For a nested import()/require()/type query: the names of the module it
   * uses (`const { a } = await import('x')`, `require('x').a`, `import('x').T`).
   * Absent: the module as a whole (a lazy route, a namespace passed around).
   */
  readonly used?: readonly string[];
}

export type DefinitionKind = 'function' | 'class' | 'method' | 'variable' | 'type' | 'interface' | 'enum' | 'namespace';

export interface DefinitionFact {
  /** Top-level name; methods are `Class.method`. */
  readonly name: string;
  readonly kind: DefinitionKind;
  /** 0-based, inclusive line range of the definition's node. */
  readonly startLine: number;
  readonly endLine: number;
  /** Names this definition is exported under (`default` included). */
  readonly exportedAs: readonly string[];
  /**
   * Names used inside this definition that are imported bindings or other
   * top-level definitions of the file. A member access of an imported binding
   * is `binding.member` (JavaScript/TypeScript `ns.x`, Go `pkg.Name`).
   * Absent on methods: their uses count for the enclosing class.
   */
  readonly uses?: readonly string[];
}

export interface ExportAlias {
  /** Local binding exported (a definition or an imported binding). */
  readonly local: string;
  readonly exported: string;
}

export interface FileFacts {
  readonly language: LanguageId;
  readonly imports: readonly ImportFact[];
  readonly definitions: readonly DefinitionFact[];
  /** `export { a as b }` of local or imported bindings, without a `from`. */
  readonly exportAliases: readonly ExportAlias[];
  /** Names used by module-level code outside any definition. */
  readonly topLevelUses: readonly string[];
  /** Go: the package clause name. */
  readonly packageName?: string;
  /**
   * CommonJS or `export =` patterns whose exported names we cannot list
   * (`module.exports = factory()`): an imported name it does not visibly
   * export may still be one of its exports.
   */
  readonly openExports?: boolean;
  /** True when tree-sitter recovered from syntax errors. */
  readonly hasParseErrors: boolean;
  /** The file opens with a generator's banner; it is indexed like any other. */
  readonly generated?: boolean;
}

/** Why a file was not parsed. */
export type SkipReason = 'excluded' | 'vendored' | 'minified' | 'tooLarge' | 'binary' | 'unreadable';

export const SKIP_REASONS: readonly SkipReason[] = ['excluded', 'vendored', 'minified', 'tooLarge', 'binary', 'unreadable'];
