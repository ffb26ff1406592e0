import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { HOOK_FACTS_DONE, hookFactsShell, readHookFacts } from '../../../src/core/git/hookFacts';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

/** Runs the hook script's own shell text in the repository, as the installed prepare-commit-msg does. */
function factsOf(repo: GitRepo) {
  const file = join(repo.root, '.git', 'facts');
  execFileSync('sh', ['-c', `aip_facts=${JSON.stringify(file)}; ${hookFactsShell('aip_facts')}`], { cwd: repo.root });
  return readHookFacts(file);
}

describe('the git facts the commit hook script asks for before node starts (real git)', () => {
  const tempDir = useTempDir();

  it('names the repository, the tree being committed, HEAD with its parents, and the config', () => {
    const repo = GitRepo.init(tempDir());
    repo.git('config', 'core.commentChar', ';');
    repo.write('a.txt', 'a\n');
    repo.git('add', '-A');
    const unborn = factsOf(repo);
    assert.deepEqual(unborn?.head, [], 'an unborn branch: no HEAD');
    assert.equal(unborn?.tree, repo.git('write-tree').trim());
    assert.deepEqual([unborn?.root, unborn?.gitDir], repo.git('rev-parse', '--show-toplevel', '--absolute-git-dir').trim().split('\n'));
    assert.match(unborn?.configText ?? '', /(^|\0)core\.commentchar\n;\0/);

    repo.commitAll('first');
    repo.git('checkout', '-q', '-b', 'side');
    repo.write('b.txt', 'b\n');
    const onSide = repo.commitAll('b');
    repo.git('checkout', '-q', 'main');
    repo.write('c.txt', 'c\n');
    const onMain = repo.commitAll('c');
    assert.deepEqual(factsOf(repo)?.head, [onMain, repo.git('rev-parse', 'HEAD~1').trim()], 'HEAD, then its parent');
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'side');
    const merge = repo.git('rev-parse', 'HEAD').trim();
    assert.deepEqual(factsOf(repo)?.head, [merge, onMain, onSide], 'a merge: HEAD, then both parents');
  });

  it('is nothing when the file is missing or cut short', () => {
    const repo = GitRepo.init(tempDir());
    repo.write('a.txt', 'a\n');
    repo.commitAll('first');
    const file = join(repo.root, '.git', 'facts');
    assert.equal(readHookFacts(file), undefined);
    assert.equal(readHookFacts(undefined), undefined);
    assert.ok(factsOf(repo));
    const text = repo.read('.git/facts');
    assert.ok(text.endsWith(`${HOOK_FACTS_DONE}\n`));
    repo.write('.git/facts', text.slice(0, -5));
    assert.equal(readHookFacts(file), undefined);
  });
});
