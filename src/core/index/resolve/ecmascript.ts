import { builtinModules } from 'node:module';
import type { ImportFact } from '../types';
import { type ResolverHost, directoryOf, joinPath } from './host';
import { resolveAsFileOrDirectory, sourceCandidates } from './moduleFiles';
import { exportsTargets } from './packageExports';
import { type Resolution, UNRESOLVED, external, toFile } from './resolution';
import { type TsconfigLoader, mappedCandidates } from './tsconfig';
import { type WorkspacePackage, splitPackageSpecifier } from './workspaces';

/**
 * JavaScript/TypeScript module resolution: relative paths, tsconfig paths and
 * baseUrl, then workspace packages (exports/main/module/types mapped back to
 * their sources). Anything else is an external package: recorded, not followed.
 */

const BUILTINS = new Set(builtinModules);

export class EcmascriptResolver {
  /** Bare-specifier results depend on the importing file's config only: memoised per (config, specifier). */
  private readonly bareCache = new Map<string, string | undefined>();
  /** Relative results depend on the importing directory only: files of one folder share them. */
  private readonly relativeCache = new Map<string, string | undefined>();

  constructor(
    private readonly host: ResolverHost,
    private readonly tsconfigs: TsconfigLoader,
    private readonly packages: ReadonlyMap<string, WorkspacePackage>,
  ) {}

  resolve(fromFile: string, fact: ImportFact): Resolution {
    const target = this.resolveSpecifier(fromFile, fact.specifier);
    if (target !== undefined) return toFile(target, fact.bindings);
    const specifier = fact.specifier.replace(/[?#].*$/, '');
    if (specifier.startsWith('.') || specifier.startsWith('/')) return UNRESOLVED;
    if (specifier.startsWith('node:') || BUILTINS.has(specifier)) return external(specifier.replace(/^node:/, ''));
    return external(splitPackageSpecifier(specifier).name);
  }

  /** The repo-relative file a specifier resolves to from `fromFile`, if it is in the repository. */
  resolveSpecifier(fromFile: string, rawSpecifier: string): string | undefined {
    // Loader suffixes and queries (`./x.svg?raw`) are not part of the path.
    const specifier = rawSpecifier.replace(/[?#].*$/, '');
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      const directory = directoryOf(fromFile);
      const key = `${directory}\0${specifier}`;
      if (this.relativeCache.has(key)) return this.relativeCache.get(key);
      const base = joinPath(directory, specifier);
      const resolved = base === undefined ? undefined : resolveAsFileOrDirectory(this.host, base);
      this.relativeCache.set(key, resolved);
      return resolved;
    }
    if (specifier.startsWith('/') || specifier.startsWith('node:') || specifier === '') return undefined;
    const config = this.tsconfigs.forFile(fromFile);
    const key = `${config?.file ?? ''}\0${specifier}`;
    if (this.bareCache.has(key)) return this.bareCache.get(key);
    let resolved: string | undefined;
    if (config) {
      for (const candidate of mappedCandidates(config, specifier)) {
        resolved = resolveAsFileOrDirectory(this.host, candidate);
        if (resolved) break;
      }
    }
    resolved ??= this.resolveWorkspacePackage(specifier);
    this.bareCache.set(key, resolved);
    return resolved;
  }

  private resolveWorkspacePackage(specifier: string): string | undefined {
    const { name, subpath } = splitPackageSpecifier(specifier);
    const pkg = this.packages.get(name);
    if (!pkg) return undefined;
    const inPackage = (relative: string) => {
      for (const candidate of sourceCandidates(relative)) {
        const base = joinPath(pkg.directory, candidate);
        const found = base === undefined ? undefined : resolveAsFileOrDirectory(this.host, base);
        if (found) return found;
      }
      return undefined;
    };
    const { manifest } = pkg;
    if (manifest.exports !== undefined) {
      for (const target of exportsTargets(manifest.exports, subpath)) {
        const found = inPackage(target);
        if (found) return found;
      }
      return undefined;
    }
    if (subpath !== '.') return inPackage(subpath);
    for (const field of ['source', 'types', 'typings', 'module', 'main']) {
      const value = manifest[field];
      if (typeof value !== 'string') continue;
      const found = inPackage(value);
      if (found) return found;
    }
    return inPackage('index');
  }
}
