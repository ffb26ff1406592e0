import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { DiskCapture, DISK_CONFIDENCE, type OpenBuffer } from '../../../src/core/capture/diskCapture';
import { GitActivity } from '../../../src/core/capture/gitState';
import { KnownContents } from '../../../src/core/capture/knownContents';
import { aiLines } from '../../../src/core/regions/region';
import { RegionStore } from '../../../src/core/store/regionStore';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

const ORIGINAL = 'export const a = 1;\nexport const b = 2;\n';

describe('DiskCapture (real files, real git)', () => {
  let repo: GitRepo;
  let store: RegionStore;
  let known: KnownContents;
  let activity: GitActivity;
  const buffers = new Map<string, OpenBuffer>();
  // Before the folder goes (hooks run in the order they are declared): a store
  // still syncing afterwards would create the removed repository's .git again.
  afterEach(async () => {
    activity.dispose();
    await store.dispose();
  });
  const tempDir = useTempDir();

  beforeEach(async () => {
    repo = GitRepo.init(tempDir());
    repo.write('.gitignore', 'dist/\n');
    repo.write('src/app.ts', ORIGINAL);
    repo.commitAll('initial');
    store = await RegionStore.open({ storeDir: join(repo.root, '.git', 'ai-provenance'), syncDelayMs: 60_000 });
    known = new KnownContents();
    activity = new GitActivity(join(repo.root, '.git'), repo.root);
    buffers.clear();
  });

  function capture(): DiskCapture {
    return new DiskCapture({
      root: repo.root,
      store,
      known,
      git: activity,
      openBuffer: (path) => buffers.get(path),
      waitForBuffer: async () => true,
    });
  }

  const marked = (path: string) =>
    store.regions(path).flatMap((region) => aiLines(region).map((line) => [line + 1, region.source, region.confidence]));

  it('marks the lines another program changed, compared with the last known text', async () => {
    known.set(join(repo.root, 'src/app.ts'), ORIGINAL);
    repo.write('src/app.ts', 'export const a = 1;\nexport const agent = 3;\nexport const b = 2;\n');
    const verdicts = await capture().judge(['src/app.ts'], Date.now() - 10_000);
    assert.equal(verdicts.get('src/app.ts'), 'agent');
    assert.deepEqual(marked('src/app.ts'), [[2, 'agent-disk', DISK_CONFIDENCE.lastKnown]]);
    assert.equal(known.peek(join(repo.root, 'src/app.ts')), repo.read('src/app.ts'), 'the new text is known from now on');
  });

  it('remembers an opened file, unless an agent may just have written it and the watcher not yet said so', async () => {
    const now = Date.now();
    const agentText = 'export const a = 1;\nexport const b = 2;\nexport const agent = 3;\n';
    repo.write('src/app.ts', agentText);
    // Opened a moment after an agent wrote it: its text is not git's, so the pending change must be judged against git's.
    assert.equal(await capture().rememberOpened('src/app.ts', agentText, now - 100, now), false);
    assert.equal(known.peek(join(repo.root, 'src/app.ts')), undefined);
    await capture().judge(['src/app.ts'], now - 100);
    assert.deepEqual(marked('src/app.ts'), [[3, 'agent-disk', DISK_CONFIDENCE.gitIndex]]);

    // Written moments ago but exactly git's version: nothing to lose by remembering it.
    repo.write('src/fresh.ts', 'export const fresh = 1;\n');
    repo.commitAll('fresh');
    assert.equal(await capture().rememberOpened('src/fresh.ts', 'export const fresh = 1;\n', now - 100, now), true);
    // Written long ago: remembered whatever it holds; a file we know keeps the text we knew.
    repo.write('src/old.ts', 'export const old = 1;\n');
    assert.equal(await capture().rememberOpened('src/old.ts', 'export const old = 1;\n', now - 60_000, now), true);
    assert.equal(await capture().rememberOpened('src/old.ts', 'export const old = 2;\n', now - 60_000, now), false);
    assert.equal(known.peek(join(repo.root, 'src/old.ts')), 'export const old = 1;\n');
  });

  it('falls back to the git index version, and to nothing for a new file, at lower confidence', async () => {
    repo.write('src/app.ts', 'export const a = 10;\nexport const b = 2;\n');
    repo.write('src/new.ts', 'export const created = true;\n');
    await capture().judge(['src/app.ts', 'src/new.ts'], Date.now() - 10_000);
    assert.deepEqual(marked('src/app.ts'), [[1, 'agent-disk', DISK_CONFIDENCE.gitIndex]]);
    assert.deepEqual(marked('src/new.ts'), [[1, 'agent-disk', DISK_CONFIDENCE.newFile]]);
  });

  it('does not mark what the editor saved (the text it already knew), ignored files, or a dirty buffer', async () => {
    const saved = 'export const a = 1;\nexport const typed = 5;\nexport const b = 2;\n';
    repo.write('src/app.ts', saved);
    known.set(join(repo.root, 'src/app.ts'), saved);
    repo.write('dist/out.js', 'console.log(1);\nconsole.log(2);\n');
    repo.write('src/open.ts', 'changed on disk\nwhile edited\n');
    buffers.set('src/open.ts', { text: 'the buffer', dirty: true });
    const verdicts = await capture().judge(['src/app.ts', 'dist/out.js', 'src/open.ts'], Date.now() - 10_000);
    assert.deepEqual(Object.fromEntries(verdicts), { 'src/app.ts': 'unchanged', 'dist/out.js': 'skipped', 'src/open.ts': 'skipped' });
    assert.deepEqual(store.files(), []);
  });

  it("does not mark files git rewrote: a checkout or a restore puts git's text there", async () => {
    repo.git('checkout', '-q', '-b', 'other');
    repo.write('src/app.ts', 'export const other = 1;\n');
    repo.commitAll('other');
    repo.git('checkout', '-q', 'main');
    known.set(join(repo.root, 'src/app.ts'), ORIGINAL);
    repo.git('checkout', '-q', 'other');
    assert.equal((await capture().judge(['src/app.ts'], Date.now())).get('src/app.ts'), 'git');

    repo.write('src/app.ts', 'scribbled\n');
    known.set(join(repo.root, 'src/app.ts'), 'scribbled\n');
    repo.git('checkout', '--', 'src/app.ts');
    assert.equal((await capture().judge(['src/app.ts'], Date.now())).get('src/app.ts'), 'git');
    assert.deepEqual(store.files(), []);
  });

  it("still marks an agent's write when git moved HEAD just before (the text is not git's)", async () => {
    known.set(join(repo.root, 'src/app.ts'), ORIGINAL);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/app.ts', 'export const a = 1;\nexport const b = 2;\nexport const fromAgent = 3;\n');
    assert.equal((await capture().judge(['src/app.ts'], Date.now())).get('src/app.ts'), 'agent');
  });

  it('notices a stash being applied through the git directory, not a commit or a checkout', async () => {
    activity.start();
    repo.write('src/app.ts', 'export const a = 2;\n');
    repo.commitAll('a commit');
    repo.git('checkout', '-q', '-b', 'feature');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(activity.restoredSince(Date.now()), false, 'a commit or a checkout counted as restoring the work tree');
    repo.write('src/app.ts', 'export const a = 3;\n');
    repo.git('stash', '-q');
    repo.git('stash', 'pop', '-q');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(activity.restoredSince(Date.now()), true);
  });

  it('does not take the AUTO_MERGE a clean stash pop leaves behind, deleted by a later commit, checkout or reset, for activity', async () => {
    // The git directory's events are stamped with this clock: each pop happens "long" before the command after it.
    let clock = 0;
    activity.start(() => clock);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    const commands: [string, () => void][] = [
      ['a commit', () => repo.commitAll('after the pop')],
      ['a checkout', () => repo.git('checkout', '-q', '-b', 'after-the-pop')],
      ['a reset --hard', () => repo.git('reset', '-q', '--hard')],
    ];
    for (const [index, [what, command]] of commands.entries()) {
      clock = index * 60_000;
      repo.write('src/app.ts', `export const a = ${index + 3};\n`);
      repo.git('stash', '-q');
      repo.git('stash', 'pop', '-q');
      await settle();
      assert.equal(activity.restoredSince(clock), true, `the stash pop before ${what}`);
      clock += 30_000;
      command();
      await settle();
      assert.equal(activity.restoredSince(clock), false, `${what} deleting AUTO_MERGE counted as git restoring the work tree`);
    }
  });
});
