import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../host/repoRoot';

/** Every folder below src/, relative to the repository. */
function sourceFolders(dir = join(repoRoot, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return [relative(repoRoot, path), ...sourceFolders(path)];
    });
}

/** The repository's top-level folders that git tracks (not node_modules, dist/, out/ and the like). */
function topLevelFolders(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).split('\n');
  return [...new Set(files.filter((file) => file.includes('/')).map((file) => file.slice(0, file.indexOf('/'))))].sort();
}

/** The folders the page does not name, as `name/` in its parent's list or by its path. */
function unnamed(folders: readonly string[]): string[] {
  const text = readFileSync(join(repoRoot, 'docs', 'ARCHITECTURE.md'), 'utf8');
  return folders.filter((folder) => {
    const name = folder.split('/').pop()!;
    return !text.includes(`\`${folder}/\``) && !text.includes(`\`${name}/\``);
  });
}

describe('docs/ARCHITECTURE.md', () => {
  it('names every folder of src/', () => {
    assert.deepEqual(unnamed(sourceFolders()), []);
  });

  it('names every top-level folder of the repository', () => {
    const folders = topLevelFolders();
    assert.ok(folders.includes('src') && folders.includes('test'), `git ls-files listed ${folders.join(', ')}`);
    assert.deepEqual(unnamed(folders), []);
  });
});
