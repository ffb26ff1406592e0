import * as assert from 'node:assert/strict';
import { runCli } from '../../support/cli';
import { Team } from '../../support/team';
import { useTempDir } from '../../support/tempDir';
import { lines, type ProvenanceRepo } from './support/provenanceRepo';

interface BlameJson {
  readonly lines: ReadonlyArray<{ line: number; ai: boolean; tool?: string; reviewed?: boolean; commit: string }>;
}

const REFUND = 'src/payments/refund.ts';
const FORMAT = 'src/util/format.ts';
const HEADER = ['// Refunds', "import { log } from '../log';", '', 'export const REFUND_WINDOW_DAYS = 30;', ''];

function cli(repo: ProvenanceRepo, ...args: string[]): string {
  const result = runCli(args, { cwd: repo.root });
  assert.equal(result.code, 0, `ai-provenance ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** What blame says about a file at a revision: each AI line as "<line>: <text> [tool, reviewed]". */
function aiView(repo: ProvenanceRepo, path: string, rev: string): string[] {
  const blame = JSON.parse(cli(repo, 'blame', path, '--rev', rev, '--json')) as BlameJson;
  const texts = repo.git('show', `${rev}:${path}`).split('\n');
  return blame.lines
    .filter((line) => line.ai)
    .map((line) => `${line.line}: ${texts[line.line - 1]} [${line.tool}${line.reviewed ? ', reviewed' : ''}]`);
}

/** The same, without line numbers: what must survive any merge. */
const byContent = (view: string[]) => view.map((entry) => entry.replace(/^\d+: /, ''));

describe('notes carry: provenance survives squash, rebase and merge commits on a forge (bare remote, several clones, real git and hooks)', function () {
  this.timeout(180_000);
  const tempDir = useTempDir();
  let team: Team;
  let ann: ProvenanceRepo;
  let forge: ProvenanceRepo;
  let before: string;
  let branchView: Record<string, string[]>;

  beforeEach(async () => {
    team = new Team(tempDir());
    const setup = team.clone('Setup');
    setup.write(REFUND, lines(...HEADER));
    setup.write('README.md', lines('# Shop'));
    setup.commitAll('base');
    setup.git('push', '-q', 'origin', 'main');

    // Ann: a 3-commit branch with AI lines, a human rewrite of one of them, and a reviewed AI file.
    ann = team.clone('Ann');
    ann.installHooks();
    ann.git('switch', '-q', '-c', 'feature');
    const body = [
      'export function refund(amount: number) {',
      "  if (amount <= 0) throw new Error('bad amount');",
      '  const fee = amount * 0.03;',
      '  return amount - fee;',
      '}',
    ];
    ann.write(REFUND, lines(...HEADER, ...body));
    await ann.markAi(REFUND, 6, 10, { source: 'agent', tool: 'claude-code', model: 'claude-sonnet-4' });
    ann.git('commit', '-q', '-am', 'Add refund()');
    const edited = [...HEADER, ...body];
    edited[7] = '  const fee = Math.round(amount * 0.02); // agreed with finance';
    ann.write(REFUND, lines(...edited, '// refunds are logged by the caller'));
    ann.git('commit', '-q', '-am', 'Lower the refund fee');
    await ann.writeAi(FORMAT, lines('export function cents(value: number) {', '  return Math.round(value * 100);', '}'), {
      source: 'inline',
      tool: 'copilot',
    });
    await ann.markReviewed(FORMAT, 'Ann');
    ann.git('add', '-A');
    ann.git('commit', '-q', '-m', 'Add cents()');
    ann.git('push', '-q', 'origin', 'feature'); // pre-push pushes the notes too
    branchView = { [REFUND]: aiView(ann, REFUND, 'feature'), [FORMAT]: aiView(ann, FORMAT, 'feature') };
    assert.deepEqual(branchView, {
      [REFUND]: [
        '6: export function refund(amount: number) { [claude-code]',
        "7:   if (amount <= 0) throw new Error('bad amount'); [claude-code]",
        '9:   return amount - fee; [claude-code]',
        '10: } [claude-code]',
      ],
      [FORMAT]: [
        '1: export function cents(value: number) { [copilot, reviewed]',
        '2:   return Math.round(value * 100); [copilot, reviewed]',
        '3: } [copilot, reviewed]',
      ],
    });

    // Meanwhile main moves: Bob inserts a line at the top of the same file.
    const bob = team.clone('Bob');
    bob.write(REFUND, lines('// Owner: payments team', ...HEADER));
    bob.commitAll('Name the owner');
    bob.git('push', '-q', 'origin', 'main');

    // The forge: another identity, no hooks.
    forge = team.clone('Forge', { name: 'Forge Bot', email: 'noreply@forge.example' });
    forge.git('config', 'core.hooksPath', '/dev/null');
    forge.git('fetch', '-q', 'origin', 'feature:feature');
    before = forge.head();
  });

  /** CI after the push to main: fetch notes, carry them, push them back. Then a third clone pulls and blames. */
  function ciCarries(...extra: string[]): string {
    const ci = team.clone('CI', { name: 'CI', email: 'ci@forge.example' });
    cli(ci, 'notes', 'sync', '--no-push');
    const output = cli(ci, 'notes', 'carry', '--auto', '--before', before, '--after', 'origin/main', '--remote', 'origin', ...extra);
    cli(ci, 'notes', 'sync');
    return output;
  }

  function mainViewOfTeammate(): Record<string, string[]> {
    const cy = team.clone('Cy');
    cli(cy, 'notes', 'sync', '--no-push');
    return { [REFUND]: aiView(cy, REFUND, 'main'), [FORMAT]: aiView(cy, FORMAT, 'main') };
  }

  function assertSameAiLinesShiftedByBob(view: Record<string, string[]>): void {
    assert.deepEqual(byContent(view[REFUND]), byContent(branchView[REFUND]));
    assert.deepEqual(byContent(view[FORMAT]), byContent(branchView[FORMAT]));
    // At their new line numbers: Bob's line moved refund.ts down by one.
    assert.deepEqual(
      view[REFUND].map((entry) => parseInt(entry)),
      branchView[REFUND].map((entry) => parseInt(entry) + 1),
    );
    assert.deepEqual(
      view[FORMAT].map((entry) => parseInt(entry)),
      [1, 2, 3],
    );
  }

  it('squash merge by another identity with a title-only message: found by patch content, carried by content', () => {
    forge.git('merge', '-q', '--squash', 'feature');
    forge.git('commit', '-q', '-m', 'Refunds');
    forge.git('push', '-q', 'origin', 'main');
    const output = ciCarries();
    assert.match(output, /carried 7 AI lines from 3 commits of .*found by patch content/);
    assertSameAiLinesShiftedByBob(mainViewOfTeammate());
  });

  it('never makes a line AI that was not: a line the merger rewrote while squashing stays human', () => {
    forge.git('merge', '-q', '--squash', 'feature');
    forge.write(REFUND, forge.read(REFUND).replace('  return amount - fee;', '  return Math.max(0, amount - fee);'));
    forge.git('commit', '-q', '-am', 'Refunds');
    forge.git('push', '-q', 'origin', 'main');
    assert.match(ciCarries(), /carried 6 AI lines/);
    const view = mainViewOfTeammate();
    assert.deepEqual(
      byContent(view[REFUND]),
      byContent(branchView[REFUND]).filter((entry) => !entry.includes('return amount - fee')),
    );
    assert.ok(!view[REFUND].some((entry) => entry.includes('Math.max')), 'the rewritten line is not AI');
    assert.deepEqual(byContent(view[FORMAT]), byContent(branchView[FORMAT]));
  });

  it('squash merge titled "(#1)": found through the pull request ref, even with the branch deleted', () => {
    forge.git('push', '-q', 'origin', 'feature:refs/pull/1/head');
    forge.git('push', '-q', 'origin', '--delete', 'feature');
    forge.git('merge', '-q', '--squash', 'feature');
    forge.git('commit', '-q', '-m', 'Refunds (#1)');
    forge.git('push', '-q', 'origin', 'main');
    assert.match(ciCarries(), /carried 7 AI lines .*found by pull request #1/);
    assertSameAiLinesShiftedByBob(mainViewOfTeammate());
  });

  it('GitLab squash with a merge commit: the title-only squash commit, found through the merge request named in the merge commit, branch deleted', () => {
    forge.git('push', '-q', 'origin', 'feature:refs/merge-requests/1/head');
    forge.git('push', '-q', 'origin', '--delete', 'feature');
    // GitLab squashes the source branch into one commit titled with the merge request's title, on the branch's base,
    // then merges that with a merge commit naming the merge request.
    forge.git('switch', '-q', '-c', 'squashed', forge.git('merge-base', 'main', 'feature').trim());
    forge.git('merge', '-q', '--squash', 'feature');
    forge.git('commit', '-q', '-m', 'Refunds');
    forge.git('switch', '-q', 'main');
    forge.git('merge', '-q', '--no-ff', '-m', "Merge branch 'feature' into 'main'\n\nRefunds\n\nSee merge request shop/shop!1", 'squashed');
    forge.git('push', '-q', 'origin', 'main');
    assert.match(ciCarries(), /carried 7 AI lines from 3 commits of .*found by pull request #1/);
    assertSameAiLinesShiftedByBob(mainViewOfTeammate());
  });

  it('GitLab fast-forward squash, title only, branch deleted: found by patch content among the recent merge request refs', () => {
    forge.git('push', '-q', 'origin', 'feature:refs/merge-requests/2/head');
    forge.git('push', '-q', 'origin', '--delete', 'feature');
    forge.git('merge', '-q', '--squash', 'feature');
    forge.git('commit', '-q', '-m', 'Refunds');
    forge.git('push', '-q', 'origin', 'main');
    assert.match(ciCarries(), /carried 7 AI lines from 3 commits of .*found by patch content of refs\/ai-provenance\/pull\/2/);
    assertSameAiLinesShiftedByBob(mainViewOfTeammate());
  });

  it('a clone that has not fetched the notes says so, instead of reporting that no line was AI', () => {
    forge.git('merge', '-q', '--squash', 'feature');
    forge.git('commit', '-q', '-m', 'Refunds');
    forge.git('push', '-q', 'origin', 'main');
    const ci = team.clone('CI');
    const carry = () => cli(ci, 'notes', 'carry', '--auto', '--before', before, '--after', 'origin/main', '--remote', 'origin');
    assert.match(carry(), /no commit of .* has a note here \(fetch the notes first: ai-provenance notes sync --no-push\)/);
    cli(ci, 'notes', 'sync', '--no-push');
    assert.match(carry(), /carried 7 AI lines from 3 commits/);
  });

  it('explicit carry --from <base>..<head> --to <commit> gives the same result, and a second carry changes nothing', () => {
    forge.git('merge', '-q', '--squash', 'feature');
    forge.git('commit', '-q', '-m', 'Refunds');
    forge.git('push', '-q', 'origin', 'main');
    const ci = team.clone('CI');
    cli(ci, 'notes', 'sync', '--no-push');
    ci.git('fetch', '-q', 'origin', 'feature:feature');
    const base = ci.git('merge-base', 'feature', before).trim();
    assert.match(cli(ci, 'notes', 'carry', '--from', `${base}..feature`, '--to', 'origin/main'), /carried 7 AI lines from 3 commits/);
    const first = ci.readNoteRaw('origin/main');
    cli(ci, 'notes', 'carry', '--from', `${base}..feature`, '--to', 'origin/main');
    assert.equal(JSON.parse(ci.readNoteRaw('origin/main')!).totals.aiLines, JSON.parse(first!).totals.aiLines);
    assert.deepEqual(JSON.parse(first!).carriedFrom.length, 3);
    cli(ci, 'notes', 'sync');
    assertSameAiLinesShiftedByBob(mainViewOfTeammate());
  });

  it("rebase merge: each rebased commit takes its own commit's note", () => {
    forge.git('rebase', '-q', 'main', 'feature');
    forge.git('switch', '-q', 'main');
    forge.git('merge', '-q', '--ff-only', 'feature');
    forge.git('push', '-q', 'origin', 'main');
    const output = ciCarries();
    assert.match(output, /carried 5 AI lines from 1 commit of .*found by rebased commits/);
    assert.match(output, /carried 3 AI lines from 1 commit of /);
    assertSameAiLinesShiftedByBob(mainViewOfTeammate());
  });

  it('merge commit: nothing to carry, the merged commits keep their notes', () => {
    forge.git('merge', '-q', '--no-ff', '-m', 'Merge pull request #1 from ann/feature', 'feature');
    forge.git('push', '-q', 'origin', 'main');
    assert.match(ciCarries(), /has a note already|No new commits/);
    assertSameAiLinesShiftedByBob(mainViewOfTeammate());
  });

  it('amend after push: the amended commit keeps the note (post-rewrite), and the merge keeps it', async () => {
    ann.write('README.md', lines('# Shop', '', 'Refunds: see src/payments.'));
    ann.git('add', '-A');
    ann.git('commit', '-q', '--amend', '--no-edit');
    ann.git('push', '-q', '--force', 'origin', 'feature');
    forge.git('fetch', '-q', '--force', 'origin', 'feature:feature');
    forge.git('merge', '-q', '--no-ff', '-m', 'Merge pull request #1', 'feature');
    forge.git('push', '-q', 'origin', 'main');
    ciCarries();
    assertSameAiLinesShiftedByBob(mainViewOfTeammate());
  });

  it('with forge metadata (--pr-head), a squash needs no searching', () => {
    const head = forge.git('rev-parse', 'feature').trim();
    forge.git('push', '-q', 'origin', '--delete', 'feature');
    forge.git('push', '-q', 'origin', 'feature:refs/pull/7/head');
    forge.git('merge', '-q', '--squash', 'feature');
    forge.git('commit', '-q', '-m', 'Refunds');
    forge.git('push', '-q', 'origin', 'main');
    const ci = team.clone('CI');
    cli(ci, 'notes', 'sync', '--no-push');
    ci.git('fetch', '-q', 'origin', 'refs/pull/7/head');
    assert.match(cli(ci, 'notes', 'carry', '--auto', '--before', before, '--after', 'origin/main', '--pr-head', head), /found by forge metadata/);
    cli(ci, 'notes', 'sync');
    assertSameAiLinesShiftedByBob(mainViewOfTeammate());
  });
});
