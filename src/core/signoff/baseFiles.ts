import { git } from '../git/exec';
import { CODEOWNERS_LOCATIONS, parseCodeowners, type Codeowners } from '../loadBearing';

/** A file's text in a commit, read through git (never the work tree, which the change under review controls). */
export async function readFileAt(root: string, commit: string, path: string): Promise<string | undefined> {
  const { stdout, exitCode } = await git(['cat-file', 'blob', `${commit}:${path}`], { cwd: root, allowFailure: true });
  return exitCode === 0 ? stdout : undefined;
}

/** The base's CODEOWNERS, found where GitHub looks, in its order. */
export async function codeownersAt(root: string, commit: string): Promise<Codeowners | undefined> {
  for (const path of CODEOWNERS_LOCATIONS) {
    const text = await readFileAt(root, commit, path);
    if (text !== undefined) return parseCodeowners(text, path);
  }
  return undefined;
}
