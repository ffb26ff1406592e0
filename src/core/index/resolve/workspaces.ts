import { compileGlobs } from '../walk/glob';
import { type ResolverHost, directoryOf, readText } from './host';
import { isRecord, parseJsonc } from './jsonc';

/**
 * The monorepo's own packages by name: those listed by npm/yarn `workspaces`
 * or pnpm-workspace.yaml, or, when neither exists, every named package.json
 * in the repository (lerna, nx and hand-rolled monorepos).
 */

export interface WorkspacePackage {
  readonly name: string;
  /** Repo-relative directory ('' for the root package). */
  readonly directory: string;
  readonly manifest: Record<string, unknown>;
}

export function findWorkspacePackages(host: ResolverHost): Map<string, WorkspacePackage> {
  const manifests = host.filesNamed('package.json');
  const declared = declaredWorkspaceGlobs(host);
  const inWorkspace = declared.length > 0 ? compileGlobs(declared.map((glob) => glob.replace(/^\.\//, ''))) : undefined;
  const packages = new Map<string, WorkspacePackage>();
  for (const file of manifests) {
    const directory = directoryOf(file);
    // The root package is always part of its own workspace.
    if (inWorkspace && directory !== '' && !inWorkspace(directory)) continue;
    const manifest = parseJsonc(readText(host, file) ?? '');
    if (!isRecord(manifest) || typeof manifest.name !== 'string') continue;
    // Two packages with one name: keep the shallower, it is the real one more often than a fixture.
    const existing = packages.get(manifest.name);
    if (existing && existing.directory.split('/').length <= directory.split('/').length) continue;
    packages.set(manifest.name, { name: manifest.name, directory, manifest });
  }
  return packages;
}

function declaredWorkspaceGlobs(host: ResolverHost): string[] {
  const globs: string[] = [];
  const root = parseJsonc(readText(host, 'package.json') ?? '');
  if (isRecord(root)) {
    const workspaces = isRecord(root.workspaces) ? root.workspaces.packages : root.workspaces;
    if (Array.isArray(workspaces)) for (const glob of workspaces) if (typeof glob === 'string') globs.push(glob);
  }
  const pnpm = readText(host, 'pnpm-workspace.yaml');
  if (pnpm) globs.push(...pnpmWorkspaceGlobs(pnpm));
  // Negated globs (`!**/test/**`) only narrow the list; ignoring them keeps a superset.
  return globs.filter((glob) => !glob.startsWith('!'));
}

/** The `packages:` list of pnpm-workspace.yaml; a full YAML parser is not needed for this one key. */
export function pnpmWorkspaceGlobs(yaml: string): string[] {
  const globs: string[] = [];
  let inPackages = false;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^packages\s*:/.test(line)) {
      inPackages = true;
      const inline = /\[(.*)\]/.exec(line);
      if (inline) {
        globs.push(...inline[1]!.split(',').map(unquoteYaml).filter(Boolean));
        inPackages = false;
      }
      continue;
    }
    if (!inPackages) continue;
    const item = /^\s*-\s*(.+?)\s*(?:#.*)?$/.exec(line);
    if (item) globs.push(unquoteYaml(item[1]!));
    else if (/^\S/.test(line)) inPackages = false;
  }
  return globs;
}

function unquoteYaml(text: string): string {
  return text.trim().replace(/^['"]|['"]$/g, '');
}

/** Splits `@scope/name/sub/path` into the package name and `./sub/path` (or '.'). */
export function splitPackageSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, count).join('/');
  const rest = parts.slice(count).join('/');
  return { name, subpath: rest === '' ? '.' : `./${rest}` };
}
