import { builtinModules } from 'node:module';
import type { ImportFact } from '../types';
import { type ResolverHost, directoryOf, joinPath } from './host';
import { builtOutputCandidates, resolveAsFileOrDirectory } from './moduleFiles';
import { ENTRY_FIELDS, PACKAGE_FLAVORS, type PackageFlavor, exportsTargets } from './packageExports';
import { type Resolution, UNRESOLVED, external } from './resolution';
import { type TsconfigLoader, mappedCandidates } from './tsconfig';
import { type WorkspacePackage, splitPackageSpecifier } from './workspaces';

/**
 * JavaScript/TypeScript module resolution: relative paths, tsconfig paths and
 * baseUrl, then workspace packages. A workspace package is resolved the way
 * the program runs: under Node's and a browser bundler's conditions, and under
 * `types` as the type checker reads it; each target is mapped from build
 * output back to the source it is built from. A runtime import leads to every
 * distinct source these give (dropping one would lose dependents); a type-only
 * import to the `types` one. Anything else is an external package: recorded,
 * not followed.
 */

const BUILTINS = new Set(builtinModules);

/** A memoised resolution: the files, an external package's name, or nothing. Plain data, kept in the index cache. */
export type ResolutionMemo = readonly string[] | { readonly external: string } | null;

/** Per importing directory, specifier (`\0type` appended for type-only imports) -> resolution. */
export type ResolutionMemoTable = readonly (readonly [directory: string, entries: readonly (readonly [string, ResolutionMemo])[]])[];
const RUNTIME_FLAVORS: readonly PackageFlavor[] = PACKAGE_FLAVORS;
const TYPE_FLAVORS: readonly PackageFlavor[] = ['types'];
/** A path segment of build output, for relative imports of output that is not there (`./dist/index.js`). */
const BUILD_SEGMENT = /(?:^|\/)(?:dist|build|lib|out|esm|cjs|types|es|umd)\//;

export class EcmascriptResolver {
  /**
   * (importing directory, specifier, type-only) -> resolution: everything a
   * resolution depends on besides the file list and the configuration files,
   * which the index cache's resolution stamp covers. Seeded from the cache on
   * a warm start, so an unchanged repository resolves nothing again.
   */
  private readonly memo = new Map<string, Map<string, ResolutionMemo>>();
  /** Bare-specifier results depend on the importing file's config only: memoised per (config, specifier, flavors). */
  private readonly bareCache = new Map<string, readonly string[]>();
  /** Relative results depend on the importing directory only: files of one folder share them. */
  private readonly relativeCache = new Map<string, string | undefined>();
  /** Directory -> the nearest directory with a package.json ('' for the root, undefined for none). */
  private readonly packageRoots = new Map<string, string | undefined>();

  constructor(
    private readonly host: ResolverHost,
    private readonly tsconfigs: TsconfigLoader,
    private readonly packages: () => ReadonlyMap<string, WorkspacePackage>,
    seed?: ResolutionMemoTable,
  ) {
    for (const [directory, entries] of seed ?? []) this.memo.set(directory, new Map(entries));
  }

  /** The memo as plain data, for the cache. */
  memoTable(): ResolutionMemoTable {
    return [...this.memo].map(([directory, entries]) => [directory, [...entries]] as const);
  }

  resolve(fromFile: string, fact: ImportFact): Resolution {
    const typeOnly = fact.kind === 'type';
    const directory = directoryOf(fromFile);
    let inDirectory = this.memo.get(directory);
    if (!inDirectory) this.memo.set(directory, (inDirectory = new Map()));
    const key = typeOnly ? `${fact.specifier}\0type` : fact.specifier;
    let memo = inDirectory.get(key);
    if (memo === undefined) {
      memo = this.resolveUncached(fromFile, fact.specifier, typeOnly);
      inDirectory.set(key, memo);
    }
    if (memo === null) return UNRESOLVED;
    if (!Array.isArray(memo)) return external((memo as { external: string }).external);
    return { kind: 'files', targets: (memo as readonly string[]).map((path) => ({ path, bindings: fact.bindings })) };
  }

