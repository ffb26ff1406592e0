import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { findRepository, toRepoPath } from '../../../src/core/git';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

describe('findRepository', () => {
  const tempDir = useTempDir();

  it('names the root as the caller sees it when the work tree is opened through a symlink', async () => {
    const real = join(tempDir(), 'real');
    mkdirSync(real);
    const repo = GitRepo.init(real);
    repo.write('src/pay/ledger.ts', 'export const ledger = 1;\n');
    repo.commitAll('base');
    const link = join(tempDir(), 'link');
    symlinkSync(real, link);

    const seen = await findRepository(join(link, 'src', 'pay'));
    assert.ok(seen);
    assert.equal(seen.root, link);
    assert.equal(toRepoPath(seen.root, join(link, 'src', 'pay', 'ledger.ts')), 'src/pay/ledger.ts');
    assert.ok(existsSync(seen.commonDir));
    assert.equal(realpathSync(seen.commonDir), realpathSync(join(real, '.git')));

    // From the real path (a terminal's cwd, git's hooks), the real root: both reach the same store.
    const direct = await findRepository(join(real, 'src'));
    assert.equal(direct?.root, realpathSync(real));
  });

  it('is undefined outside git', async () => {
    assert.equal(await findRepository(tempDir()), undefined);
  });
});
