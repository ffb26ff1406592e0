import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trackedFileCountHint } from '../../../src/core/index/walk/listFiles';
import { GitRepo } from '../../support/gitRepo';
import { TempRepo } from './fixture';

describe('index: tracked file count hint', () => {
  let repo: TempRepo | undefined;
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
  });

  it("reads the number of files git tracks from its index file's header", () => {
    repo = new TempRepo({ 'a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 2;\n', 'src/c.py': 'c = 3\n' });
    const git = GitRepo.init(repo.root);
    assert.equal(trackedFileCountHint(repo.root), undefined, 'no index before the first add');
    git.commitAll('three files and .gitignore');
    assert.equal(trackedFileCountHint(repo.root), 4, git.git('ls-files'));
    assert.equal(trackedFileCountHint(repo.path('src')), undefined, 'not the top of the work tree');
  });

  it('gives no hint outside git or for a file that is not a git index', () => {
    repo = new TempRepo({ 'a.ts': 'export const a = 1;\n' });
    assert.equal(trackedFileCountHint(repo.root), undefined);
    GitRepo.init(repo.root);
    writeFileSync(join(repo.root, '.git', 'index'), 'not an index at all');
    assert.equal(trackedFileCountHint(repo.root), undefined);
    writeFileSync(join(repo.root, '.git', 'index'), 'DIRC');
    assert.equal(trackedFileCountHint(repo.root), undefined);
  });
});