  private resolveUncached(fromFile: string, rawSpecifier: string, typeOnly: boolean): ResolutionMemo {
    const targets = this.resolveSpecifier(fromFile, rawSpecifier, typeOnly ? TYPE_FLAVORS : RUNTIME_FLAVORS);
    if (targets.length > 0) return targets;
    const specifier = rawSpecifier.replace(/[?#].*$/, '');
    if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
    if (specifier.startsWith('node:') || BUILTINS.has(specifier)) return { external: specifier.replace(/^node:/, '') };
    return { external: splitPackageSpecifier(specifier).name };
  }

  /** The repo-relative files a specifier resolves to from `fromFile`, if in the repository. */
  resolveSpecifier(fromFile: string, rawSpecifier: string, flavors: readonly PackageFlavor[] = RUNTIME_FLAVORS): readonly string[] {
    // Loader suffixes and queries (`./x.svg?raw`) are not part of the path.
    const specifier = rawSpecifier.replace(/[?#].*$/, '');
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      const resolved = this.resolveRelative(fromFile, specifier);
      return resolved === undefined ? [] : [resolved];
    }
    if (specifier.startsWith('/') || specifier.startsWith('node:') || specifier === '') return [];
    const config = this.tsconfigs.forFile(fromFile);
    const key = `${config?.file ?? ''}\0${specifier}\0${flavors.length}`;
    const known = this.bareCache.get(key);
    if (known) return known;
    let resolved: readonly string[] = [];
    if (config) {
      for (const candidate of mappedCandidates(config, specifier)) {
        const found = resolveAsFileOrDirectory(this.host, candidate);
        if (found) {
          resolved = [found];
          break;
        }
      }
    }
    if (resolved.length === 0) resolved = this.resolveWorkspacePackage(specifier, flavors);
    this.bareCache.set(key, resolved);
    return resolved;
  }

  private resolveRelative(fromFile: string, specifier: string): string | undefined {
    const directory = directoryOf(fromFile);
    const key = `${directory}\0${specifier}`;
    if (this.relativeCache.has(key)) return this.relativeCache.get(key);
    const base = joinPath(directory, specifier);
    let resolved = base === undefined ? undefined : resolveAsFileOrDirectory(this.host, base);
    // `./dist/index.js` from a bin script or a .d.ts: the output is not in the repository, its source is.
    if (resolved === undefined && base !== undefined && BUILD_SEGMENT.test(base)) resolved = this.builtOutputSource(base, fromFile);
    // Only cached when the importer cannot be the answer (a file next to its own source, see builtOutputSource).
    if (resolved !== undefined || base === undefined || !BUILD_SEGMENT.test(base)) this.relativeCache.set(key, resolved);
    return resolved;
  }

  /** The source a repo-relative path of build output is built from, through its package's tsconfig or by name; never `importer`. */
  private builtOutputSource(path: string, importer: string): string | undefined {
    const root = this.packageRootOf(directoryOf(path));
    if (root === undefined) return undefined;
    const relative = root === '' ? path : path.slice(root.length + 1);
    return this.inPackage(root, relative, importer);
  }

  private packageRootOf(directory: string): string | undefined {
    if (this.packageRoots.has(directory)) return this.packageRoots.get(directory);
    let root: string | undefined;
    if (this.host.exists(directory === '' ? 'package.json' : `${directory}/package.json`)) root = directory;
    else if (directory !== '') root = this.packageRootOf(directoryOf(directory));
    this.packageRoots.set(directory, root);
    return root;
  }

  /** A package-relative target (`./dist/index.js`) as a workspace source file: through rootDir/outDir, else by name. */
  private inPackage(directory: string, relative: string, importer?: string): string | undefined {
    const output = this.tsconfigs.forDirectory(directory)?.output;
    for (const candidate of builtOutputCandidates(directory, relative, output)) {
      const found = resolveAsFileOrDirectory(this.host, candidate, importer);
      if (found) return found;
    }
    return undefined;
  }

  private resolveWorkspacePackage(specifier: string, flavors: readonly PackageFlavor[]): string[] {
    const { name, subpath } = splitPackageSpecifier(specifier);
    const pkg = this.packages().get(name);
    if (!pkg) return [];
    const found = new Set<string>();
    for (const flavor of flavors) {
      const target = this.packageEntry(pkg, subpath, flavor);
      if (target) found.add(target);
    }
    return [...found];
  }

  /** The source file one flavor of resolution leads to in a workspace package. */
  private packageEntry(pkg: WorkspacePackage, subpath: string, flavor: PackageFlavor): string | undefined {
    const { manifest, directory } = pkg;
    if (manifest.exports !== undefined) {
      for (const target of exportsTargets(manifest.exports, subpath, flavor)) {
        const found = this.inPackage(directory, target);
        if (found) return found;
      }
      return undefined;
    }
    if (subpath !== '.') return this.inPackage(directory, subpath);
    for (const field of ENTRY_FIELDS[flavor]) {
      const value = flavor === 'browser' && field === 'browser' && typeof manifest[field] !== 'string' ? undefined : manifest[field];
      if (typeof value !== 'string') continue;
      const found = this.inPackage(directory, value);
      if (found) return found;
    }
    return this.inPackage(directory, 'index');
  }
}
