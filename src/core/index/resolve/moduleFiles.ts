import { type ResolverHost, joinPath } from './host';

/**
 * File and directory resolution for JavaScript/TypeScript, as TypeScript's
 * bundler/node16 resolution does it: TypeScript sources win over JavaScript,
 * `./x.js` finds `./x.ts`, directories resolve to their index file.
 */

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.d.mts', '.d.cts'];
const JS_TO_TS: Record<string, readonly string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

/** `not`: a file that must not be the answer (`internal.d.ts` re-exporting `./dist/internal` means `internal/index.ts`). */
export function resolveAsFileOrDirectory(host: ResolverHost, base: string, not?: string): string | undefined {
  const exists = (path: string) => path !== not && host.exists(path);
  const extension = /\.[cm]?jsx?$/.exec(base)?.[0];
  if (extension) {
    const stem = base.slice(0, -extension.length);
    for (const replacement of JS_TO_TS[extension] ?? []) if (exists(stem + replacement)) return stem + replacement;
  }
  if (exists(base) && /\.[^/]+$/.test(base)) return base;
  for (const candidate of EXTENSIONS) if (exists(base + candidate)) return base + candidate;
  const prefix = base === '' ? '' : `${base}/`;
  for (const candidate of EXTENSIONS) if (exists(`${prefix}index${candidate}`)) return `${prefix}index${candidate}`;
  return undefined;
}

/**
 * Candidates (repo-relative, without extension where one is to be found) for
 * the source a package's build output is built from, best first: through the
 * package tsconfig's outDir/declarationDir -> rootDir, then by name
 * (dist/index.js -> src/index.ts, index.ts), then the path itself.
 */
export function builtOutputCandidates(
  packageDirectory: string,
  packageRelative: string,
  output?: { readonly rootDir: string; readonly outDirs: readonly string[] },
): string[] {
  const path = joinPath(packageDirectory, packageRelative);
  if (path === undefined) return [];
  const stem = path.replace(/\.d\.[cm]?ts$/, '').replace(/\.[cm]?[jt]sx?$/, '');
  const candidates: string[] = [];
  for (const outDir of output?.outDirs ?? []) {
    if (!stem.startsWith(`${outDir}/`)) continue;
    const rest = stem.slice(outDir.length + 1);
    candidates.push(output!.rootDir === '' ? rest : `${output!.rootDir}/${rest}`);
  }
  const inPackage = packageDirectory === '' ? stem : stem.slice(packageDirectory.length + 1);
  const built = /^(?:dist|build|lib|out|esm|cjs|types|es|umd)(?:\/(?:esm|cjs|es|types|src))?\//.exec(inPackage);
  if (built) {
    const rest = inPackage.slice(built[0].length);
    for (const candidate of [`src/${rest}`, rest]) candidates.push(packageDirectory === '' ? candidate : `${packageDirectory}/${candidate}`);
  }
  candidates.push(path);
  return candidates;
}
