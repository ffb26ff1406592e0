import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript-5';
import { type Flavor, OracleHost } from './oracleHost';

/**
 * A ground truth for the blast radius, independent of the index: TypeScript's
 * own symbol resolution and `LanguageService.findReferences`, followed
 * transitively at the level of top-level declarations (docs/INDEX.md, "What
 * counts as a dependent"). Test and bench only; TypeScript 5 is a
 * devDependency and never shipped.
 *
 * - A file's dependents start from its exported declarations.
 * - findReferences(S) gives every use of S. A use inside a top-level
 *   declaration D of file G makes G a dependent and D is followed; a use in
 *   module-level code makes G a dependent and stops there. Import and export
 *   specifiers are not uses.
 * - Depth counts file hops, with each re-exporting file between the use and
 *   the declaration as a hop: the shortest chain of re-exports from the
 *   import's module to the declaring file (through `export *`,
 *   `export { a as b } from`, `export * as ns`, import-then-export), over
 *   every module the import resolves to under the `types`, Node and browser
 *   conditions.
 * - A file that re-exports an affected symbol is a dependent even when nothing
 *   imports it; a namespace used as a value, an unrestricted `import()` and a
 *   side-effect import depend on the whole module.
 */

/** Files larger than this are left out, as the index leaves them out by default. */
const MAX_FILE_BYTES = 1024 * 1024;

interface Route {
  /** Re-exporting files between the importer and the declaring file, nearest the importer first. */
  readonly barrels: readonly ts.SourceFile[];
}

interface RouteStart {
  readonly modules: readonly ts.SourceFile[];
  readonly name: string;
  /** `ns.member`: the member taken from the namespace `name`. */
  readonly member?: string;
}

interface WholeUse {
  readonly file: ts.SourceFile;
  readonly node: ts.Node;
}

export interface OracleAnswer {
  /** Repo-relative path -> depth. */
  readonly dependents: Map<string, number>;
  /** Repo-relative path -> how it was reached (the file and what it passed), for reading disagreements. */
  readonly reachedFrom: Map<string, string>;
  readonly symbolsFollowed: number;
  readonly ms: number;
}

function extensionOf(file: string): ts.Extension {
  for (const extension of ['.d.ts', '.d.mts', '.d.cts', '.tsx', '.ts', '.mts', '.cts', '.jsx', '.mjs', '.cjs', '.js'] as const) {
    if (file.endsWith(extension)) return extension as ts.Extension;
  }
  return ts.Extension.Ts;
}

function unwrap(expression: ts.Expression): { expression: ts.Expression; awaited: boolean } {
  let awaited = false;
  for (;;) {
    if (ts.isParenthesizedExpression(expression)) expression = expression.expression;
    else if (ts.isAwaitExpression(expression)) {
      awaited = true;
      expression = expression.expression;
    } else return { expression, awaited };
  }
}

function moduleCall(expression: ts.Expression): ts.StringLiteralLike | undefined {
  if (!ts.isCallExpression(expression)) return undefined;
  const argument = expression.arguments[0];
  if (!argument || !ts.isStringLiteralLike(argument)) return undefined;
  if (expression.expression.kind === ts.SyntaxKind.ImportKeyword) return argument;
  if (ts.isIdentifier(expression.expression) && expression.expression.text === 'require') return argument;
  return undefined;
}

/** The outermost node wrapping `node` in parentheses and `await`. */
function outerOf(node: ts.Node): { outer: ts.Node; awaited: boolean } {
  let outer = node;
  let awaited = false;
  while (outer.parent && (ts.isParenthesizedExpression(outer.parent) || ts.isAwaitExpression(outer.parent))) {
    if (ts.isAwaitExpression(outer.parent)) awaited = true;
    outer = outer.parent;
  }
  return { outer, awaited };
}

const PROMISE_MEMBERS = new Set(['then', 'catch', 'finally']);

export class TsOracle {
  readonly host: OracleHost;
  private readonly service: ts.LanguageService;
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;
  private readonly files: Set<string>;
  private reexporters: Map<ts.Symbol, { file: ts.SourceFile; name: string }[]> | undefined;
  private wholeUses: Map<ts.SourceFile, WholeUse[]> | undefined;
  private readonly routes = new Map<string, Route | undefined>();
  /** Where the time goes, for the benchmark's log. */
  readonly timings = { findReferences: 0, findReferencesMs: 0, indexesMs: 0, noRoute: 0 };

