// The set-up scripts are plain .mjs (they run before node_modules exists); this
// loads them into the compiled CommonJS tests with the types the tests use.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../host/repoRoot';

export interface SystemPackagesModule {
  SetupError: new (message: string) => Error;
  ensureDebianPackages(names: string[], options: { env: NodeJS.ProcessEnv; uid: number; log?: (message: string) => void }): string[];
}

export interface DebianPackagesModule {
  packagesFor(steps: string[], env: NodeJS.ProcessEnv): string[];
}

export interface NpmPackagesModule {
  npmPackagesOutdated(root: string): string | undefined;
  ensureNpmPackages(root: string, options: { env: NodeJS.ProcessEnv }): string | undefined;
}

export async function loadSetupModule<T>(name: 'systemPackages' | 'debianPackages' | 'npmPackages'): Promise<T> {
  return (await import(pathToFileURL(join(repoRoot, 'scripts', 'setup', `${name}.mjs`)).href)) as T;
}
