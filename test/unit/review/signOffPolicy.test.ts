import * as assert from 'node:assert/strict';
import { useTempDir } from '../../support/tempDir';
import { commitWithProvenance, lines } from '../git/support/provenanceRepo';
import { CAROL, REFUND, REFUND_AI_LINES, REFUND_BASE, REFUND_AI, Team, allFindings, cli, gateJson, identity, setBasePolicy } from './team';

function signOffFinding(team: Team, repo = team.reviewer) {
  const { code, result } = gateJson(repo);
  return { code, result, finding: allFindings(result).find((finding) => finding.kind === 'needs-sign-off') };
}

describe('review: the sign-off policy (reviewers, Reviewed-by, rewrites)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();
  let team: Team;

  describe('signOff.reviewers: "codeowners", read from the base', () => {
    beforeEach(async () => {
      team = new Team(tempDir());
      await team.start(
        { policy: { requireSignOff: ['payments'], signOff: { reviewers: 'codeowners', identities: { '@carol-gh': ['carol@example.com'] } } } },
        { '.github/CODEOWNERS': '/src/payments/ @carol-gh\n' },
      );
      await team.authorBranch();
      team.reviewerFetches();
    });

    it("names the owners in the finding; a sign-off by someone else does not count, the owner's does", () => {
      let { code, finding } = signOffFinding(team);
      assert.equal(code, 1);
      assert.deepEqual(finding!.reviewers, ['@carol-gh']);
      assert.match(finding!.message, /need a sign-off \(policy\.requireSignOff\) by @carol-gh other than ann@example\.com/);

      assert.equal(cli(team.reviewer, 'review', 'sign-off').code, 0);
      ({ code, finding } = signOffFinding(team));
      assert.equal(code, 1);
      assert.match(
        finding!.message,
        /the sign-off by bob@example\.com does not count: bob@example\.com is not among the reviewers the policy names \(@carol-gh\)/,
      );

      identity(team.reviewer, CAROL);
      assert.equal(cli(team.reviewer, 'review', 'sign-off', '--files', REFUND).code, 0);
      assert.equal(signOffFinding(team).code, 0);
    });

    it('a CODEOWNERS line added by the branch itself makes nobody an owner', async () => {
      team.author.write('.github/CODEOWNERS', '/src/payments/ @carol-gh bob@example.com\n');
      team.author.commitAll('own it');
      team.author.git('push', '-q', 'origin', 'feature');
      team.reviewerFetches();
      assert.equal(cli(team.reviewer, 'review', 'sign-off').code, 0);
      const { code, finding } = signOffFinding(team);
      assert.equal(code, 1);
      assert.deepEqual(finding!.reviewers, ['@carol-gh']);
    });
  });

  it('signOff.reviewers as e-mail globs, matched without regard to case', async () => {
    team = new Team(tempDir());
    await team.start({ policy: { requireSignOff: ['payments'], signOff: { reviewers: ['*@security.example.com'] } } });
    await team.authorBranch();
    team.reviewerFetches();
    assert.equal(cli(team.reviewer, 'review', 'sign-off').code, 0);
    assert.match(signOffFinding(team).finding!.message, /is not among the reviewers the policy names \(\*@security\.example\.com\)/);
    identity(team.reviewer, { name: 'Sam', email: 'Sam@Security.Example.com' });
    assert.equal(cli(team.reviewer, 'review', 'sign-off').code, 0);
    assert.equal(signOffFinding(team).code, 0);
  });

  it('in a class that needs a sign-off, neither the author marking it reviewed nor a bare Reviewed-by counts, unless reviewedByCountsAsReview is set', async () => {
    team = new Team(tempDir());
    await team.start();
    team.author.git('checkout', '-q', '-b', 'feature');
    team.author.write(REFUND, REFUND_BASE + REFUND_AI);
    await team.author.markAi(REFUND, ...REFUND_AI_LINES);
    await team.author.markReviewed(REFUND, 'Ann Author');
    await commitWithProvenance(team.author, 'Add refund checks\n\nReviewed-by: Bob Reviewer <bob@example.com>');
    const first = signOffFinding(team, team.author);
    let code = first.code;
    const finding = first.finding;
    assert.equal(code, 1);
    assert.deepEqual(finding!.lines, [REFUND_AI_LINES]);

    setBasePolicy(team.author, { policy: { requireSignOff: ['payments'], reviewedByCountsAsReview: true } });
    ({ code } = signOffFinding(team, team.author));
    assert.equal(code, 0);
  });

  it('survives a rebase onto a base that moved the lines; a later change to the signed lines is not covered', async () => {
    team = new Team(tempDir());
    await team.start();
    team.author.installHooks();
    await team.authorBranch();
    team.reviewerFetches();
    assert.equal(cli(team.reviewer, 'review', 'sign-off').code, 0);
    team.shareSignOffs();
    assert.equal(signOffFinding(team, team.author).code, 0);

    // main gains a line at the top of the file; the author rebases (the hooks carry the notes to the new commits).
    team.author.git('checkout', '-q', 'main');
    team.author.write(REFUND, lines('// Copyright Acme') + REFUND_BASE);
    team.author.commitAll('copyright');
    team.author.git('push', '-q', 'origin', 'main');
    team.author.git('checkout', '-q', 'feature');
    team.author.git('rebase', '-q', 'main');
    team.author.git('fetch', '-q', 'origin');
    let result = signOffFinding(team, team.author);
    assert.equal(result.code, 0, JSON.stringify(allFindings(result.result), null, 2));
    assert.equal(result.result.commits[0].signedOffLines, 5);

    // The author changes a signed-off AI line (an agent rewrites it): that line needs a new sign-off, the others stay covered.
    const text = team.author.read(REFUND).replace('throw new Error("too much")', 'return');
    team.author.write(REFUND, text);
    await team.author.markAi(REFUND, 10, 10);
    await commitWithProvenance(team.author, 'Relax the limit');
    result = signOffFinding(team, team.author);
    assert.equal(result.code, 1);
    assert.deepEqual(result.finding!.lines, [[10, 10]]);
    assert.equal(result.result.commits.length, 2);
    assert.equal(result.result.commits[0].findings.filter((finding) => finding.kind === 'needs-sign-off').length, 0);
  });

  it('a sign-off of the whole range reviews a change to the policy (policy-changed), unless the reviewer is its author', async () => {
    team = new Team(tempDir());
    await team.start();
    await team.authorBranch();
    // The branch also relaxes the policy: a change the base policy must see reviewed.
    team.author.write('.ai-provenance.json', JSON.stringify({ policy: { requireSignOff: [] } }));
    team.author.commitAll('Relax the policy');
    team.author.git('push', '-q', 'origin', 'feature');
    team.reviewerFetches();
    const policyChange = () => allFindings(gateJson(team.reviewer).result).find((finding) => finding.kind === 'policy-changed')!;
    assert.equal(policyChange().level, 'error');

    // Bob signs off only the payments file: that reviews lines, not the policy change.
    assert.equal(cli(team.reviewer, 'review', 'sign-off', '--files', REFUND).code, 0);
    assert.equal(policyChange().level, 'error');
    // The author's sign-off of the range does not count for her own commit.
    assert.equal(cli(team.author, 'review', 'sign-off').code, 0);
    team.author.git('push', '-q', 'origin', 'refs/notes/ai-provenance-signoffs');
    team.reviewer.git('fetch', '-q', 'origin', '+refs/notes/ai-provenance-signoffs:refs/notes/ai-provenance-signoffs');
    assert.equal(policyChange().level, 'error');
    // Bob signs off the whole range: the change is accepted, naming him.
    const run = cli(team.reviewer, 'review', 'sign-off', '--comment', 'policy change agreed');
    assert.equal(run.code, 0, run.stderr);
    const accepted = policyChange();
    assert.equal(accepted.level, 'warning');
    assert.match(accepted.message, /accepted: reviewed by Bob Reviewer <bob@example\.com> \(sign-off\)/);
    assert.equal(gateJson(team.reviewer).code, 0);
  });
});
