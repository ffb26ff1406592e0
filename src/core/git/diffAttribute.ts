import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DiffAttributeQuestion {
  readonly root: string;
  readonly commonDir: string;
  /** git's config (parseGitConfig). */
  readonly config: ReadonlyMap<string, readonly string[]>;
  readonly env: NodeJS.ProcessEnv;
  /** Paths (relative to root, with '/') of the files in question. */
  readonly paths: readonly string[];
}

/**
 * Whether any gitattributes file git reads for these paths names the `diff`
 * attribute (or a macro that could set it): only then can git show a file
 * holding NUL bytes as text. Without one, a file git shows as text has no
 * NUL in its first 8,000 bytes, which is what looksBinary would find, so the
 * commit hook may take the added lines' text from the diff (see
 * aiLinesFromDiff). Read: the system file (/etc/gitattributes, or the one
 * under git's prefix), the global one, info/attributes and every
 * .gitattributes from the files' directories up to the root. A file that
 * cannot be read other than for being absent counts as naming it.
 */
export function attributesMayNameDiff(question: DiffAttributeQuestion): boolean {
  // Attributes read from a tree instead (newer gits): not looked into.
  if (question.env.GIT_ATTR_SOURCE || question.config.has('attr.tree')) return true;
  return candidateFiles(question).some(namesDiff);
}

function candidateFiles({ root, commonDir, config, env, paths }: DiffAttributeQuestion): string[] {
  const attributesFile = config.get('core.attributesfile')?.at(-1);
  const files: string[] = [];
  if (!isTrue(env.GIT_ATTR_NOSYSTEM)) {
    files.push('/etc/gitattributes');
    // git's prefix from its exec path (…/libexec/git-core or …/lib/git-core).
    const prefix = env.GIT_EXEC_PATH?.replace(/\/(libexec|lib)\/git-core\/?$/, '');
    if (prefix && prefix !== env.GIT_EXEC_PATH) files.push(`${prefix}/etc/gitattributes`);
  }
  const home = env.HOME || homedir();
  if (attributesFile) files.push(attributesFile.startsWith('~/') ? join(home, attributesFile.slice(2)) : attributesFile);
  else files.push(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'attributes'));
  files.push(join(commonDir, 'info', 'attributes'));
  // Each file's directory once (a large commit has many files per directory), then the directories above it.
  const parents = new Set(paths.map((path) => path.slice(0, Math.max(path.lastIndexOf('/'), 0))));
  const directories = new Set<string>(['']);
  for (const parent of parents) {
    for (
      let directory = parent;
      directory !== '' && !directories.has(directory);
      directory = directory.slice(0, Math.max(directory.lastIndexOf('/'), 0))
    ) {
      directories.add(directory);
    }
  }
  for (const directory of directories) files.push(join(root, directory, '.gitattributes'));
  return files;
}

function namesDiff(file: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes('diff');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value);
}
