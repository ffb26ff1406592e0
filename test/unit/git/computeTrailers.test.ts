import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeCommitProvenance, type CommitProvenance } from '../../../src/core/provenance';
import { createLineRegion } from '../../../src/core/regions/create';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, lines } from './support/provenanceRepo';

function trailerMap(provenance: CommitProvenance): Record<string, string> {
  return Object.fromEntries(provenance.trailers.map((trailer) => [trailer.key, trailer.value]));
}

async function staged(repo: ProvenanceRepo, options: Parameters<typeof computeCommitProvenance>[2] = {}): Promise<CommitProvenance> {
  return computeCommitProvenance(repo.root, await repo.store(), options);
}

describe('computeCommitProvenance: trailers from the staged changes (real git)', () => {
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  beforeEach(() => {
    repo = ProvenanceRepo.create(tempDir());
  });

  it('counts AI lines among the added lines on the initial commit (no HEAD)', async () => {
    await repo.writeAi('src/util.ts', lines('export const a = 1;', '', 'export const b = 2;'), { tool: 'claude-code', model: 'claude-sonnet-4' });
    repo.write('README.md', lines('# Title', 'Some text'));
    repo.git('add', '-A');
    const provenance = await staged(repo);
    // Blank lines count on neither side.
    assert.deepEqual(trailerMap(provenance), {
      'AI-Lines': '2/4',
      'AI-Sources': 'agent',
      'AI-Tools': 'claude-code',
      'AI-Models': 'claude-sonnet-4',
      'AI-Reviewed': '0/2',
      'AI-Risk': 'low',
    });
    assert.deepEqual(
      provenance.trailers.map((trailer) => trailer.key),
      ['AI-Lines', 'AI-Sources', 'AI-Tools', 'AI-Models', 'AI-Reviewed', 'AI-Risk'],
    );
  });

  it('gives no trailers without AI lines, and AI-Lines: 0/N when always is configured', async () => {
    repo.write('a.ts', lines('one', 'two'));
    repo.git('add', '-A');
    assert.deepEqual((await staged(repo)).trailers, []);
    repo.git('config', 'aiProvenance.alwaysTrailer', 'true');
    assert.deepEqual((await staged(repo)).trailers, [{ key: 'AI-Lines', value: '0/2' }]);
  });

  it('counts only lines this commit adds: AI lines committed earlier do not count again', async () => {
    await repo.writeAi('a.ts', lines('ai 1', 'ai 2', 'ai 3'));
    repo.commitAll('first');
    repo.write('a.ts', lines('ai 1', 'ai 2', 'ai 3', 'human 4'));
    repo.git('add', '-A');
    assert.deepEqual(trailerMap(await staged(repo)), {});
    await repo.markAi('a.ts', 4, 4, { source: 'inline' });
    assert.equal(trailerMap(await staged(repo))['AI-Lines'], '1/1');
  });

  it('counts only the staged hunk when a file is partially staged', async () => {
    const base = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    repo.write('big.ts', lines(...base));
    repo.commitAll('base');
    const changed = [...base];
    changed.splice(2, 0, 'ai top 1', 'ai top 2');
    changed.splice(27, 0, 'ai bottom 1', 'ai bottom 2', 'ai bottom 3');
    repo.write('big.ts', lines(...changed));
    await repo.markAi('big.ts', 3, 4);
    await repo.markAi('big.ts', 28, 30);
    // Stage the first hunk only, as `git add -p` would.
    const [header, firstHunk, secondHunk] = repo.git('diff', 'big.ts').split(/^(?=@@)/m);
    assert.ok(secondHunk, 'two hunks');
    writeFileSync(join(repo.root, '.git', 'first-hunk.patch'), header + firstHunk);
    repo.git('apply', '--cached', join('.git', 'first-hunk.patch'));
    assert.equal(trailerMap(await staged(repo))['AI-Lines'], '2/2');
    repo.git('add', 'big.ts');
    assert.equal(trailerMap(await staged(repo))['AI-Lines'], '5/5');
  });

  it('uses the staged text, not the working tree, when a staged AI line was edited afterwards', async () => {
    await repo.writeAi('a.ts', lines('const a = 1;', 'const b = 2;'));
    repo.git('add', '-A');
    repo.write('a.ts', lines('const a = 1;', 'const b = 3; // human edit, unstaged'));
    assert.equal(trailerMap(await staged(repo))['AI-Lines'], '2/2');
  });

  it('works on a detached HEAD', async () => {
    repo.write('a.ts', lines('one'));
    repo.commitAll('base');
    repo.git('checkout', '-q', '--detach');
    await repo.writeAi('b.ts', lines('two'));
    repo.git('add', '-A');
    assert.equal(trailerMap(await staged(repo))['AI-Lines'], '1/1');
  });

  it('follows a rename: moved lines are not added lines, regions under the old name still count', async () => {
    const body = Array.from({ length: 20 }, (_, i) => `export const value${i} = ${i};`);
    repo.write('old/name.ts', lines(...body));
    repo.commitAll('base');
    repo.git('rm', '-q', 'old/name.ts');
    repo.write('new/name.ts', lines(...body, 'export const added = true;'));
    repo.git('add', '-A');
    // The CLI saw no rename: the region sits under the old path.
    const store = await repo.store();
    store.add('old/name.ts', createLineRegion({ source: 'agent' }, [...body, 'export const added = true;'], 20, 20)!);
    await store.sync();
    assert.deepEqual(trailerMap(await staged(repo)), { 'AI-Lines': '1/1', 'AI-Sources': 'agent', 'AI-Reviewed': '0/1', 'AI-Risk': 'low' });
  });

  it('ignores deleted and binary files, and reads CRLF files', async () => {
    repo.write('gone.ts', lines('bye'));
    repo.commitAll('base');
    repo.git('rm', '-q', 'gone.ts');
    writeFileSync(join(repo.root, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 4]));
    repo.write('win.ts', 'const a = 1;\r\nconst b = 2;\r\n');
    await repo.markAi('win.ts', 1, 2);
    repo.git('add', '-A');
    assert.equal(trailerMap(await staged(repo))['AI-Lines'], '2/2');
  });

  it('handles paths with spaces, quotes and non-ASCII letters', async () => {
    await repo.writeAi('src/my file "x" é.ts', lines('a', 'b'));
    repo.git('add', '-A');
    const provenance = await staged(repo);
    assert.equal(trailerMap(provenance)['AI-Lines'], '2/2');
    assert.deepEqual(
      provenance.summary.files.map((file) => file.path),
      ['src/my file "x" é.ts'],
    );
  });

  it('lists files in the order git lists them, whatever the locale would say', async () => {
    for (const path of ['src/b.ts', 'src/B.ts', 'src/a.ts', 'src/Z.ts', 'src/é.ts']) await repo.writeAi(path, lines('x'));
    repo.git('add', '-A');
    const provenance = await staged(repo);
    const gitOrder = repo.git('diff', '--cached', '--name-only', '-z').split('\0').filter(Boolean);
    // A locale collation would put src/a.ts first and src/é.ts before src/Z.ts.
    assert.deepEqual(gitOrder, ['src/B.ts', 'src/Z.ts', 'src/a.ts', 'src/b.ts', 'src/é.ts']);
    assert.deepEqual(
      provenance.summary.files.map((file) => file.path),
      gitOrder,
    );
  });

  it('names load-bearing files with their class, shortened past three, and rates risk with the risk model', async () => {
    for (const path of ['src/auth/login.ts', 'src/payments/charge.ts', 'infra/main.tf', 'src/auth/session.ts', 'db/migrations/001.sql']) {
      await repo.writeAi(path, lines(...Array.from({ length: 5 }, (_, i) => `statement ${i} of ${path}`)));
    }
    await repo.writeAi('src/util.ts', lines('x'));
    repo.git('add', '-A');
    const trailers = trailerMap(await staged(repo));
    assert.equal(trailers['AI-Lines'], '26/26');
    assert.equal(trailers['AI-Load-Bearing'], 'auth=src/auth/login.ts, auth=src/auth/session.ts, payments=src/payments/charge.ts, +2 more');
    // 25 unreviewed lines in critical files: 5 x 10 = 50 each, 'medium' by the risk model's thresholds.
    assert.equal(trailers['AI-Risk'], 'medium');
    assert.equal(trailers['AI-Blast-Radius'], undefined, 'no index: omitted, not guessed');
  });

  it('counts reviewed AI lines and lowers the risk once everything is reviewed', async () => {
    await repo.writeAi('src/payments/charge.ts', lines(...Array.from({ length: 20 }, (_, i) => `charge step ${i}`)));
    repo.git('add', '-A');
    assert.equal(trailerMap(await staged(repo))['AI-Risk'], 'high');
    await repo.markReviewed('src/payments/charge.ts');
    const trailers = trailerMap(await staged(repo));
    assert.equal(trailers['AI-Reviewed'], '20/20');
    assert.equal(trailers['AI-Risk'], 'low');
  });

  it('measures an amend against the parent of HEAD', async () => {
    repo.write('a.ts', lines('base'));
    repo.commitAll('base');
    await repo.writeAi('b.ts', lines('ai 1', 'ai 2'));
    repo.commitAll('with ai');
    repo.write('c.ts', lines('human'));
    repo.git('add', '-A');
    assert.equal(trailerMap(await staged(repo))['AI-Lines'], undefined, 'against HEAD: only the human file');
    const amended = await staged(repo, { target: { kind: 'staged', amend: true } });
    assert.equal(trailerMap(amended)['AI-Lines'], '2/3');
  });

  it('adds AI-Blast-Radius from an index when one is given', async () => {
    await repo.writeAi('src/core.ts', lines('export function core() {}', 'export const x = 1;'));
    repo.git('add', '-A');
    const provenance = await staged(repo, { blastRadius: (target) => (target.path === 'src/core.ts' ? { files: 14, loadBearing: 2 } : undefined) });
    assert.equal(trailerMap(provenance)['AI-Blast-Radius'], '14 files, 2 load-bearing');
  });
});
