import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { GitRoundTrips } from '../../../src/core/capture/gitRoundTrips';
import { aiLines } from '../../../src/core/regions/region';
import { RegionStore } from '../../../src/core/store/regionStore';
import { runCli } from '../../support/cli';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

const BASE = 'export const first = 1;\n';
const WITH_AI = 'export const first = 1;\nexport function clamp(value: number): number {\n  return Math.min(10, value);\n}\n';

async function storeOf(repo: GitRepo): Promise<RegionStore> {
  return RegionStore.open({ storeDir: join(repo.root, '.git', 'ai-provenance'), syncDelayMs: 0 });
}

function marked(store: RegionStore, path: string): string[] {
  return store.regions(path).flatMap((region) => aiLines(region).map((line) => `${line + 1} ${region.source}/${region.tool ?? '-'}`));
}

describe('git round trips: marks back from the snapshot and from the notes', () => {
  const tempDir = useTempDir();
  let repo: GitRepo;
  beforeEach(() => {
    repo = GitRepo.init(tempDir());
    repo.write('src/clamp.ts', BASE);
    repo.commitAll('base');
  });

  it('brings back regions git removed (uncommitted) only where their whole text is back', async () => {
    repo.write('src/clamp.ts', WITH_AI);
    assert.equal(runCli(['record', 'src/clamp.ts', '--lines', '2-4', '--tool', 'aider'], { cwd: repo.root }).code, 0);
    const store = await storeOf(repo);
    const trips = new GitRoundTrips(repo.root, store.storeDir, store);
    await trips.remember('src/clamp.ts', store.regions('src/clamp.ts'));
    store.clearFile('src/clamp.ts');
    // Only part of the text is back: nothing is guessed.
    assert.equal(await trips.restore('src/clamp.ts', 'export const first = 1;\nexport function clamp(value: number): number {\n}\n'), 0);
    assert.deepEqual(marked(store, 'src/clamp.ts'), []);
    assert.equal(await trips.restore('src/clamp.ts', `// moved down\n${WITH_AI}`), 1);
    assert.deepEqual(marked(store, 'src/clamp.ts'), ['3 agent/aider', '4 agent/aider', '5 agent/aider']);
  });

  it('brings back committed AI lines from the provenance notes, and nothing git brought that was never AI', async () => {
    assert.equal(runCli(['hook', 'install'], { cwd: repo.root }).code, 0);
    repo.write('src/clamp.ts', WITH_AI);
    assert.equal(runCli(['record', 'src/clamp.ts', '--lines', '2-4', '--tool', 'aider', '--model', 'sonnet'], { cwd: repo.root }).code, 0);
    repo.git('add', 'src/clamp.ts');
    repo.git('commit', '-q', '-m', 'clamp');
    assert.match(repo.git('log', '-1', '--format=%B'), /AI-Lines: 3\/3/);
    repo.write('src/clamp.ts', `${WITH_AI}export const humanLater = 2;\n`);
    repo.commitAll('human line');
    const store = await storeOf(repo);
    store.clearFile('src/clamp.ts');
    const trips = new GitRoundTrips(repo.root, store.storeDir, store);
    assert.equal(await trips.restore('src/clamp.ts', repo.read('src/clamp.ts'), () => true, Date.now() + 60_000), 1);
    assert.deepEqual(marked(store, 'src/clamp.ts'), ['2 agent/aider', '3 agent/aider', '4 agent/aider']);
    assert.equal(store.regions('src/clamp.ts')[0].model, 'sonnet');
  });

  it("leaves another author's committed AI lines to the Review view", async () => {
    assert.equal(runCli(['hook', 'install'], { cwd: repo.root }).code, 0);
    repo.write('src/clamp.ts', WITH_AI);
    assert.equal(runCli(['record', 'src/clamp.ts', '--lines', '2-4', '--tool', 'aider'], { cwd: repo.root }).code, 0);
    repo.git('add', 'src/clamp.ts');
    repo.git('-c', 'user.name=Ann Author', '-c', 'user.email=ann@example.com', 'commit', '-q', '-m', 'clamp by Ann');
    assert.match(repo.git('log', '-1', '--format=%ae %B'), /^ann@example\.com [\s\S]*AI-Lines: 3\/3/);
    const store = await storeOf(repo);
    store.clearFile('src/clamp.ts');
    const trips = new GitRoundTrips(repo.root, store.storeDir, store);
    assert.equal(await trips.restore('src/clamp.ts', repo.read('src/clamp.ts'), () => true, Date.now() + 60_000), 0);
    assert.deepEqual(marked(store, 'src/clamp.ts'), []);
  });
});
