import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INSIGHTS_CACHE_FILE, readHistory, repositoryInsights, type SignOffReader } from '../../../src/core/insights';
import { readProvenanceSettings } from '../../../src/core/provenance';
import { NOTES_REF } from '../../../src/core/provenance/note/schema';
import { GitRepo } from '../../support/gitRepo';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { lines } from '../git/support/provenanceRepo';
import { at, smallHistory } from './support/historyRepo';

describe('insights: a repository history with notes (real git)', function () {
  this.timeout(60_000);
  const tempDir = useTempDir();

  async function insightsOf(root: string, options: { since?: string; base?: string; cache?: boolean } = {}) {
    const { classifier } = await readProvenanceSettings(root);
    const cacheDir = join(root, '.git', 'ai-provenance');
    return repositoryInsights(root, {
      classifier,
      ...(options.cache === false ? {} : { cacheDir }),
      ...(options.since ? { since: options.since } : {}),
      ...(options.base ? { base: options.base } : {}),
    });
  }

  it('counts added, AI, reviewed and unreviewed lines per week, class, file and origin', async () => {
    const { repo } = await smallHistory(tempDir());
    const { insights } = await insightsOf(repo.root);
    assert.equal(insights.range.commits, 3);
    assert.equal(insights.range.commitsWithAi, 2);
    assert.deepEqual(insights.range.totals, { addedLines: 13, aiLines: 7, aiShare: 0.5385, reviewedLines: 4, signedOffLines: 0, unreviewedLines: 3 });
    assert.deepEqual(
      insights.weekly.map((week) => [week.week, week.commits, week.addedLines, week.aiLines]),
      [
        ['2026-01-05', 1, 4, 0],
        ['2026-01-12', 2, 9, 7],
      ],
    );
    assert.deepEqual(insights.weekly[1].byClass.payments, { addedLines: 3, aiLines: 3, aiShare: 1 });
    assert.deepEqual(insights.classes, ['auth', 'payments', 'not-load-bearing']);
    assert.deepEqual(insights.byClass.auth, { addedLines: 4, aiLines: 4, aiShare: 1, reviewedLines: 4, signedOffLines: 0, unreviewedLines: 0 });
    assert.deepEqual(insights.byClass['not-load-bearing'], {
      addedLines: 6,
      aiLines: 0,
      aiShare: 0,
      reviewedLines: 0,
      signedOffLines: 0,
      unreviewedLines: 0,
    });
    assert.deepEqual(
      insights.topFiles.map((file) => [file.path, file.class, file.unreviewedLines, file.blastRadius, file.weight]),
      [['src/payments/charge.ts', 'payments', 3, null, 3]],
    );
    assert.deepEqual(insights.tools, { sources: { agent: 4, inline: 3 }, tools: { 'claude-code': 4, copilot: 3 }, models: { 'gpt-4o': 3 } });
    assert.deepEqual(insights.signOffs, { recorded: false, source: 'no sign-offs recorded (refs/notes/ai-provenance-signoffs is empty)' });
    assert.equal(insights.reviewLatency.signedOffCommits, 0);
  });

  it('reads each commit once: a second run reads no diff and no note, a new commit only itself', async () => {
    const { repo } = await smallHistory(tempDir());
    const first = await insightsOf(repo.root);
    assert.equal(first.history.commitsRead, 3);
    assert.equal(first.history.notesRead, 2);
    assert.ok(existsSync(join(repo.storeDir, INSIGHTS_CACHE_FILE)));

    const second = await insightsOf(repo.root);
    assert.equal(second.history.commitsRead, 0);
    assert.equal(second.history.notesRead, 0);
    assert.deepEqual(second.insights.range, first.insights.range);

    repo.write('README.md', lines('# Orders', 'How to run it.'));
    await at('2026-01-20T08:00:00Z', () => repo.commitAll('readme'));
    const third = await insightsOf(repo.root);
    assert.equal(third.history.commitsRead, 1);
    assert.equal(third.history.notesRead, 0);
    assert.equal(third.insights.range.totals.addedLines, 15);
  });

  it('reads a note again when the notes ref gives it another blob (rewritten or fetched)', async () => {
    const { repo, commits } = await smallHistory(tempDir());
    await insightsOf(repo.root);
    // Someone marks the payments lines reviewed in the note itself (as a note merge could).
    const note = JSON.parse(repo.git('notes', `--ref=${NOTES_REF}`, 'show', commits[1]));
    note.files['src/payments/charge.ts'].ranges = note.files['src/payments/charge.ts'].ranges.map((range: object) => ({
      ...range,
      reviewed: { by: 'Bo', at: '2026-01-16T00:00:00Z' },
    }));
    repo.git('notes', `--ref=${NOTES_REF}`, 'add', '-f', '-m', JSON.stringify(note), commits[1]);
    const again = await insightsOf(repo.root);
    assert.equal(again.history.commitsRead, 0);
    assert.equal(again.history.notesRead, 1);
    assert.equal(again.insights.range.totals.unreviewedLines, 0);
    assert.deepEqual(again.insights.topFiles, []);
  });

  it('limits the range with --since and --base', async () => {
    const { repo, commits } = await smallHistory(tempDir());
    const since = await insightsOf(repo.root, { since: '2026-01-10' });
    assert.equal(since.insights.range.commits, 2);
    assert.equal(since.insights.range.since, '2026-01-10');
    const base = await insightsOf(repo.root, { base: commits[1] });
    assert.equal(base.insights.range.commits, 1);
    assert.deepEqual(Object.keys(base.insights.byClass), ['auth']);
    await assert.rejects(insightsOf(repo.root, { base: 'no-such-branch' }), /no-such-branch is not a commit here/);
  });

  it('reports a note it cannot read and still counts the commit', async () => {
    const { repo, commits } = await smallHistory(tempDir());
    repo.git('notes', `--ref=${NOTES_REF}`, 'add', '-f', '-m', '{"schema":"ai-provenance/commit-note","version":99}', commits[2]);
    const { classifier } = await readProvenanceSettings(repo.root);
    const history = await readHistory(repo.root, { cacheDir: repo.storeDir });
    assert.equal(history.commits.length, 3);
    assert.deepEqual(history.problems, [`${commits[2].slice(0, 12)}: note version 99 is newer than this tool understands`]);
    const { insights } = await repositoryInsights(repo.root, { classifier, cacheDir: repo.storeDir });
    assert.equal(insights.range.totals.aiLines, 3);
  });

  it('ignores a corrupt cache and rebuilds it', async () => {
    const { repo } = await smallHistory(tempDir());
    await insightsOf(repo.root);
    repo.write('.git/ai-provenance/insights-cache.json', '{"version":1,"commits":');
    const rebuilt = await insightsOf(repo.root);
    assert.equal(rebuilt.history.commitsRead, 3);
    assert.equal(rebuilt.insights.range.totals.aiLines, 7);
  });

  it('counts the AI lines of signed-off files as signed off, and the time from commit to sign-off', async () => {
    const { repo, commits } = await smallHistory(tempDir());
    const { classifier } = await readProvenanceSettings(repo.root);
    // A reader as the sign-off notes give it: the payments file of the second commit, a day and a half later.
    const signOffReader: SignOffReader = async (_root, asked) => {
      assert.deepEqual([...asked].sort(), [...commits].sort());
      return {
        source: 'test sign-offs',
        problems: [],
        byCommit: new Map([
          [
            commits[1],
            [
              { by: 'Bo', at: '2026-01-15T21:00:00Z', files: ['src/payments/charge.ts'] },
              { by: 'Cy', at: '2026-01-20T09:00:00Z' },
            ],
          ],
        ]),
      };
    };
    const { insights } = await repositoryInsights(repo.root, { classifier, signOffReader });
    assert.deepEqual(insights.signOffs, { recorded: true, source: 'test sign-offs' });
    assert.deepEqual(insights.byClass.payments, { addedLines: 3, aiLines: 3, aiShare: 1, reviewedLines: 0, signedOffLines: 3, unreviewedLines: 0 });
    assert.equal(insights.range.totals.unreviewedLines, 0);
    assert.equal(insights.reviewLatency.signedOffCommits, 1);
    assert.equal(insights.reviewLatency.medianHours, 36); // 2026-01-14T09:00 -> 2026-01-15T21:00, the earlier of the two
  });

  it('reads the sign-offs that ai-provenance review sign-off records', async () => {
    const { repo, commits } = await smallHistory(tempDir());
    const signed = runCli(['review', 'sign-off', '--base', commits[0], '--files', 'src/payments/charge.ts', '--no-sign'], { cwd: repo.root });
    assert.equal(signed.code, 0, signed.stderr);
    const { insights } = await insightsOf(repo.root);
    assert.deepEqual(insights.signOffs, { recorded: true, source: 'refs/notes/ai-provenance-signoffs' });
    assert.equal(insights.byClass.payments.signedOffLines, 3);
    assert.equal(insights.byClass.auth.signedOffLines, 0);
    assert.equal(insights.reviewLatency.signedOffCommits, 1);
    // Signed off now, for a commit of January 2026.
    assert.ok(insights.reviewLatency.medianHours! > (Date.now() - Date.parse('2026-01-14T09:00:00Z')) / 3_600_000 - 1);
    assert.deepEqual(insights.topFiles, []);
  });

  it('says so when the repository has no commits', async () => {
    const repo = GitRepo.init(tempDir());
    await assert.rejects(insightsOf(repo.root), /the repository has no commits yet/);
  });
});