  constructor(readonly root: string) {
    this.host = new OracleHost(root);
    this.files = new Set(this.host.sourceFiles.filter((file) => statSync(file).size <= MAX_FILE_BYTES));
    const options: ts.CompilerOptions = {
      allowJs: true,
      checkJs: false,
      jsx: ts.JsxEmit.Preserve,
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      experimentalDecorators: true,
      maxNodeModuleJsDepth: 0,
    };
    const texts = new Map<string, string | undefined>();
    const read = (file: string) => {
      if (!texts.has(file)) {
        let text: string | undefined;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          text = undefined;
        }
        texts.set(file, text);
      }
      return texts.get(file);
    };
    const serviceHost: ts.LanguageServiceHost = {
      getCompilationSettings: () => options,
      getScriptFileNames: () => [...this.files],
      getScriptVersion: () => '1',
      getScriptSnapshot: (file) => {
        const text = read(file);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => root,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (file) => this.files.has(file) || ts.sys.fileExists(file),
      readFile: (file) => read(file),
      resolveModuleNameLiterals: (literals, containingFile) =>
        literals.map((literal) => {
          const resolved = this.resolveFirst(literal.text, containingFile);
          return {
            resolvedModule: resolved ? { resolvedFileName: resolved, extension: extensionOf(resolved), isExternalLibraryImport: false } : undefined,
          };
        }),
    };
    this.service = ts.createLanguageService(serviceHost, ts.createDocumentRegistry());
    this.program = this.service.getProgram()!;
    this.checker = this.program.getTypeChecker();
  }

  /** How many files the program holds (sources of the repository plus TypeScript's lib). */
  get programFiles(): number {
    return this.program.getSourceFiles().length;
  }

  private resolveFirst(specifier: string, containingFile: string): string | undefined {
    const resolved =
      this.host.resolve(specifier, containingFile, 'types') ??
      this.host.resolve(specifier, containingFile, 'node') ??
      this.host.resolve(specifier, containingFile, 'browser');
    return resolved && this.files.has(resolved) ? resolved : undefined;
  }

  /** Every module a specifier leads to: as the type checker, Node and a browser bundler resolve it. */
  private modulesOf(literal: ts.StringLiteralLike): ts.SourceFile[] {
    const containing = literal.getSourceFile().fileName;
    const result: ts.SourceFile[] = [];
    for (const flavor of ['types', 'node', 'browser'] as Flavor[]) {
      const file = this.host.resolve(literal.text, containing, flavor);
      const source = file && this.files.has(file) ? this.program.getSourceFile(file) : undefined;
      if (source && !result.includes(source)) result.push(source);
    }
    return result;
  }

  private relativePath(file: ts.SourceFile): string {
    return relative(this.root, file.fileName).split('\\').join('/');
  }

