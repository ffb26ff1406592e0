// The journey's second act: a second identity reviews the author's branch.
// The author's commit from the first act is pushed to a bare remote as a
// branch (with its notes); the reviewer, Bob, has his own clone in another
// workspace. In the real workbench he fetches the branch, sees the AI lines
// in the payments file with the load-bearing warning, signs the branch off
// from the Review view, and `ai-provenance gate` in a terminal passes where
// it failed before. The team's policy (the demo's .ai-provenance.json on the
// base branch) requires a sign-off of AI code in payments.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { DEMO_AUTHOR } from '../../scripts/e2e/demoHistory';
import { repoRoot } from '../host/repoRoot';
import type { Step } from './steps';
import { waitUntil, type Workbench } from './workbench';

const BRANCH = 'refund-checks';
const REFUND = 'src/payments/refund.ts';
const REVIEWER = { name: 'Bob Reviewer', email: 'bob@acme.example' };
const SIGN_OFF_COMMENT = 'Refund limits checked against the charge';

export interface ReviewerActOptions {
  /** The author's workspace of the first act (its last commit holds her AI code). */
  readonly authorWorkspace: string;
  /** Lines (1-based) of the refund checks accepted in the first act. */
  refundLines(): { first: number; last: number };
  /** Opens another folder in the same browser tab. */
  openFolder(folder: string): Promise<void>;
}

