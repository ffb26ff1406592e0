import type { ResolverHost } from './host';

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

export function resolveAsFileOrDirectory(host: ResolverHost, base: string): string | undefined {
  const extension = /\.[cm]?jsx?$/.exec(base)?.[0];
  if (extension) {
    const stem = base.slice(0, -extension.length);
    for (const replacement of JS_TO_TS[extension] ?? []) if (host.exists(stem + replacement)) return stem + replacement;
  }
  if (host.exists(base) && /\.[^/]+$/.test(base)) return base;
  for (const candidate of EXTENSIONS) if (host.exists(base + candidate)) return base + candidate;
  const prefix = base === '' ? '' : `${base}/`;
  for (const candidate of EXTENSIONS) if (host.exists(`${prefix}index${candidate}`)) return `${prefix}index${candidate}`;
  return undefined;
}

/**
 * A package's built output mapped back to the source it was built from, when
 * that source is in the workspace: dist/index.js -> src/index.ts.
 */
export function sourceCandidates(packageRelative: string): string[] {
  const withoutDotSlash = packageRelative.replace(/^\.\//, '');
  const stem = withoutDotSlash.replace(/\.d\.[cm]?ts$/, '').replace(/\.[cm]?[jt]sx?$/, '');
  const candidates: string[] = [];
  const built = /^(?:dist|build|lib|out|esm|cjs|types|es|umd)(?:\/(?:esm|cjs|es|types|src))?\//.exec(stem);
  if (built) {
    const rest = stem.slice(built[0].length);
    candidates.push(`src/${rest}`, rest);
  }
  candidates.push(withoutDotSlash);
  return candidates;
}
