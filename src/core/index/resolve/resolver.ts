import { isEcmascript } from '../languages';
import type { ImportFact, LanguageId } from '../types';
import { EcmascriptResolver } from './ecmascript';
import { GoResolver } from './go';
import type { ResolverHost } from './host';
import { PythonResolver } from './python';
import type { Resolution } from './resolution';
import { TsconfigLoader } from './tsconfig';
import { findWorkspacePackages } from './workspaces';

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

  constructor(host: ResolverHost) {
    this.ecmascript = new EcmascriptResolver(host, new TsconfigLoader(host), findWorkspacePackages(host));
    this.python = new PythonResolver(host);
    this.go = new GoResolver(host);
  }

  resolve(language: LanguageId, fromFile: string, fact: ImportFact): Resolution {
    if (isEcmascript(language)) return this.ecmascript.resolve(fromFile, fact);
    if (language === 'python') return this.python.resolve(fromFile, fact);
    return this.go.resolve(fromFile, fact);
  }
}