export function reviewerAct(workbench: Workbench, options: ReviewerActOptions): Step[] {
  const scratch = dirname(options.authorWorkspace);
  const remote = join(scratch, 'origin.git');
  const reviewer = join(scratch, 'reviewer');
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const gateJson = () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'gate', '--base', 'origin/main', '--json'], {
      cwd: reviewer,
      encoding: 'utf8',
    });
    return { code: run.status, result: JSON.parse(run.stdout) as { commits: Array<{ findings: Array<{ kind?: string; path?: string }> }> } };
  };
  /** Runs a line in the terminal and waits for `marker` (printed by the line's last command). */
  const inTerminal = async (line: string, marker: RegExp) => {
    await workbench.type(`clear\n`);
    await workbench.page.waitForTimeout(300);
    await workbench.type(`${line}\n`);
    return waitUntil(
      `${marker} in the terminal`,
      () => workbench.terminalText(),
      (text) => marker.test(text),
      60_000,
    );
  };

  return [
    {
      title: 'act two: the author pushes her branch; a second identity opens his clone in another workspace',
      screenshot: 'reviewer-workbench',
      run: async () => {
        git(scratch, 'init', '-q', '--bare', '--initial-branch=main', remote);
        git(options.authorWorkspace, 'remote', 'add', 'origin', remote);
        // main is the history before the first act's commit; the commit itself goes up as the branch to review.
        git(options.authorWorkspace, 'push', '-q', 'origin', 'HEAD~1:refs/heads/main', `HEAD:refs/heads/${BRANCH}`, 'refs/notes/ai-provenance');
        git(scratch, 'clone', '-q', remote, reviewer);
        git(reviewer, 'config', 'user.name', REVIEWER.name);
        git(reviewer, 'config', 'user.email', REVIEWER.email);
        await options.openFolder(reviewer);
        await workbench.waitUntilReady();
        // The Review view, still empty: its message comes from the activated extension, which also puts its CLI on new terminals' PATH.
        // Opened by its command, not by toggling its header: right after the folder opens, the header's expanded state may not be rendered yet.
        await workbench.runCommand('AI Provenance: Show Review View');
        const header = workbench.page.locator('.pane-header', { hasText: 'Review' });
        await waitUntil(
          'the Review view expanded',
          () => header.getAttribute('aria-expanded'),
          (expanded) => expanded === 'true',
        );
        // The reviewer has no AI regions of his own: the AI Regions view folds away, the Review view gets the room.
        const regions = workbench.page.locator('.pane-header', { hasText: 'AI Regions' });
        if ((await regions.getAttribute('aria-expanded')) === 'true') await regions.click();
        await waitUntil(
          'the AI Regions view folded',
          () => regions.getAttribute('aria-expanded'),
          (expanded) => expanded === 'false',
        );
        await workbench.page
          .locator('.pane', { has: header })
          .getByText('No AI-written code in the commits not on origin/main')
          .waitFor({ timeout: 60_000 });
      },
    },
    {
      title: 'he fetches the branch and its notes in a terminal; the gate fails: the payments lines need a sign-off',
      screenshot: 'gate-fails',
      run: async () => {
        await workbench.runCommand('Terminal: Create New Terminal');
        await workbench.page.locator('.terminal-wrapper.active .xterm').waitFor();
        await workbench.page.waitForTimeout(1000);
        // Room for the gate's whole verdict.
        await workbench.runCommand('View: Toggle Maximized Panel');
        await inTerminal(
          `git switch -q ${BRANCH} && git fetch -q origin '+refs/notes/*:refs/notes/*' && ai-provenance gate --base origin/main; echo "gate exit $?"`,
          /gate exit \d/,
        );
        // The terminal wraps long lines.
        const text = (await workbench.terminalText()).replace(/\n/g, '');
        assert.match(text, /AI Provenance gate FAILED/);
        assert.match(text, /src\/payments\/refund\.ts L\d+-\d+: \d+ AI lines in payments need a sign-off \(policy\.requireSignOff\)/);
        assert.match(text, /gate exit 1/);
        const { code, result } = gateJson();
        assert.equal(code, 1);
        const finding = result.commits.flatMap((commit) => commit.findings).find((candidate) => candidate.kind === 'needs-sign-off');
        assert.equal(finding?.path, REFUND, JSON.stringify(result.commits));
      },
    },
    {
      title: 'the payments file shows the branch’s AI lines with the load-bearing warning and a Sign off code lens',
      screenshot: 'review-warning',
      run: async () => {
        await workbench.runCommand('View: Toggle Maximized Panel');
        // The whole hunk in view: the panel goes (Ctrl+J) until the gate runs again.
        await workbench.press('Control+J');
        await workbench.openFile(REFUND);
        const { first, last } = options.refundLines();
        await workbench.goToLine(first);
        await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
        const texts = await waitUntil(
          'the warning on the committed AI code',
          () => workbench.decorationTexts(),
          (found) => found.some((text) => /^AI-generated in [0-9a-f]{7} by .+ · payments/.test(text)),
          60_000,
        );
        // The commit's author, not the reviewer who has the branch checked out.
        const warning = texts.find((text) => text.includes('· payments')) ?? '';
        assert.ok(warning.includes(`by ${DEMO_AUTHOR.name} ·`), `the warning does not name the author: ${texts.join(' | ')}`);
        assert.ok(!texts.some((text) => text.includes(REVIEWER.name)), `the warning names the reviewer: ${texts.join(' | ')}`);
        assert.deepEqual(await workbench.linesWithGutterIcon('gutter-load-bearing'), range(first, last));
        await workbench.codeLens('Sign off AI code').waitFor();
      },
    },
    {
      title: 'the hover says who wrote the code, in which commit, and that it needs a sign-off',
      screenshot: 'review-hover',
      run: async () => {
        await workbench.goToLine(options.refundLines().first);
        const hover = await workbench.hoverAtCursor('Needs a sign-off');
        for (const expected of [
          'AI-generated',
          'inline',
          'committed in',
          `by ${DEMO_AUTHOR.name}`,
          'Needs a sign-off',
          'payments',
          'Sign off these lines',
        ]) {
          assert.ok(hover.includes(expected), `the hover does not mention ${expected}:\n${hover}`);
        }
      },
    },
    {
      title: 'the Review view lists the branch’s AI code by class, payments first',
      screenshot: 'review-view',
      run: async () => {
        await workbench.press('Escape');
        await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
        await workbench.runCommand('AI Provenance: Show Review View');
        const { first, last } = options.refundLines();
        const rows = await waitUntil(
          'the Review view',
          () => workbench.viewRows('Review'),
          (found) => found.some((row) => row.includes(`Lines ${first}–${last}`)),
        );
        assert.match(rows[0] ?? '', /^payments ?critical · sign-off required · 0\/\d+ AI lines signed off/, JSON.stringify(rows));
        // (Rows below the view's height are not rendered.)
        for (const expected of ['refund.ts', 'session.ts'])
          assert.ok(
            rows.some((row) => row.includes(expected)),
            `${expected} is not listed: ${JSON.stringify(rows)}`,
          );
      },
    },
    {
      title: 'he signs off the branch’s AI code with a comment; the warning goes',
      screenshot: 'signed-off',
      run: async () => {
        await workbench.page.locator('.pane-header', { hasText: 'Review' }).hover();
        await workbench.page.locator('.pane-header .action-label[aria-label^="Sign Off All AI Code of the Branch"]').click();
        const input = workbench.page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill(SIGN_OFF_COMMENT);
        await workbench.press('Enter');
        const { first, last } = options.refundLines();
        await waitUntil(
          'the hunk signed off in the Review view',
          () => workbench.viewRows('Review'),
          (rows) => rows.some((row) => row.includes(`Lines ${first}–${last}`) && row.includes(`signed off by ${REVIEWER.name}`)),
        );
        await waitUntil(
          'the warning to go',
          () => workbench.decorationTexts(),
          (texts) => !texts.some((text) => text.includes('payments')),
        );
        const note = JSON.parse(git(reviewer, 'notes', '--ref', 'ai-provenance-signoffs', 'show', 'HEAD').trim()) as {
          reviewer: { email: string };
          comment: string;
        };
        assert.deepEqual([note.reviewer.email, note.comment], [REVIEWER.email, SIGN_OFF_COMMENT]);
      },
    },
    {
      title: 'the gate in the terminal now passes',
      screenshot: 'gate-passes',
      run: async () => {
        await workbench.runCommand('Terminal: Focus Terminal');
        await inTerminal('ai-provenance gate --base origin/main; echo "gate exit $?"', /gate exit \d/);
        const text = (await workbench.terminalText()).replace(/\n/g, '');
        assert.match(text, /AI Provenance gate passed/);
        assert.match(text, /gate exit 0/);
        assert.equal(gateJson().code, 0);
      },
    },
  ];
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
