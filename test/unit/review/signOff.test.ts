import * as assert from 'node:assert/strict';
import { listSignOffs } from '../../../src/core/signoff/signOffNotes';
import { useTempDir } from '../../support/tempDir';
import { ANN, BOB, FORMAT, REFUND, Team, allFindings, cli, gateJson, identity } from './team';

describe('review: sign-off by a second identity (real git, two clones)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();
  let team: Team;
  let commit: string;
  beforeEach(async () => {
    team = new Team(tempDir());
    await team.start();
    commit = await team.authorBranch();
    team.reviewerFetches();
  });

  it('the gate fails with needs-sign-off naming file, lines and who may sign; the reviewer signs off and it passes', () => {
    const before = gateJson(team.reviewer);
    assert.equal(before.code, 1);
    const finding = allFindings(before.result).find((candidate) => candidate.kind === 'needs-sign-off');
    assert.ok(finding, JSON.stringify(before.result, null, 2));
    assert.equal(finding.path, REFUND);
    assert.deepEqual(finding.lines, [[7, 10]]);
    assert.deepEqual(finding.classes, ['payments']);
    assert.deepEqual(finding.reviewers, []);
    assert.deepEqual(finding.excluded, [ANN.email]);
    assert.match(
      finding.message,
      /src\/payments\/refund\.ts L7-10: 4 AI lines in payments need a sign-off \(policy\.requireSignOff\) by a reviewer other than ann@example\.com/,
    );
    // Outside the classes that need a sign-off, the usual rule: a warning.
    assert.ok(
      allFindings(before.result).some(
        (candidate) => candidate.rule === 'unreviewed-ai-lines' && candidate.path === FORMAT && candidate.level === 'warning',
      ),
    );

    const signed = cli(team.reviewer, 'review', 'sign-off', '--base', 'origin/main', '--comment', 'checked the refund limits');
    assert.equal(signed.code, 0, signed.stderr);
    assert.match(signed.stdout, /^Signed off 5 AI lines in 2 files of 1 commit as Bob Reviewer <bob@example\.com>, unsigned\./);

    const after = gateJson(team.reviewer);
    assert.equal(after.code, 0, JSON.stringify(allFindings(after.result), null, 2));
    assert.equal(after.result.commits[0].signedOffLines, 5);
    assert.ok(!allFindings(after.result).some((candidate) => candidate.kind === 'needs-sign-off'));
  });

  it("the author's own sign-off does not count (signOff.notAuthor), and the finding says why", async () => {
    identity(team.author, ANN);
    assert.equal(cli(team.author, 'review', 'sign-off', '--base', 'origin/main').code, 0);
    const { code, result } = gateJson(team.author);
    assert.equal(code, 1);
    const finding = allFindings(result).find((candidate) => candidate.kind === 'needs-sign-off')!;
    assert.match(
      finding.message,
      /the sign-off by ann@example\.com does not count: ann@example\.com wrote or committed these lines \(policy\.signOff\.notAuthor\)/,
    );
  });

  it('travels like the provenance notes: pushed by the reviewer, the author and CI see it', () => {
    assert.equal(cli(team.reviewer, 'review', 'sign-off', '--base', 'origin/main').code, 0);
    assert.equal(gateJson(team.author).code, 1);
    team.shareSignOffs();
    assert.equal(gateJson(team.author).code, 0);
  });

  it('covers exactly the lines signed off: a hunk sign-off (--lines) leaves the rest open', () => {
    const run = cli(team.reviewer, 'review', 'sign-off', '--base', 'origin/main', '--files', REFUND, '--lines', '7-8');
    assert.equal(run.code, 0, run.stderr);
    const finding = allFindings(gateJson(team.reviewer).result).find((candidate) => candidate.kind === 'needs-sign-off')!;
    assert.deepEqual(finding.lines, [[9, 10]]);
  });

  it('lists sign-offs through the reading API: reviewer, time, comment, commits, files and line ranges', async () => {
    cli(team.reviewer, 'review', 'sign-off', '--base', 'origin/main', '--files', REFUND, '--comment', 'ok');
    const { signOffs, problems } = await listSignOffs(team.reviewer.root);
    assert.deepEqual(problems, []);
    assert.equal(signOffs.length, 1);
    const [signOff] = signOffs;
    assert.deepEqual(signOff.document.reviewer, BOB);
    assert.equal(signOff.document.comment, 'ok');
    assert.equal(signOff.document.scope, 'files');
    assert.ok(Date.now() - Date.parse(signOff.document.signedOffAt) < 60_000);
    assert.deepEqual(
      signOff.document.commits.map((entry) => [
        entry.sha,
        entry.files.map((file) => [file.path, file.ranges.map((range) => [range.start, range.end])]),
      ]),
      [[commit, [[REFUND, [[7, 10]]]]]],
    );
    assert.match(signOff.document.commits[0].patchId ?? '', /^[0-9a-f]{40}$/);
    assert.equal(signOff.attachedTo, team.reviewer.git('rev-parse', 'HEAD').trim());
  });

  it('review status shows per class what is signed off, by whom, and what is open', () => {
    let status = cli(team.reviewer, 'review', 'status');
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /^AI code to review: origin\/main\.\.HEAD/);
    assert.match(status.stdout, /payments \(critical\), sign-off required: 0\/4 AI lines signed off/);
    assert.match(status.stdout, /src\/payments\/refund\.ts {2}risk \w+ · 0\/4 AI lines signed off · needs a sign-off/);
    assert.match(status.stdout, /L7-10 {2}inline · copilot · gpt-4o · Ann Author <ann@example\.com> · [0-9a-f]{10} Add refund checks/);
    assert.match(status.stdout, /open: L7-10/);
    cli(team.reviewer, 'review', 'sign-off', '--files', REFUND);
    status = cli(team.reviewer, 'review', 'status');
    assert.match(status.stdout, /payments \(critical\), sign-off required: 4\/4 AI lines signed off by Bob Reviewer <bob@example\.com>/);
    assert.match(status.stdout, /not load-bearing: 0\/1 AI line signed off/);
    const json = JSON.parse(cli(team.reviewer, 'review', 'status', '--json').stdout);
    assert.equal(json.schema, 'ai-provenance/review-status');
    const refund = json.files.find((file: { path: string }) => file.path === REFUND);
    assert.deepEqual(
      refund.hunks[0].signedOff.map((entry: { reviewer: unknown; lines: unknown }) => [entry.reviewer, entry.lines]),
      [[BOB, [[7, 10]]]],
    );
    assert.equal(refund.hunks[0].open, 0);

    const report = cli(team.reviewer, 'report', '--base', 'origin/main');
    assert.match(report.stdout, /### Sign-off\n\n_Policy: sign-off required in payments; by anyone, not the author\._/);
    assert.match(report.stdout, /\| payments \(critical\), required \| 4 \| 4 \| Bob Reviewer <bob@example\.com> \| {2}\|/);
    assert.match(report.stdout, /\| not load-bearing \| 1 \| 0 \| {2}\| `src\/util\/format\.ts` L1 \|/);
  });

  it('says clearly when there is nothing to sign off, and records nothing', async () => {
    const run = cli(team.reviewer, 'review', 'sign-off', '--base', 'origin/feature');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no AI-written lines to sign off in the range/);
    assert.deepEqual((await listSignOffs(team.reviewer.root)).signOffs, []);
  });
});
