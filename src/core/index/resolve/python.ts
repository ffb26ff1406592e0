import type { ImportBinding, ImportFact } from '../types';
import { type ResolverHost, directoryOf } from './host';
import { type Resolution, type ResolvedTarget, UNRESOLVED, external } from './resolution';

/**
 * Python import resolution. Relative imports climb from the importing file's
 * package; absolute ones are tried under the source roots: the repository
 * root, directories holding pyproject.toml/setup.py/setup.cfg and their src/,
 * and the directory above the importing file's top-level package. `from p
 * import x` leads to p/x.py when x is a submodule, else to name x of p.
 */

export class PythonResolver {
  private readonly projectRoots: string[];

  constructor(private readonly host: ResolverHost) {
    const roots = new Set<string>(['', 'src']);
    for (const marker of ['pyproject.toml', 'setup.py', 'setup.cfg']) {
      for (const file of host.filesNamed(marker)) {
        const directory = directoryOf(file);
        roots.add(directory);
        roots.add(directory === '' ? 'src' : `${directory}/src`);
      }
    }
    this.projectRoots = [...roots];
  }

  resolve(fromFile: string, fact: ImportFact): Resolution {
    const dots = /^\.*/.exec(fact.specifier)![0].length;
    const dotted = fact.specifier.slice(dots);
    const modulePath = dotted === '' ? [] : dotted.split('.');
    const bases = dots > 0 ? this.relativeBase(fromFile, dots) : this.rootsFor(fromFile);
    for (const base of bases) {
      if (base === undefined) continue;
      const found = this.resolveIn(base, modulePath, fact.bindings);
      if (found) return found;
    }
    return dots > 0 ? UNRESOLVED : external(modulePath[0] ?? fact.specifier);
  }

  private relativeBase(fromFile: string, dots: number): (string | undefined)[] {
    let directory: string | undefined = directoryOf(fromFile);
    for (let level = 1; level < dots; level++) {
      if (directory === '' || directory === undefined) return [undefined];
      directory = directoryOf(directory);
    }
    return [directory];
  }

  private rootsFor(fromFile: string): string[] {
    // The directory above the outermost package (a directory chain with __init__.py) containing the file.
    let directory = directoryOf(fromFile);
    while (directory !== '' && this.host.exists(`${directory}/__init__.py`)) directory = directoryOf(directory);
    return [...new Set([directory, ...this.projectRoots])];
  }

  private resolveIn(base: string, modulePath: readonly string[], bindings: readonly ImportBinding[]): Resolution | undefined {
    const moduleDirectory = [base, ...modulePath].filter((part) => part !== '').join('/');
    const moduleFile = modulePath.length === 0 ? this.packageInit(moduleDirectory) : this.moduleFile(moduleDirectory);
    const targets: ResolvedTarget[] = [];
    const moduleBindings: ImportBinding[] = [];
    for (const binding of bindings) {
      // `from pkg import sub` where sub is a module: an edge to the submodule, used as a namespace.
      const submodule = binding.imported === '*' ? undefined : this.moduleFile(join(moduleDirectory, binding.imported));
      if (submodule) targets.push({ path: submodule, bindings: [{ imported: '*', local: binding.local }] });
      else moduleBindings.push(binding);
    }
    // `from . import sub` names only submodules: no edge to the package's __init__.py.
    const needsModule = moduleBindings.length > 0 || targets.length === 0;
    if (needsModule && !moduleFile) return undefined;
    if (needsModule && moduleFile) targets.unshift({ path: moduleFile, bindings: moduleBindings });
    return { kind: 'files', targets };
  }

  private moduleFile(path: string): string | undefined {
    if (path === '') return undefined;
    for (const candidate of [`${path}.py`, `${path}.pyi`]) if (this.host.exists(candidate)) return candidate;
    return this.packageInit(path);
  }

  private packageInit(directory: string): string | undefined {
    const init = directory === '' ? '__init__.py' : `${directory}/__init__.py`;
    return this.host.exists(init) ? init : undefined;
  }
}

function join(directory: string, name: string): string {
  return directory === '' ? name : `${directory}/${name}`;
}
