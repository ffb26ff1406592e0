import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { type ResolverHost, directoryOf, readText } from './host';
import { isRecord, parseJsonc } from './jsonc';

/**
 * The module-resolution part of tsconfig.json / jsconfig.json: `baseUrl` and
 * `paths`, and where a build writes its output (`rootDir`, `outDir`,
 * `declarationDir`, to map output back to source), following `extends` (relative files, arrays, and packages in
 * node_modules). Each file uses its nearest config up the directory tree.
 */

export interface PathMapping {
  readonly prefix: string;
  /** Undefined for an exact (wildcard-free) key. */
  readonly suffix: string | undefined;
  /** Repo-relative target patterns (may contain one '*'). */
  readonly targets: readonly string[];
}

export interface ModuleConfig {
  /** Repo-relative path of the config file. */
  readonly file: string;
  /** Repo-relative baseUrl, when set. */
  readonly baseUrl: string | undefined;
  /** Sorted longest prefix first, as TypeScript picks them. */
  readonly paths: readonly PathMapping[];
  /** Repo-relative rootDir (the config's directory when unset) and output directories, when an outDir is set. */
  readonly output?: { readonly rootDir: string; readonly outDirs: readonly string[] };
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

interface RawOptions {
  baseUrl?: string; // absolute
  paths?: Record<string, string[]>;
  pathsBase?: string; // absolute directory the paths are relative to
  rootDir?: string; // absolute
  outDir?: string; // absolute
  declarationDir?: string; // absolute
}

export class TsconfigLoader {
  private readonly byDirectory = new Map<string, ModuleConfig | undefined>();

  constructor(private readonly host: ResolverHost) {}

  invalidate(): void {
    this.byDirectory.clear();
  }

  /** The nearest config governing a repo-relative file. */
  forFile(path: string): ModuleConfig | undefined {
    return this.forDirectory(directoryOf(path));
  }

  /** The nearest config of a repo-relative directory. */
  forDirectory(directory: string): ModuleConfig | undefined {
    if (this.byDirectory.has(directory)) return this.byDirectory.get(directory);
    let config: ModuleConfig | undefined;
    const name = CONFIG_NAMES.map((n) => (directory === '' ? n : `${directory}/${n}`)).find((p) => this.host.exists(p));
    if (name) config = this.load(name);
    else if (directory !== '') config = this.forDirectory(directoryOf(directory));
    this.byDirectory.set(directory, config);
    return config;
  }

  private load(file: string): ModuleConfig {
    const options = this.readOptions(join(this.host.root, file), new Set());
    const toRepo = (absolute: string) => relative(this.host.root, absolute).split('\\').join('/');
    const baseUrl = options.baseUrl === undefined ? undefined : toRepo(options.baseUrl);
    const pathsBase = options.baseUrl ?? options.pathsBase;
    const paths: PathMapping[] = [];
    if (options.paths && pathsBase) {
      for (const [key, targets] of Object.entries(options.paths)) {
        if (!Array.isArray(targets)) continue;
        const star = key.indexOf('*');
        paths.push({
          prefix: star < 0 ? key : key.slice(0, star),
          suffix: star < 0 ? undefined : key.slice(star + 1),
          targets: targets.filter((t): t is string => typeof t === 'string').map((t) => toRepo(resolve(pathsBase, t))),
        });
      }
      paths.sort((a, b) => b.prefix.length - a.prefix.length);
    }
    const outDirs = [options.outDir, options.declarationDir].filter((dir): dir is string => dir !== undefined).map(toRepo);
    const rootDir = toRepo(options.rootDir ?? join(this.host.root, directoryOf(file)));
    return { file, baseUrl, paths, ...(outDirs.length > 0 ? { output: { rootDir, outDirs } } : {}) };
  }

  /** Compiler options relevant to resolution, with `extends` applied (later configs override). */
  private readOptions(absoluteFile: string, seen: Set<string>): RawOptions {
    if (seen.has(absoluteFile)) return {};
    seen.add(absoluteFile);
    const json = parseJsonc(readText(this.host, absoluteFile) ?? '');
    if (!isRecord(json)) return {};
    const directory = dirname(absoluteFile);
    let options: RawOptions = {};
    const parents = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
    for (const parent of parents) {
      if (typeof parent !== 'string') continue;
      const parentFile = this.locateExtends(parent, directory);
      if (parentFile) options = { ...options, ...this.readOptions(parentFile, seen) };
    }
    const compilerOptions = isRecord(json.compilerOptions) ? json.compilerOptions : {};
    if (typeof compilerOptions.baseUrl === 'string') options.baseUrl = resolve(directory, compilerOptions.baseUrl);
    for (const key of ['rootDir', 'outDir', 'declarationDir'] as const) {
      const value = compilerOptions[key];
      if (typeof value === 'string') options[key] = resolve(directory, value);
    }
    if (isRecord(compilerOptions.paths)) {
      options.paths = compilerOptions.paths as Record<string, string[]>;
      options.pathsBase = directory;
    }
    return options;
  }

  private locateExtends(specifier: string, fromDirectory: string): string | undefined {
    const candidates: string[] = [];
    if (specifier.startsWith('.') || isAbsolute(specifier)) {
      const base = resolve(fromDirectory, specifier);
      candidates.push(base, `${base}.json`, join(base, 'tsconfig.json'));
    } else {
      // A package: look in node_modules up the tree (e.g. @tsconfig/node20/tsconfig.json).
      for (let directory = fromDirectory; ; directory = dirname(directory)) {
        const base = join(directory, 'node_modules', specifier);
        candidates.push(base, `${base}.json`, join(base, 'tsconfig.json'));
        if (dirname(directory) === directory) break;
      }
    }
    return candidates.find((candidate) => candidate.endsWith('.json') && existsSync(candidate));
  }
}

/** Candidate repo-relative bases for a non-relative specifier under a config's paths and baseUrl. */
export function mappedCandidates(config: ModuleConfig, specifier: string): string[] {
  const result: string[] = [];
  for (const mapping of config.paths) {
    if (mapping.suffix === undefined) {
      if (specifier === mapping.prefix) result.push(...mapping.targets);
      continue;
    }
    if (specifier.length < mapping.prefix.length + mapping.suffix.length) continue;
    if (!specifier.startsWith(mapping.prefix) || !specifier.endsWith(mapping.suffix)) continue;
    const captured = specifier.slice(mapping.prefix.length, specifier.length - mapping.suffix.length);
    for (const target of mapping.targets) result.push(target.replace('*', captured));
    // TypeScript stops at the first (longest) matching pattern.
    if (result.length > 0) break;
  }
  if (config.baseUrl !== undefined) result.push(config.baseUrl === '' ? specifier : `${config.baseUrl}/${specifier}`);
  return result;
}
