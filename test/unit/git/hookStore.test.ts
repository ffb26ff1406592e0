import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStoreForHook } from '../../../src/core/provenance/hooks/hookStore';
import { createLineRegion } from '../../../src/core/regions/create';
import { RegionStore } from '../../../src/core/store/regionStore';
import { useTempDir } from '../../support/tempDir';

/** The hooks read the region store read only (hookStore.ts): what they see is what RegionStore.open gives. */
describe('the region store as the hooks read it', () => {
  const tempDir = useTempDir();

  it('gives every file the regions RegionStore gives, in its order, and the same files', async () => {
    const storeDir = join(tempDir(), 'store');
    const store = await RegionStore.open({ storeDir });
    const text = ['a', 'b', 'c', 'd', 'e', 'f'];
    // Added bottom first: the store keeps them by position.
    store.add('src/x.ts', createLineRegion({ source: 'agent', tool: 'claude-code', model: 'opus' }, text, 4, 5)!);
    store.add('src/x.ts', createLineRegion({ source: 'inline', tool: 'copilot' }, text, 0, 1)!);
    store.add('__proto__', createLineRegion({ source: 'agent' }, text, 2, 2)!);
    const gone = createLineRegion({ source: 'agent' }, text, 0, 0)!;
    store.add('gone.ts', gone);
    store.markReviewed('src/x.ts', { by: 'Reviewer', at: Date.parse('2026-01-02T03:04:05Z') });
    store.removeRegion('gone.ts', gone.id);
    await store.sync();
    const reopened = await RegionStore.open({ storeDir });
    const { regions, problems } = await readStoreForHook(storeDir);
    assert.deepEqual(problems, []);
    assert.deepEqual(regions.files(), reopened.files());
    for (const path of [...reopened.files(), 'missing.ts']) assert.deepEqual(regions.regions(path), reopened.regions(path), path);
    assert.deepEqual(
      regions.regions('src/x.ts').map((region) => region.start.line),
      [0, 4],
    );
  });

  it('reports a damaged store as RegionStore does (the hook then fails open)', async () => {
    const storeDir = join(tempDir(), 'store');
    const store = await RegionStore.open({ storeDir });
    store.add('a.ts', createLineRegion({ source: 'agent' }, ['x'], 0, 0)!);
    await store.sync();
    writeFileSync(join(storeDir, 'regions.json'), '{"format":"ai-provenance/regions","version":1,"files":{"a.ts":{"regions":[{"id":""}]}}}');
    const { regions, problems } = await readStoreForHook(storeDir);
    const reopened = await RegionStore.open({ storeDir });
    assert.deepEqual(problems, reopened.problems);
    assert.equal(problems.length, 1);
    assert.deepEqual(regions.regions('a.ts'), []);
  });
});
