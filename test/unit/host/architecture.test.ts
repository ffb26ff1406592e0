import * as assert from 'node:assert/strict';
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

describe('docs/ARCHITECTURE.md', () => {
  it('names every folder of src/ (as `name/` in its parent\'s list, or by its path)', () => {
    const text = readFileSync(join(repoRoot, 'docs', 'ARCHITECTURE.md'), 'utf8');
    const missing = sourceFolders().filter((folder) => {
      const name = folder.split('/').pop()!;
      return !text.includes(`\`${folder}/\``) && !text.includes(`\`${name}/\``);
    });
    assert.deepEqual(missing, []);
  });
});
