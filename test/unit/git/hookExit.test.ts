import * as assert from 'node:assert/strict';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, lines } from './support/provenanceRepo';

/**
 * The hook's node ends its process as soon as its work is written
 * (src/cli/hook/exit.ts), but only once it has read all the staged diff the
 * prepare-commit-msg script pipes in: a hook that does not use the diff
 * (a merge, an amend) must not leave the script a broken pipe.
 */
describe('the hook process ends early, never before its stdin (real git)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();

  /** A diff far larger than a pipe's buffer. */
  function bigText(tag: string): string {
    return lines(...Array.from({ length: 6000 }, (_, i) => `export const ${tag}${i} = '${'x'.repeat(60)}';`));
  }

  it('merge and amend commits: nothing on stderr, the commit made', async () => {
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('base.txt', lines('base'));
    repo.commitAll('base');
    repo.installHooks();
    repo.git('checkout', '-q', '-b', 'side');
    await repo.writeAi('side.ts', bigText('side'));
    repo.git('add', '-A');
    const side = repo.tryGit(['commit', '-q', '-m', 'Side']);
    assert.equal(side.code, 0, side.stderr);
    assert.equal(side.stderr, '');
    repo.git('checkout', '-q', 'main');
    repo.write('main.ts', bigText('main'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'Main');
    const merge = repo.tryGit(['merge', '-q', '--no-ff', '-m', 'Merge side', 'side']);
    assert.equal(merge.code, 0, merge.stderr);
    assert.equal(merge.stderr, '', 'merge');
    repo.write('main.ts', bigText('again'));
    repo.git('add', '-A');
    const amend = repo.tryGit(['commit', '-q', '--amend', '-m', 'Merge side, amended']);
    assert.equal(amend.code, 0, amend.stderr);
    assert.equal(amend.stderr, '', 'amend');
    assert.equal(repo.git('log', '-1', '--format=%p').trim().split(' ').length, 2, 'the amended merge keeps both parents');
  });
});