  /** Dependents of a whole file (repo-relative) with their depths. */
  dependentsOf(target: string): OracleAnswer {
    const started = performance.now();
    const file = this.program.getSourceFile(join(this.root, target));
    if (!file) throw new Error(`oracle: ${target} is not in the program`);
    const depths = new Map<ts.SourceFile, number>();
    const buckets: (() => void)[][] = [];
    const schedule = (depth: number, task: () => void) => (buckets[depth] ??= []).push(task);
    const visitedDeclarations = new Map<string, number>();
    const emittedModules = new Set<ts.SourceFile>();
    let followed = 0;

    const reachedFrom = new Map<string, string>();
    let current = '';
    const reach = (reached: ts.SourceFile, depth: number): boolean => {
      const known = depths.get(reached);
      if (known !== undefined && known <= depth) return false;
      depths.set(reached, depth);
      reachedFrom.set(this.relativePath(reached), current);
      return true;
    };
    const reachBarrel = (barrel: ts.SourceFile, depth: number) => {
      reach(barrel, depth);
      schedule(depth, () => emitModule(barrel, depth));
    };
    // Whole-module users and namespace re-exports of a module, once, at its shallowest depth.
    const emitModule = (module: ts.SourceFile, depth: number) => {
      if (emittedModules.has(module)) return;
      emittedModules.add(module);
      current = `whole module ${this.relativePath(module)}`;
      for (const use of this.wholeModuleUses().get(module) ?? []) useAt(use.file, use.node, depth + 1);
      const moduleSymbol = this.checker.getSymbolAtLocation(module);
      for (const reexporter of moduleSymbol ? (this.reexporterIndex().get(moduleSymbol) ?? []) : []) {
        const route = this.routeFrom([reexporter.file], reexporter.name, undefined, module);
        route?.barrels.forEach((barrel, index) => reachBarrel(barrel, depth + route.barrels.length - index));
      }
    };
    // A use of an affected symbol inside `user` at `depth`: the file is a dependent; its declaration is followed.
    const useAt = (user: ts.SourceFile, node: ts.Node, depth: number) => {
      reach(user, depth);
      for (const position of this.enclosingDeclarations(node)) schedule(depth, () => visitDeclaration(user, position, depth));
    };
    const visitDeclaration = (declaring: ts.SourceFile, position: number, depth: number) => {
      const key = `${declaring.fileName}:${position}`;
      const known = visitedDeclarations.get(key);
      if (known !== undefined && known <= depth) return;
      visitedDeclarations.set(key, depth);
      followed++;
      const label = `${this.relativePath(declaring)}:${declaring.getLineAndCharacterOfPosition(position).line + 1}`;
      current = label;
      if (declaring !== file) reach(declaring, depth);
      emitModule(declaring, depth);
      current = label;
      const symbol = this.exportSymbolAt(declaring, position);
      for (const group of this.referencesOf(declaring, position)) {
        for (const reference of group.references) {
          if (reference.isDefinition) continue;
          const user = this.program.getSourceFile(reference.fileName);
          if (!user) continue;
          const node = nodeAt(user, reference.textSpan.start);
          if (!node || isSyntaxOfImportOrExport(node)) continue;
          // findReferences also proposes same-named imports through `export *` that resolve elsewhere (a shadowing local).
          if (symbol && !this.refersTo(node, symbol)) continue;
          if (user === declaring) {
            for (const next of this.enclosingDeclarations(node)) if (next !== position) schedule(depth, () => visitDeclaration(user, next, depth));
            continue;
          }
          const route = this.routeOf(node, declaring);
          route.barrels.forEach((barrel, index) => reachBarrel(barrel, depth + route.barrels.length - index));
          useAt(user, node, depth + route.barrels.length + 1);
        }
      }
      // Names taken from require()/import() results, which findReferences does not always follow.
      for (const site of symbol ? this.dynamicSiteList() : []) {
        if (site.file === declaring || !this.refersTo(site.node, symbol!, true)) continue;
        const route = this.routeOf(site.node, declaring);
        route.barrels.forEach((barrel, index) => reachBarrel(barrel, depth + route.barrels.length - index));
        useAt(site.file, site.node, depth + route.barrels.length + 1);
      }
      // Files that pass the symbol on (`export *`, `export { a as b } from`), whether or not anyone imports it there.
      for (const reexporter of symbol ? (this.reexporterIndex().get(symbol) ?? []) : []) {
        const route = this.routeFrom([reexporter.file], reexporter.name, undefined, declaring);
        if (!route) continue;
        route.barrels.forEach((barrel, index) => reachBarrel(barrel, depth + route.barrels.length - index));
      }
    };

    // Names the file only passes on: their users through this file, at their distance from it.
    const passThrough = (symbol: ts.Symbol, declaring: ts.SourceFile) => {
      const viaFile = (route: Route, user: ts.SourceFile | undefined, node: ts.Node | undefined) => {
        const at = route.barrels.indexOf(file);
        if (at < 0) return;
        for (let index = 0; index < at; index++) reachBarrel(route.barrels[index]!, at - index);
        if (user && node) useAt(user, node, at + 1);
      };
      const position = symbol.declarations?.[0] ? declarationPosition(symbol.declarations[0]) : undefined;
      if (position !== undefined) {
        for (const group of this.referencesOf(declaring, position)) {
          for (const reference of group.references) {
            const user = this.program.getSourceFile(reference.fileName);
            const node = user && !reference.isDefinition ? nodeAt(user, reference.textSpan.start) : undefined;
            if (!user || !node || user === file || isSyntaxOfImportOrExport(node) || !this.refersTo(node, symbol)) continue;
            viaFile(this.routeOf(node, declaring), user, node);
          }
        }
      }
      for (const site of this.dynamicSiteList())
        if (site.file !== file && this.refersTo(site.node, symbol, true)) viaFile(this.routeOf(site.node, declaring), site.file, site.node);
      for (const reexporter of this.reexporterIndex().get(symbol) ?? []) {
        const route = this.routeFrom([reexporter.file], reexporter.name, undefined, declaring);
        if (route) viaFile({ barrels: route.barrels }, undefined, undefined);
      }
    };

    for (const position of this.exportedDeclarations(file)) schedule(0, () => visitDeclaration(file, position, 0));
    for (const { symbol, declaring } of this.passedThrough(file)) schedule(0, () => passThrough(symbol, declaring));
    schedule(0, () => emitModule(file, 0));
    for (let depth = 0; depth < buckets.length; depth++) {
      const bucket = buckets[depth];
      for (let index = 0; bucket && index < bucket.length; index++) bucket[index]!();
    }
    const dependents = new Map<string, number>();
    for (const [reached, depth] of depths) if (reached !== file) dependents.set(this.relativePath(reached), depth);
    return { dependents, reachedFrom, symbolsFollowed: followed, ms: performance.now() - started };
  }

  private readonly references = new Map<string, readonly ts.ReferencedSymbol[]>();

  /** findReferences, kept across targets: a declaration's references do not depend on the target. */
  private findReferences(file: string, position: number): readonly ts.ReferencedSymbol[] {
    const key = `${file}:${position}`;
    const known = this.references.get(key);
    if (known) return known;
    const started = performance.now();
    const result = this.service.findReferences(file, position) ?? [];
    this.references.set(key, result);
    this.timings.findReferences++;
    this.timings.findReferencesMs += performance.now() - started;
    return result;
  }

