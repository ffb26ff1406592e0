import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript-5';

/**
 * The oracle's view of a repository, built with the TypeScript 5 compiler API
 * and nothing of the index (test and bench only, never shipped):
 *
 * - the file list (`git ls-files` in a git checkout, else a walk);
 * - the workspace's packages, reachable from every file as if installed in
 *   node_modules (what npm/yarn/pnpm workspaces do with symlinks);
 * - each file's nearest tsconfig.json/jsconfig.json, parsed by TypeScript;
 * - build output mapped back to the source it is built from: by the
 *   package tsconfig's rootDir/outDir, else by name (`dist/x.js` <- `src/x.ts`),
 *   since the checkouts are not built;
 * - module resolution by TypeScript's own `resolveModuleName`, once as the
 *   type checker resolves (`types` first), and once per runtime condition set
 *   (Node: `import`/`require`/`node`/`default`; bundlers for the browser:
 *   `browser`), by hiding the `types` conditions of workspace manifests.
 */

const SOURCE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

export type Flavor = 'types' | 'node' | 'browser';

interface WorkspacePackage {
  readonly name: string;
  readonly directory: string; // absolute
  readonly manifest: Record<string, unknown>;
}

export function listFiles(root: string): string[] {
  if (existsSync(join(root, '.git'))) {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: 1 << 28 });
    return out
      .toString('utf8')
      .split('\0')
      .filter((path) => path !== '' && existsSync(join(root, path)));
  }
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(join(root, directory), { withFileTypes: true })) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const path = directory === '' ? entry.name : `${directory}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk('');
  return files;
}

export function isSourceFile(path: string): boolean {
  return SOURCE.test(path) && !path.split('/').includes('node_modules');
}

function readJson(path: string): unknown {
  const result = ts.readConfigFile(path, ts.sys.readFile);
  return result.error ? undefined : result.config;
}

function withoutTypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypes);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, nested] of Object.entries(value)) if (key !== 'types' && key !== 'typings') result[key] = withoutTypes(nested);
  return result;
}

export class OracleHost {
  readonly files: string[];
  readonly sourceFiles: string[];
  private readonly fileSet: Set<string>;
  private readonly directories = new Set<string>();
  private readonly packages = new Map<string, WorkspacePackage>();
  /**
   * Absolute output path without its extension (as a build would write it,
   * `.js`, `.d.ts` or any TypeScript's resolution tries in its place) -> absolute source path.
   */
  private readonly outputs = new Map<string, string>();
  private readonly configs = new Map<string, ts.CompilerOptions>();
  private readonly resolutions = new Map<string, string | undefined>();
  private readonly texts = new Map<string, string | undefined>();
  private readonly hosts = new Map<Flavor, ts.ModuleResolutionHost>();
  private readonly caches = new Map<string, ts.ModuleResolutionCache>();
  private readonly configOf = new Map<string, string | undefined>();

  constructor(readonly root: string) {
    this.files = listFiles(root);
    this.sourceFiles = this.files.filter(isSourceFile).map((path) => join(root, path));
    this.fileSet = new Set(this.files.map((path) => join(root, path)));
    for (const file of this.fileSet)
      for (let dir = dirname(file); dir.length >= root.length && !this.directories.has(dir); dir = dirname(dir)) this.directories.add(dir);
    this.findPackages();
    this.mapOutputs();
  }

  private findPackages(): void {
    for (const path of this.files.filter((file) => file === 'package.json' || file.endsWith('/package.json'))) {
      const manifest = readJson(join(this.root, path));
      if (!manifest || typeof manifest !== 'object' || typeof (manifest as { name?: unknown }).name !== 'string') continue;
      const name = (manifest as { name: string }).name;
      const directory = dirname(join(this.root, path));
      const existing = this.packages.get(name);
      if (existing && existing.directory.split('/').length <= directory.split('/').length) continue;
      this.packages.set(name, { name, directory, manifest: manifest as Record<string, unknown> });
    }
  }

  /** Where a build would write each source file, from the package tsconfig's rootDir/outDir. */
  private mapOutputs(): void {
    for (const pkg of this.packages.values()) {
      const config = CONFIG_NAMES.map((name) => join(pkg.directory, name)).find((path) => this.fileSet.has(path));
      if (!config) continue;
      const options = this.optionsOf(config);
      if (!options.outDir) continue;
      const rootDir = options.rootDir ?? pkg.directory;
      const outDirs = [options.outDir, options.declarationDir].filter((dir): dir is string => typeof dir === 'string');
      for (const source of this.sourceFiles) {
        // Declaration files are not compiled: no output comes from them.
        if (!source.startsWith(`${rootDir}/`) || source.includes('/node_modules/') || /\.d\.[cm]?ts$/.test(source)) continue;
        const stem = relative(rootDir, source)
          .replace(/\.d\.[cm]?ts$/, '')
          .replace(/\.[cm]?[jt]sx?$/, '');
        for (const outDir of outDirs) if (!this.outputs.has(join(outDir, stem))) this.outputs.set(join(outDir, stem), source);
      }
    }
  }

  /** A build output path that no tsconfig explains, mapped by name: `<pkg>/dist/a/b.js` -> `<pkg>/src/a/b.ts`. */
  private sourceByName(path: string): string | undefined {
    const match = /^(.*?)\/(?:dist|build|lib|out|esm|cjs|types)(?:\/(?:esm|cjs|types))?\/(.+?)(?:\.d)?\.([cm]?)[jt]sx?$/.exec(path);
    if (!match) return undefined;
    const [, base, stem, flavour] = match;
    for (const directory of [`${base}/src`, base!]) {
      for (const extension of [`.${flavour}ts`, '.tsx', `.${flavour}js`, '.jsx']) {
        const candidate = `${directory}/${stem}${extension}`;
        if (this.fileSet.has(candidate)) return candidate;
      }
    }
    return undefined;
  }

  /** Real path of a file: a workspace package seen through node_modules, or a build output's source. */
  realFile(path: string): string | undefined {
    const virtual = this.fromNodeModules(path);
    if (virtual !== undefined) return this.realFile(virtual);
    if (this.fileSet.has(path)) return path;
    return this.outputs.get(path.replace(/\.d\.[cm]?ts$/, '').replace(/\.[cm]?[jt]sx?$/, '')) ?? this.sourceByName(path);
  }

  /** `<any>/node_modules/<workspace package>/<rest>` -> the package's directory + rest. */
  private fromNodeModules(path: string): string | undefined {
    const index = path.lastIndexOf('/node_modules/');
    if (index < 0) return undefined;
    const rest = path.slice(index + '/node_modules/'.length).split('/');
    const count = rest[0]?.startsWith('@') ? 2 : 1;
    const pkg = this.packages.get(rest.slice(0, count).join('/'));
    if (!pkg) return undefined;
    const inner = rest.slice(count).join('/');
    return inner === '' ? pkg.directory : `${pkg.directory}/${inner}`;
  }

  private directoryExists(path: string): boolean {
    const virtual = this.fromNodeModules(path);
    if (virtual !== undefined) return this.directoryExists(virtual);
    // Every node_modules exists (the workspace packages are in it); a scope folder when a package has that scope.
    if (path.endsWith('/node_modules')) return true;
    const inside = path.lastIndexOf('/node_modules/');
    if (inside >= 0) {
      const rest = path.slice(inside + '/node_modules/'.length);
      return rest.startsWith('@') && !rest.includes('/') && [...this.packages.keys()].some((name) => name.startsWith(`${rest}/`));
    }
    return this.directories.has(path) || this.isOutputDirectory(path) || this.isBuildDirectory(path);
  }

  /** A build output folder that is not built here (`<pkg>/dist/...`): its files map back by name. */
  private isBuildDirectory(path: string): boolean {
    const match = /^(.*?)\/(?:dist|build|lib|out|esm|cjs|types)(?:\/|$)/.exec(path);
    return match !== null && this.directories.has(match[1]!);
  }

  private outputDirectories: Set<string> | undefined;

  private isOutputDirectory(path: string): boolean {
    if (!this.outputDirectories) {
      this.outputDirectories = new Set();
      for (const output of this.outputs.keys())
        for (let dir = dirname(output); dir.length > this.root.length && !this.outputDirectories.has(dir); dir = dirname(dir))
          this.outputDirectories.add(dir);
    }
    return this.outputDirectories.has(path);
  }

  private text(path: string, flavor: Flavor, viaNodeModules: boolean): string | undefined {
    const runtime = flavor !== 'types' && viaNodeModules && path.endsWith('/package.json');
    const key = runtime ? `runtime\0${path}` : path;
    if (this.texts.has(key)) return this.texts.get(key);
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined && runtime) {
      // A runtime resolution: the package as Node or a bundler sees it, without `types`.
      const manifest = readJson(path);
      if (manifest) text = JSON.stringify(withoutTypes(manifest));
    }
    this.texts.set(key, text);
    return text;
  }

  /** A module resolution host where workspace packages are installed and build outputs exist. */
  resolutionHost(flavor: Flavor): ts.ModuleResolutionHost {
    const known = this.hosts.get(flavor);
    if (known) return known;
    const host: ts.ModuleResolutionHost = {
      fileExists: (path) => this.realFile(path) !== undefined,
      readFile: (path) => {
        const real = this.realFile(path);
        return real ? this.text(real, flavor, this.fromNodeModules(path) !== undefined) : undefined;
      },
      directoryExists: (path) => this.directoryExists(path),
      realpath: (path) => this.realFile(path) ?? path,
      getCurrentDirectory: () => this.root,
    };
    this.hosts.set(flavor, host);
    return host;
  }

  /** Compiler options of the nearest tsconfig/jsconfig of a file, as TypeScript parses them. */
  optionsFor(file: string): ts.CompilerOptions {
    const config = this.configFor(dirname(file));
    return config ? this.optionsOf(config) : {};
  }

  /** The nearest tsconfig/jsconfig of a directory. */
  private configFor(directory: string): string | undefined {
    if (this.configOf.has(directory)) return this.configOf.get(directory);
    let config = CONFIG_NAMES.map((name) => join(directory, name)).find((path) => this.fileSet.has(path));
    if (!config && directory.length > this.root.length) config = this.configFor(dirname(directory));
    this.configOf.set(directory, config);
    return config;
  }

  private optionsOf(config: string): ts.CompilerOptions {
    let options = this.configs.get(config);
    if (options) return options;
    const host = this.resolutionHost('types');
    const parseHost: ts.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      readDirectory: () => [],
      fileExists: (path) => host.fileExists(path) || existsSync(path),
      readFile: (path) => host.readFile(path) ?? (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    };
    const json = ts.readConfigFile(config, parseHost.readFile);
    options = json.error ? {} : ts.parseJsonConfigFileContent(json.config, parseHost, dirname(config), undefined, config).options;
    this.configs.set(config, options);
    return options;
  }

  /** The absolute source file a specifier leads to in this repository under one flavor, if any. */
  resolve(specifier: string, containingFile: string, flavor: Flavor): string | undefined {
    const bare = !specifier.startsWith('.') && !specifier.startsWith('/');
    // Relative imports and paths mappings do not depend on the flavor.
    const effective = bare && this.packages.has(packageName(specifier)) ? flavor : 'types';
    const key = `${effective}\0${dirname(containingFile)}\0${specifier}`;
    if (this.resolutions.has(key)) return this.resolutions.get(key);
    const fileOptions = this.optionsFor(containingFile);
    const options: ts.CompilerOptions = {
      ...fileOptions,
      allowJs: true,
      moduleResolution:
        fileOptions.moduleResolution === ts.ModuleResolutionKind.Node16 || fileOptions.moduleResolution === ts.ModuleResolutionKind.NodeNext
          ? fileOptions.moduleResolution
          : ts.ModuleResolutionKind.Bundler,
      module:
        fileOptions.module === ts.ModuleKind.Node16 || fileOptions.module === ts.ModuleKind.NodeNext ? fileOptions.module : ts.ModuleKind.ESNext,
      customConditions: effective === 'browser' ? ['browser'] : effective === 'node' ? ['node'] : fileOptions.customConditions,
      allowImportingTsExtensions: true,
    };
    const cacheKey = `${effective}\0${this.configFor(dirname(containingFile)) ?? ''}`;
    let cache = this.caches.get(cacheKey);
    if (!cache) this.caches.set(cacheKey, (cache = ts.createModuleResolutionCache(this.root, (name) => name, options)));
    const result = ts.resolveModuleName(specifier, containingFile, options, this.resolutionHost(effective), cache);
    const resolved = result.resolvedModule ? this.realFile(result.resolvedModule.resolvedFileName) : undefined;
    const inRepository = resolved && this.fileSet.has(resolved) && isSourceFile(relative(this.root, resolved)) ? resolved : undefined;
    this.resolutions.set(key, inRepository);
    return inRepository;
  }
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}
