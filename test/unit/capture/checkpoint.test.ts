import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, runCliJson } from '../../support/cli';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

interface Status {
  files: Array<{ path: string; regions: Array<{ startLine: number; endLine: number; source: string; tool?: string }> }>;
}

function regions(repo: GitRepo, path: string) {
  const status = runCliJson<Status>(['status'], { cwd: repo.root });
  return (
    status.files.find((file) => file.path === path)?.regions.map((region) => [region.startLine, region.endLine, region.source, region.tool]) ?? []
  );
}

describe('CLI: checkpoint and record --since-checkpoint', () => {
  const tempDir = useTempDir();
  let repo: GitRepo;
  beforeEach(() => {
    repo = GitRepo.init(tempDir());
    repo.write('src/app.ts', 'const a = 1;\nconst b = 2;\nconst c = 3;\n');
    repo.write('src/other.ts', 'export {};\n');
    repo.commitAll('initial');
  });

  it('marks only what changed after the checkpoint, in every file, not the edits made before it', () => {
    // A person's uncommitted edit before the agent runs: it is in the checkpoint, so it is not the agent's.
    repo.write('src/app.ts', 'const a = 1;\nconst human = 2;\nconst c = 3;\n');
    const saved = runCli(['checkpoint'], { cwd: repo.root });
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stdout, /1 file saved/);

    // The agent edits the file, edits a file that was clean, and creates one.
    repo.write('src/app.ts', 'const a = 1;\nconst human = 2;\nconst agent = 2.5;\nconst c = 3;\n');
    repo.write('src/other.ts', 'export {};\nexport const added = true;\n');
    repo.write('src/new.ts', 'export const created = 1;\n\nexport const alsoCreated = 2;\n');
    const recorded = runCli(['record', '--since-checkpoint', '--tool', 'aider'], { cwd: repo.root });
    assert.equal(recorded.code, 0, recorded.stderr);
    assert.match(recorded.stdout, /4 lines in 3 files/);

    assert.deepEqual(regions(repo, 'src/app.ts'), [[3, 3, 'agent', 'aider']]);
    assert.deepEqual(regions(repo, 'src/other.ts'), [[2, 2, 'agent', 'aider']]);
    // The blank line between is no one's: regions never start or end on one.
    assert.deepEqual(regions(repo, 'src/new.ts'), [
      [1, 1, 'agent', 'aider'],
      [3, 3, 'agent', 'aider'],
    ]);
    assert.equal(existsSync(join(repo.root, '.git', 'ai-provenance', 'checkpoint.json')), false, 'the checkpoint is used up');
  });

  it('checkpoints only the named files when paths are given', () => {
    runCli(['checkpoint', 'src/app.ts'], { cwd: repo.root });
    repo.write('src/app.ts', 'const a = 1;\nconst b = 22;\nconst c = 3;\n');
    runCli(['record', '--since-checkpoint'], { cwd: repo.root });
    assert.deepEqual(regions(repo, 'src/app.ts'), [[2, 2, 'agent', undefined]]);
  });

  it('refuses to record without a checkpoint', () => {
    const result = runCli(['record', '--since-checkpoint'], { cwd: repo.root });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no checkpoint/);
  });
});