  /**
   * Whether the name at `node` resolves (through import aliases) to `symbol`.
   * A name TypeScript cannot resolve counts when findReferences proposed it,
   * not when only our scan of import()/require() results did (`strict`).
   */
  private refersTo(node: ts.Node, symbol: ts.Symbol, strict = false): boolean {
    let found: ts.Symbol | undefined;
    const parent = node.parent;
    if (parent && ts.isShorthandPropertyAssignment(parent) && parent.name === node) found = this.checker.getShorthandAssignmentValueSymbol(parent);
    else if (parent && ts.isBindingElement(parent) && (parent.propertyName ?? parent.name) === node) {
      const variable = parent.parent.parent;
      const initializer = ts.isVariableDeclaration(variable) ? variable.initializer : undefined;
      found = initializer ? this.checker.getTypeAtLocation(initializer).getProperty((node as ts.Identifier).text) : undefined;
      if (initializer && !found) {
        const awaited = this.checker.getAwaitedType(this.checker.getTypeAtLocation(initializer));
        found = awaited?.getProperty((node as ts.Identifier).text);
      }
    } else found = this.checker.getSymbolAtLocation(node);
    if (!found) return !strict;
    if (found.flags & ts.SymbolFlags.Alias) found = this.checker.getAliasedSymbol(found);
    return this.checker.getExportSymbolOfSymbol(found) === symbol || found === symbol;
  }

  private dynamicSites: { file: ts.SourceFile; node: ts.Node }[] | undefined;
  private defaultImports: Map<ts.SourceFile, ts.Identifier[]> | undefined;

  /**
   * findReferences of a declaration; for `export default <expression>`, which
   * findReferences does not follow from the `default` keyword, the references
   * of each default import of the module (`import config from './config'`).
   */
  private referencesOf(declaring: ts.SourceFile, position: number): readonly ts.ReferencedSymbol[] {
    const statement = declaring.statements.find((candidate) => candidate.getStart() <= position && position < candidate.end);
    if (!statement || !ts.isExportAssignment(statement) || statement.isExportEquals) return this.findReferences(declaring.fileName, position);
    if (!this.defaultImports) this.wholeModuleUses();
    const groups: ts.ReferencedSymbol[] = [];
    for (const binding of this.defaultImports!.get(declaring) ?? [])
      groups.push(...this.findReferences(binding.getSourceFile().fileName, binding.getStart()));
    return groups;
  }

  /** Names taken from import()/require() results: `(await import('x')).a`, `const { a } = require('x')`. */
  private dynamicSiteList(): { file: ts.SourceFile; node: ts.Node }[] {
    if (!this.dynamicSites) this.wholeModuleUses();
    return this.dynamicSites!;
  }

  /** Symbols a file exports but declares elsewhere (its re-exports), with their declaring files. */
  private passedThrough(file: ts.SourceFile): { symbol: ts.Symbol; declaring: ts.SourceFile }[] {
    const moduleSymbol = this.checker.getSymbolAtLocation(file);
    const result: { symbol: ts.Symbol; declaring: ts.SourceFile }[] = [];
    for (const exported of moduleSymbol ? this.checker.getExportsOfModule(moduleSymbol) : []) {
      const resolved = exported.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(exported) : exported;
      const declaration = resolved.declarations?.[0];
      if (!declaration || ts.isSourceFile(declaration)) continue;
      const declaring = declaration.getSourceFile();
      if (declaring !== file && this.files.has(declaring.fileName))
        result.push({ symbol: this.checker.getExportSymbolOfSymbol(resolved), declaring });
    }
    return result;
  }

  /** Name positions of the declarations a file exports itself (not the names it re-exports from others). */
  private exportedDeclarations(file: ts.SourceFile): number[] {
    const moduleSymbol = this.checker.getSymbolAtLocation(file);
    const positions = new Set<number>();
    for (const exported of moduleSymbol ? this.checker.getExportsOfModule(moduleSymbol) : []) {
      const resolved = exported.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(exported) : exported;
      for (const declaration of resolved.declarations ?? []) {
        if (declaration.getSourceFile() !== file) continue;
        const position = declarationPosition(declaration);
        if (position !== undefined) positions.add(position);
      }
    }
    return [...positions];
  }

  /** The export symbol declared at a name position, as module export tables hold it. */
  private exportSymbolAt(file: ts.SourceFile, position: number): ts.Symbol | undefined {
    const node = nodeAt(file, position);
    if (!node) return undefined;
    // A name, or (no name: `export default <expression>`, an anonymous default function) the declaration's own symbol.
    let symbol = this.checker.getSymbolAtLocation(node) ?? (node as { symbol?: ts.Symbol }).symbol;
    if (!symbol && node.parent && !ts.isSourceFile(node.parent)) symbol = (node.parent as { symbol?: ts.Symbol }).symbol;
    return symbol ? this.checker.getExportSymbolOfSymbol(symbol) : undefined;
  }

