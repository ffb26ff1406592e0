import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffStaged } from '../../../src/core/git/diff';
import { lineMapper } from '../../../src/core/provenance/note/remap';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, lines } from './support/provenanceRepo';

describe('diff parsing of real git output', () => {
  const tempDir = useTempDir();

  it('reads added line numbers, statuses, blobs and odd paths from one staged diff', async () => {
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('keep.ts', lines('a', 'b', 'c', 'd'));
    repo.write('gone.ts', lines('x'));
    repo.commitAll('base');
    repo.write('keep.ts', lines('a', 'B', 'c', '', 'd', 'e'));
    repo.git('rm', '-q', 'gone.ts');
    repo.write('dir with space/tab\there.ts', lines('t'));
    writeFileSync(join(repo.root, 'blob.bin'), Buffer.from([0, 1, 2, 0]));
    repo.git('add', '-A');
    const diff = await diffStaged(repo.root, 'HEAD');
    const byPath = new Map(diff.map((file) => [file.newPath ?? file.oldPath, file]));
    assert.deepEqual(byPath.get('keep.ts')?.addedLines, [2, 6], 'blank added line 4 is not counted');
    assert.equal(byPath.get('keep.ts')?.status, 'modified');
    assert.match(byPath.get('keep.ts')?.newBlob ?? '', /^[0-9a-f]{40}$/);
    assert.equal(byPath.get('gone.ts')?.status, 'deleted');
    assert.equal(byPath.get('gone.ts')?.newPath, undefined);
    assert.deepEqual(byPath.get('dir with space/tab\there.ts')?.addedLines, [1]);
    assert.equal(byPath.get('blob.bin')?.binary, true);
    assert.deepEqual(byPath.get('blob.bin')?.addedLines, []);
  });
});

describe('lineMapper (old line -> new line through -U0 hunks)', () => {
  it('shifts lines below insertions and deletions and drops replaced lines', () => {
    const map = lineMapper([
      { oldStart: 2, oldCount: 0, newStart: 3, newCount: 2 }, // two lines inserted after old line 2
      { oldStart: 5, oldCount: 2, newStart: 8, newCount: 1 }, // old 5-6 replaced by one line
      { oldStart: 9, oldCount: 1, newStart: 10, newCount: 0 }, // old 9 deleted
    ]);
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(map), [1, 2, 5, 6, undefined, undefined, 8, 9, undefined, 10]);
  });

  it('handles an insertion at the very top', () => {
    const map = lineMapper([{ oldStart: 0, oldCount: 0, newStart: 1, newCount: 3 }]);
    assert.equal(map(1), 4);
  });
});
