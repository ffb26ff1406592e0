import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Real TypeScript monorepos for the index benchmark, pinned to a commit and
 * kept out of this repository: `npm run bench` reads each checkout from the
 * folder named by AI_PROVENANCE_CORPORA (`<folder>/<name>`), checks its commit,
 * and says which corpus is missing and how to get it.
 */

export const CORPORA_ENV = 'AI_PROVENANCE_CORPORA';

export interface CorpusTarget {
  /** Repo-relative file whose whole-file blast radius is compared with the TypeScript oracle. */
  readonly path: string;
  readonly why: string;
}

export interface Corpus {
  /** Folder name under AI_PROVENANCE_CORPORA. */
  readonly name: string;
  readonly repository: string;
  readonly commit: string;
  readonly targets: readonly CorpusTarget[];
}

export const CORPORA: readonly Corpus[] = [
  {
    name: 'payload',
    repository: 'https://github.com/payloadcms/payload',
    commit: 'db7543c2121f0b672e33436447122b5e09ea4f2b',
    targets: [
      {
        path: 'packages/payload/src/auth/cookies.ts',
        why: 'behind two star barrels (auth/index.ts, src/index.ts), imported by package name `payload`',
      },
      { path: 'packages/payload/src/kv/adapters/InMemoryKVAdapter.ts', why: 'a leaf behind a star barrel (src/index.ts)' },
      { path: 'packages/payload/src/fields/validations.ts', why: 'behind the star barrel of `payload/shared`, the `browser` entry of `payload`' },
      { path: 'packages/ui/src/elements/Button/index.tsx', why: 'a frontend package imported by package name (`@payloadcms/ui`) by other packages' },
    ],
  },
  {
    name: 'ai',
    repository: 'https://github.com/vercel/ai',
    commit: 'ed857f50f112e23930b0c2dd8d532cc8bebbc911',
    targets: [
      {
        path: 'packages/ai/src/embed/embed-many.ts',
        why: 'behind two star barrels (embed/index.ts, src/index.ts), imported by package name `ai` (exports to dist/, built from src/)',
      },
      { path: 'packages/provider-utils/src/delay.ts', why: 'a leaf behind a star barrel, imported by package name `@ai-sdk/provider-utils`' },
      { path: 'packages/react/src/use-completion.ts', why: 'a frontend package imported by package name (`@ai-sdk/react`) by the examples' },
      { path: 'packages/provider-utils/src/parse-json.ts', why: 'behind a star barrel, used by every provider package' },
    ],
  },
];

export type CorpusCheck = { readonly ok: true; readonly root: string } | { readonly ok: false; readonly message: string };

/** The commands a user with internet access runs to get a corpus (a blobless clone fetches only the pinned tree). */
export function fetchCommands(corpus: Corpus): string {
  const target = `"$${CORPORA_ENV}/${corpus.name}"`;
  return [`git clone --filter=blob:none --no-checkout ${corpus.repository} ${target}`, `git -C ${target} checkout --detach ${corpus.commit}`].join(
    ' && ',
  );
}

/** Finds a corpus's checkout and checks it is at the pinned commit. */
export function checkCorpus(corpus: Corpus, folder = process.env[CORPORA_ENV]): CorpusCheck {
  const how = `get it with: ${fetchCommands(corpus)}`;
  if (!folder) return { ok: false, message: `corpus ${corpus.name}: ${CORPORA_ENV} is not set (a folder for the benchmark's checkouts); ${how}` };
  const root = join(folder, corpus.name);
  if (!existsSync(join(root, '.git'))) return { ok: false, message: `corpus ${corpus.name}: no checkout at ${root}; ${how}` };
  const head = spawnSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  const commit = head.stdout.trim();
  if (head.status !== 0 || commit !== corpus.commit) {
    return {
      ok: false,
      message: `corpus ${corpus.name}: ${root} is at ${commit || 'no commit'}, not the pinned ${corpus.commit}; run: git -C ${root} checkout --detach ${corpus.commit}`,
    };
  }
  const missing = corpus.targets.filter((target) => !existsSync(join(root, target.path)));
  if (missing.length > 0)
    return { ok: false, message: `corpus ${corpus.name}: targets missing from the checkout: ${missing.map((t) => t.path).join(', ')}` };
  return { ok: true, root };
}
