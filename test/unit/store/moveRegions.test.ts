import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRegion } from '../../../src/core/regions/create';
import { aiLines } from '../../../src/core/regions/region';
import { RegionStore } from '../../../src/core/store/regionStore';
import { moveRegions } from '../../../src/core/store/moveRegions';
import { useTempDir } from '../../support/tempDir';

function region(line: number, lines: number, tool: string) {
  const text = Array.from({ length: lines }, (_, index) => `line ${line + index}`).join('\n');
  return createRegion({ source: 'agent', tool }, { line, character: 0 }, text)!;
}

const linesOf = (store: RegionStore, path: string) => store.regions(path).flatMap((r) => aiLines(r).map((line) => `${line}:${r.tool}`));

describe('moving regions between stores (Restricted Mode → repository)', () => {
  const tempDir = useTempDir();

  it('moves the files under the repository, re-rooted, and keeps what the repository already had', async () => {
    const folder = join(tempDir(), 'work');
    const repositoryRoot = join(folder, 'service');
    const from = await RegionStore.open({ storeDir: join(tempDir(), 'editor-storage') });
    const to = await RegionStore.open({ storeDir: join(tempDir(), 'repo-store') });
    from.add('service/src/pay.ts', region(2, 3, 'restricted'));
    from.add('other/notes.ts', region(0, 1, 'restricted'));
    to.add('src/pay.ts', region(3, 1, 'repository'));

    assert.deepEqual(moveRegions(from, folder, to, repositoryRoot), { files: 1, regions: 1 });
    assert.deepEqual(linesOf(to, 'src/pay.ts'), ['2:restricted', '3:repository', '4:restricted']);
    assert.deepEqual(
      from.files().filter((path) => from.hasRegions(path)),
      ['other/notes.ts'],
      'a file outside the repository stays',
    );

    // Written on both sides, it survives a restart where it now belongs.
    await to.dispose();
    await from.dispose();
    const reopened = await RegionStore.open({ storeDir: join(tempDir(), 'repo-store') });
    assert.deepEqual(linesOf(reopened, 'src/pay.ts'), ['2:restricted', '3:repository', '4:restricted']);
    const left = await RegionStore.open({ storeDir: join(tempDir(), 'editor-storage') });
    assert.equal(left.hasRegions('service/src/pay.ts'), false);
  });

  it('moves nothing twice: a second move finds nothing to move', async () => {
    const root = join(tempDir(), 'repo');
    const from = await RegionStore.open({ storeDir: join(tempDir(), 'a') });
    const to = await RegionStore.open({ storeDir: join(tempDir(), 'b') });
    from.add('src/a.ts', region(0, 2, 'restricted'));
    assert.deepEqual(moveRegions(from, root, to, root), { files: 1, regions: 1 });
    assert.deepEqual(moveRegions(from, root, to, root), { files: 0, regions: 0 });
    assert.deepEqual(linesOf(to, 'src/a.ts'), ['0:restricted', '1:restricted']);
  });
});
