import { isEcmascript } from '../languages';
import type { ImportFact, LanguageId } from '../types';
import { EcmascriptResolver, type ResolutionMemoTable } from './ecmascript';
import { GoResolver } from './go';
import type { ResolverHost } from './host';
import { PythonResolver } from './python';
import type { Resolution } from './resolution';
import { TsconfigLoader } from './tsconfig';
import { type WorkspacePackage, findWorkspacePackages } from './workspaces';

/** Bump when resolution changes meaning: cached resolutions of another version are not reused. */
export const RESOLUTION_VERSION = 2;

/** Config files whose change re-resolves imports. */
export const RESOLUTION_CONFIG_NAMES = new Set([
  'tsconfig.json',
  'jsconfig.json',
  'package.json',
  'pnpm-workspace.yaml',
  'go.mod',
  'pyproject.toml',
  'setup.py',
  'setup.cfg',
]);

/** One resolver per language, built from the repository's configuration; rebuilt when a config changes. */
export class Resolver {
  private readonly ecmascript: EcmascriptResolver;
  private readonly python: PythonResolver;
  private readonly go: GoResolver;

  /** `memo`: JavaScript/TypeScript resolutions from an earlier run over the same files and configuration. */
  constructor(host: ResolverHost, memo?: ResolutionMemoTable) {
    let packages: Map<string, WorkspacePackage> | undefined;
    // Read every package.json only when a bare specifier needs it (never on a warm start with every resolution cached).
    this.ecmascript = new EcmascriptResolver(host, new TsconfigLoader(host), () => (packages ??= findWorkspacePackages(host)), memo);
    this.python = new PythonResolver(host);
    this.go = new GoResolver(host);
  }

  /** The JavaScript/TypeScript resolutions made so far, to keep in the cache. */
  memo(): ResolutionMemoTable {
    return this.ecmascript.memoTable();
  }

  resolve(language: LanguageId, fromFile: string, fact: ImportFact): Resolution {
    if (isEcmascript(language)) return this.ecmascript.resolve(fromFile, fact);
    if (language === 'python') return this.python.resolve(fromFile, fact);
    return this.go.resolve(fromFile, fact);
  }
}