  /** Name positions of the top-level declarations containing `node` (none for module-level code). */
  private enclosingDeclarations(node: ts.Node): number[] {
    let statement: ts.Node = node;
    while (statement.parent && !ts.isSourceFile(statement.parent)) statement = statement.parent;
    if (ts.isVariableStatement(statement)) {
      const declarations = statement.declarationList.declarations;
      const declaration = declarations.length === 1 ? declarations[0] : declarations.find((d) => d.pos <= node.pos && node.end <= d.end);
      return declaration ? bindingNamePositions(declaration.name) : [];
    }
    const position = declarationPosition(statement);
    return position === undefined ? [] : [position];
  }

  /** The re-exporting files between a use and the declaring file. */
  private routeOf(node: ts.Node, declaring: ts.SourceFile): Route {
    const start = this.routeStart(node);
    const route = start ? this.routeFrom(start.modules, start.name, start.member, declaring) : undefined;
    // No import leads there (a global, a declaration merged across files): a direct use.
    if (!route) this.timings.noRoute++;
    return route ?? { barrels: [] };
  }

  /** Where the name used at `node` was imported from: its module(s) and the name it has there. */
  private routeStart(node: ts.Node): RouteStart | undefined {
    const parent = node.parent;
    let left: ts.Node | undefined;
    if (parent && ts.isPropertyAccessExpression(parent) && parent.name === node) left = parent.expression;
    else if (parent && ts.isQualifiedName(parent) && parent.right === node) left = parent.left;
    else if (parent && ts.isImportTypeNode(parent) && parent.qualifier === node) {
      const argument = parent.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal))
        return { modules: this.modulesOf(argument.literal), name: (node as ts.Identifier).text };
      return undefined;
    } else if (parent && ts.isBindingElement(parent) && (parent.propertyName ?? parent.name) === node) {
      const initializer = ts.isVariableDeclaration(parent.parent.parent) ? parent.parent.parent.initializer : undefined;
      const literal = initializer ? moduleCall(unwrap(initializer).expression) : undefined;
      if (literal) return { modules: this.modulesOf(literal), name: (node as ts.Identifier).text };
      left = undefined;
    }
    const name = ts.isIdentifier(node) ? node.text : node.getText();
    if (left) {
      const literal = ts.isExpression(left) ? moduleCall(unwrap(left).expression) : undefined;
      if (literal) return { modules: this.modulesOf(literal), name };
      if (!ts.isIdentifier(left)) return undefined;
      const start = this.importedAs(left);
      if (!start) return undefined;
      // `ns.x` of a namespace import is `x` of its module; of a named import, member `x` of that export.
      return start.name === '*' ? { modules: start.modules, name } : { modules: start.modules, name: start.name, member: name };
    }
    return ts.isIdentifier(node) ? this.importedAs(node) : undefined;
  }

  /** The module(s) and exported name an identifier's import binding refers to ('*' for a namespace). */
  private importedAs(identifier: ts.Identifier, known?: ts.Symbol): RouteStart | undefined {
    const parent = identifier.parent;
    // `{ google }`: the shorthand names a property; its value is the import binding.
    const shorthand =
      parent && ts.isShorthandPropertyAssignment(parent) && parent.name === identifier
        ? this.checker.getShorthandAssignmentValueSymbol(parent)
        : undefined;
    const symbol = known ?? shorthand ?? this.checker.getSymbolAtLocation(identifier);
    const declaration = symbol?.declarations?.[0];
    if (!declaration) return undefined;
    if (ts.isImportSpecifier(declaration)) {
      const literal = declaration.parent.parent.parent.moduleSpecifier;
      return ts.isStringLiteralLike(literal)
        ? { modules: this.modulesOf(literal), name: (declaration.propertyName ?? declaration.name).text }
        : undefined;
    }
    if (ts.isImportClause(declaration)) {
      const literal = declaration.parent.moduleSpecifier;
      return ts.isStringLiteralLike(literal) ? { modules: this.modulesOf(literal), name: 'default' } : undefined;
    }
    if (ts.isNamespaceImport(declaration)) {
      const literal = declaration.parent.parent.moduleSpecifier;
      return ts.isStringLiteralLike(literal) ? { modules: this.modulesOf(literal), name: '*' } : undefined;
    }
    if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference)) {
      const literal = declaration.moduleReference.expression;
      return ts.isStringLiteralLike(literal) ? { modules: this.modulesOf(literal), name: '*' } : undefined;
    }
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const { expression } = unwrap(declaration.initializer);
      const literal = moduleCall(expression);
      if (literal && ts.isIdentifier(declaration.name)) return { modules: this.modulesOf(literal), name: '*' };
      if (ts.isPropertyAccessExpression(expression)) {
        const inner = moduleCall(unwrap(expression.expression).expression);
        if (inner) return { modules: this.modulesOf(inner), name: expression.name.text };
      }
    }
    if (ts.isBindingElement(declaration)) {
      const variable = declaration.parent.parent;
      const literal = ts.isVariableDeclaration(variable) && variable.initializer ? moduleCall(unwrap(variable.initializer).expression) : undefined;
      const imported = declaration.propertyName ?? declaration.name;
      if (literal && ts.isIdentifier(imported)) return { modules: this.modulesOf(literal), name: imported.text };
    }
    return undefined;
  }

  /**
   * The shortest chain of re-exports from `name` (and `member` of it) of one
   * of `modules` to the declaring file: breadth-first over (file, name).
   */
  private routeFrom(modules: readonly ts.SourceFile[], name: string, member: string | undefined, declaring: ts.SourceFile): Route | undefined {
    const key = `${modules.map((m) => m.fileName).join('|')}\0${name}\0${member ?? ''}\0${declaring.fileName}`;
    if (this.routes.has(key)) return this.routes.get(key);
    interface State {
      readonly file: ts.SourceFile;
      readonly name: string;
      readonly member: string | undefined;
      readonly previous: State | undefined;
    }
    const queue: State[] = modules.map((file) => ({ file, name, member, previous: undefined }));
    const seen = new Set<string>();
    let found: State | undefined;
    for (let head = 0; head < queue.length && !found; head++) {
      const state = queue[head]!;
      const stateKey = `${state.file.fileName}\0${state.name}\0${state.member ?? ''}`;
      if (seen.has(stateKey)) continue;
      seen.add(stateKey);
      if (state.file === declaring && state.member === undefined) {
        found = state;
        break;
      }
      for (const step of this.reexportSteps(state.file, state.name)) {
        if (step.namespace) {
          // The name is the namespace of step.file: its member continues there.
          if (state.member === undefined) {
            if (step.file === declaring) found = { file: step.file, name: '*', member: undefined, previous: state };
            continue;
          }
          queue.push({ file: step.file, name: state.member, member: undefined, previous: state });
        } else {
          queue.push({ file: step.file, name: step.name, member: state.member, previous: state });
        }
      }
    }
    let route: Route | undefined;
    if (found) {
      const barrels: ts.SourceFile[] = [];
      for (let state = found.previous; state; state = state.previous)
        if (state.file !== declaring && !barrels.includes(state.file)) barrels.unshift(state.file);
      route = { barrels };
    }
    this.routes.set(key, route);
    return route;
  }

  /** Where a file's export `name` comes from when the file re-exports it. */
  private *reexportSteps(file: ts.SourceFile, name: string): Iterable<{ file: ts.SourceFile; name: string; namespace: boolean }> {
    const localNames = this.locallyExported(file);
    for (const statement of file.statements) {
      if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier)) {
        const clause = statement.exportClause;
        const modules = this.modulesOf(statement.moduleSpecifier);
        if (!clause) {
          // `export *`: never `default`, and shadowed by the file's own exports of that name.
          if (name === 'default' || localNames.has(name)) continue;
          for (const module of modules) if (this.exportsName(module, name)) yield { file: module, name, namespace: false };
        } else if (ts.isNamespaceExport(clause)) {
          if (clause.name.text === name) for (const module of modules) yield { file: module, name: '*', namespace: true };
        } else {
          for (const specifier of clause.elements) {
            if (specifier.name.text !== name) continue;
            const imported = (specifier.propertyName ?? specifier.name).text;
            for (const module of modules) yield { file: module, name: imported, namespace: false };
          }
        }
      } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const specifier of statement.exportClause.elements) {
          if (specifier.name.text === name) yield* this.importedBinding(specifier.propertyName ?? specifier.name);
        }
      } else if (ts.isExportAssignment(statement) && name === 'default' && ts.isIdentifier(statement.expression)) {
        yield* this.importedBinding(statement.expression);
      }
    }
  }

  private *importedBinding(identifier: ts.Identifier | ts.StringLiteral): Iterable<{ file: ts.SourceFile; name: string; namespace: boolean }> {
    if (!ts.isIdentifier(identifier)) return;
    // `export { a as b }`: the local `a`, not the export specifier's own alias.
    const local = ts.isExportSpecifier(identifier.parent) ? this.checker.getExportSpecifierLocalTargetSymbol(identifier.parent) : undefined;
    const start = this.importedAs(identifier, local);
    if (!start) return;
    for (const module of start.modules)
      yield start.name === '*' ? { file: module, name: '*', namespace: true } : { file: module, name: start.name, namespace: false };
  }

  private exportsName(module: ts.SourceFile, name: string): boolean {
    const symbol = this.checker.getSymbolAtLocation(module);
    return symbol !== undefined && this.checker.getExportsOfModule(symbol).some((exported) => exported.name === name);
  }

  /** Names a file exports by its own declarations or explicit export lists (which shadow `export *`). */
  private locallyExported(file: ts.SourceFile): Set<string> {
    const names = new Set<string>();
    const symbol = this.checker.getSymbolAtLocation(file);
    for (const statement of file.statements) {
      if (ts.isExportDeclaration(statement) && statement.exportClause) {
        if (ts.isNamespaceExport(statement.exportClause)) names.add(statement.exportClause.name.text);
        else for (const specifier of statement.exportClause.elements) names.add(specifier.name.text);
      }
    }
    for (const exported of symbol?.exports?.values() ?? []) if (exported.name !== '__export') names.add(exported.name);
    return names;
  }

  /** Exported (resolved) symbol -> files that re-export it under a name, excluding its declaring file. */
  private reexporterIndex(): Map<ts.Symbol, { file: ts.SourceFile; name: string }[]> {
    if (this.reexporters) return this.reexporters;
    const started = performance.now();
    const index = new Map<ts.Symbol, { file: ts.SourceFile; name: string }[]>();
    for (const file of this.program.getSourceFiles()) {
      if (!this.files.has(file.fileName)) continue;
      const hasReexport = file.statements.some((s) => ts.isExportDeclaration(s) || ts.isExportAssignment(s));
      if (!hasReexport) continue;
      const moduleSymbol = this.checker.getSymbolAtLocation(file);
      if (!moduleSymbol) continue;
      for (const exported of this.checker.getExportsOfModule(moduleSymbol)) {
        const resolved = exported.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(exported) : exported;
        const declaration = resolved.declarations?.[0];
        if (!declaration) continue;
        const declaredIn = ts.isSourceFile(declaration) ? declaration : declaration.getSourceFile();
        if (declaredIn === file) continue;
        const key = ts.isSourceFile(declaration) ? resolved : this.checker.getExportSymbolOfSymbol(resolved);
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push({ file, name: exported.name });
      }
    }
    this.reexporters = index;
    this.timings.indexesMs += performance.now() - started;
    return index;
  }

  /** Module -> its whole-module uses: side-effect imports, namespaces used as values, unrestricted import()/require(). */
  private wholeModuleUses(): Map<ts.SourceFile, WholeUse[]> {
    if (this.wholeUses) return this.wholeUses;
    const started = performance.now();
    const uses = new Map<ts.SourceFile, WholeUse[]>();
    const sites: { file: ts.SourceFile; node: ts.Node }[] = [];
    this.dynamicSites = sites;
    const defaults = new Map<ts.SourceFile, ts.Identifier[]>();
    this.defaultImports = defaults;
    const add = (literal: ts.StringLiteralLike, file: ts.SourceFile, node: ts.Node) => {
      for (const module of this.modulesOf(literal)) {
        if (module === file) continue;
        let list = uses.get(module);
        if (!list) uses.set(module, (list = []));
        list.push({ file, node });
      }
    };
    for (const file of this.program.getSourceFiles()) {
      if (!this.files.has(file.fileName)) continue;
      const namespaces = new Map<ts.Symbol, ts.StringLiteralLike>();
      const defaultImport = (literal: ts.StringLiteralLike, name: ts.Identifier) => {
        for (const module of this.modulesOf(literal)) {
          let list = defaults.get(module);
          if (!list) defaults.set(module, (list = []));
          list.push(name);
        }
      };
      for (const statement of file.statements) {
        if (ts.isImportDeclaration(statement) && ts.isStringLiteralLike(statement.moduleSpecifier)) {
          const clause = statement.importClause;
          if (!clause) add(statement.moduleSpecifier, file, statement);
          if (clause?.name) defaultImport(statement.moduleSpecifier, clause.name);
          if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
            for (const element of clause.namedBindings.elements)
              if (element.propertyName?.text === 'default') defaultImport(statement.moduleSpecifier, element.name);
          }
          if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) {
            const symbol = this.checker.getSymbolAtLocation(clause.namedBindings.name);
            if (symbol) namespaces.set(symbol, statement.moduleSpecifier);
          }
        } else if (
          ts.isImportEqualsDeclaration(statement) &&
          ts.isExternalModuleReference(statement.moduleReference) &&
          ts.isStringLiteralLike(statement.moduleReference.expression)
        ) {
          const symbol = this.checker.getSymbolAtLocation(statement.name);
          if (symbol) namespaces.set(symbol, statement.moduleReference.expression);
        }
      }
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && namespaces.size > 0 && !isSyntaxOfImportOrExport(node)) {
          const parent = node.parent;
          const member =
            (ts.isPropertyAccessExpression(parent) && parent.expression === node) || (ts.isQualifiedName(parent) && parent.left === node);
          if (!member && !ts.isImportClause(parent) && !ts.isNamespaceImport(parent) && !ts.isImportEqualsDeclaration(parent)) {
            const symbol = this.checker.getSymbolAtLocation(node);
            const literal = symbol ? namespaces.get(symbol) : undefined;
            if (literal) add(literal, file, node);
          }
        }
        if (ts.isImportTypeNode(node) && !node.qualifier && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
          add(node.argument.literal, file, node);
        }
        const literal = ts.isCallExpression(node) ? moduleCall(node) : undefined;
        if (literal && !this.takesNamesOnly(node)) add(literal, file, node);
        else if (literal) sites.push(...namedSites(node, file));
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    this.wholeUses = uses;
    this.timings.indexesMs += performance.now() - started;
    return uses;
  }

  /** Whether an import()/require() call only takes names: member access, destructuring, a local used by member only. */
  private takesNamesOnly(call: ts.Node): boolean {
    const dynamic = ts.isCallExpression(call) && call.expression.kind === ts.SyntaxKind.ImportKeyword;
    const { outer, awaited } = outerOf(call);
    const parent = outer.parent;
    if (!parent) return false;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === outer) return !(dynamic && !awaited && PROMISE_MEMBERS.has(parent.name.text));
    if ((awaited || !dynamic) && ts.isVariableDeclaration(parent) && parent.initializer === outer) {
      if (ts.isObjectBindingPattern(parent.name)) return parent.name.elements.every((element) => !element.dotDotDotToken);
      if (ts.isIdentifier(parent.name)) {
        const symbol = this.checker.getSymbolAtLocation(parent.name);
        const scope = ts.findAncestor(parent, (n) => ts.isBlock(n) || ts.isSourceFile(n)) ?? parent.getSourceFile();
        let onlyMembers = true;
        const check = (node: ts.Node): void => {
          if (!onlyMembers) return;
          if (
            ts.isIdentifier(node) &&
            node !== parent.name &&
            node.text === (parent.name as ts.Identifier).text &&
            this.checker.getSymbolAtLocation(node) === symbol
          ) {
            const p = node.parent;
            if (!(ts.isPropertyAccessExpression(p) && p.expression === node)) onlyMembers = false;
          }
          ts.forEachChild(node, check);
        };
        check(scope);
        return onlyMembers;
      }
    }
    return false;
  }

  dispose(): void {
    this.service.dispose();
  }
}

