import type { ImportFact } from '../types';
import { type ResolverHost, directoryOf, readText } from './host';
import { type Resolution, external } from './resolution';

/**
 * Go import resolution: an import path inside a module declared by a go.mod
 * in the repository names a package directory, and the import leads to every
 * non-test .go file in it. Standard library and third-party imports are external.
 */

interface GoModule {
  readonly path: string;
  readonly directory: string;
}

export class GoResolver {
  private readonly modules: GoModule[];

  constructor(private readonly host: ResolverHost) {
    this.modules = host
      .filesNamed('go.mod')
      .flatMap((file) => {
        const match = /^\s*module\s+(\S+)/m.exec(readText(host, file) ?? '');
        return match ? [{ path: match[1]!.replace(/^"|"$/g, ''), directory: directoryOf(file) }] : [];
      })
      .sort((a, b) => b.path.length - a.path.length);
  }

  resolve(_fromFile: string, fact: ImportFact): Resolution {
    const directory = this.packageDirectory(fact.specifier);
    if (directory !== undefined) {
      const files = packageFiles(this.host, directory);
      if (files.length > 0) return { kind: 'files', targets: files.map((path) => ({ path, bindings: fact.bindings })) };
    }
    return external(fact.specifier);
  }

  private packageDirectory(importPath: string): string | undefined {
    for (const module of this.modules) {
      if (importPath !== module.path && !importPath.startsWith(`${module.path}/`)) continue;
      const rest = importPath.slice(module.path.length + 1);
      return [module.directory, rest].filter((part) => part !== '').join('/');
    }
    return undefined;
  }
}

/** The non-test Go files of a package directory. */
export function packageFiles(host: ResolverHost, directory: string): string[] {
  return host.filesIn(directory).filter((file) => file.endsWith('.go') && !file.endsWith('_test.go'));
}