/** The name nodes an import()/require() call that takes names only takes: a member, destructured keys, members of a local. */
function namedSites(call: ts.Node, file: ts.SourceFile): { file: ts.SourceFile; node: ts.Node }[] {
  const { outer } = outerOf(call);
  const parent = outer.parent;
  if (ts.isPropertyAccessExpression(parent)) return [{ file, node: parent.name }];
  if (ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)) {
    return parent.name.elements.map((element) => ({ file, node: element.propertyName ?? element.name }));
  }
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    const local = parent.name.text;
    const scope = ts.findAncestor(parent, (n) => ts.isBlock(n) || ts.isSourceFile(n)) ?? file;
    const found: { file: ts.SourceFile; node: ts.Node }[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === local)
        found.push({ file, node: node.name });
      ts.forEachChild(node, visit);
    };
    visit(scope);
    return found;
  }
  return [];
}

/** The innermost token-level node starting at `position`. */
export function nodeAt(file: ts.SourceFile, position: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(file) <= position && position < node.end) {
      found = node;
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(file, visit);
  return found;
}

/** Import and export syntax naming a symbol is not a use of it (the barrel rules count re-exports). */
function isSyntaxOfImportOrExport(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (
    ts.isImportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isNamespaceExport(parent)
  )
    return true;
  if (ts.isImportEqualsDeclaration(parent) && parent.name === node) return true;
  if (ts.isExportAssignment(parent) && parent.expression === node) return true;
  return false;
}

/** The name position of a top-level declaration statement (the `default` keyword of an anonymous default export). */
function declarationPosition(node: ts.Node): number | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) {
    if (node.name) return node.name.getStart();
    const keyword = node.modifiers?.find((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
    return keyword?.getStart();
  }
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node)) return node.name.getStart();
  if (ts.isModuleDeclaration(node) && ts.isIdentifier(node.name)) return node.name.getStart();
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) return node.name.getStart();
  if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) return node.name.getStart();
  if (ts.isExportAssignment(node) && !ts.isIdentifier(node.expression))
    return node
      .getChildren()
      .find((child) => child.kind === ts.SyntaxKind.DefaultKeyword)
      ?.getStart();
  return undefined;
}

function bindingNamePositions(name: ts.BindingName): number[] {
  if (ts.isIdentifier(name)) return [name.getStart()];
  const positions: number[] = [];
  for (const element of name.elements) if (!ts.isOmittedExpression(element)) positions.push(...bindingNamePositions(element.name));
  return positions;
}
