import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Classification } from '../../../src/core/loadBearing/classifier';
import type { ShownHunk } from '../../../src/core/review/hunkFacts';
import { hunkHoverMarkdown } from '../../../src/core/review/hunkHover';
import { detectReviewBase } from '../../../src/core/review/reviewBase';
import { planReviewDecorations } from '../../../src/core/review/reviewDecorationPlan';
import type { ReviewFile, ReviewHunk, ReviewState } from '../../../src/core/review/reviewState';
import { planReviewTree } from '../../../src/core/review/reviewTreePlan';
import type { AcceptedSignOff } from '../../../src/core/signoff/judge';
import { assessRisk } from '../../../src/core/risk';
import { DEFAULT_ANNOTATION_SETTINGS } from '../../../src/core/views/viewSettings';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

const PAYMENTS: Classification = {
  classes: [{ name: 'payments', severity: 'critical', reason: 'path', detail: 'keyword "payments"' }],
  severity: 'critical',
};
const NONE: Classification = { classes: [], severity: 'none' };
const BOB: AcceptedSignOff = {
  id: 'x',
  reviewer: { name: 'Bob', email: 'bob@example.com' },
  signedOffAt: '2026-01-02T03:04:05.000Z',
  comment: 'ok',
  signature: 'not-checked',
};

function hunk(start: number, end: number, signed: number[] = []): ReviewHunk {
  return {
    path: 'src/payments/refund.ts',
    start,
    end,
    commit: {
      sha: 'abcdef1234567890abcdef1234567890abcdef12',
      author: 'Ann',
      authorEmail: 'ann@example.com',
      authorTime: 1767322800,
      summary: 'Add checks',
      boundary: false,
    },
    origPath: 'src/payments/refund.ts',
    origLines: Array.from({ length: end - start + 1 }, (_, index) => start + index),
    origin: { source: 'inline', tool: 'copilot' },
    signedOff: new Map(signed.map((line) => [line, BOB])),
    rejected: [],
    open: end - start + 1 - signed.length,
  };
}

function file(hunks: ReviewHunk[], classification = PAYMENTS): ReviewFile {
  return {
    path: 'src/payments/refund.ts',
    classification,
    requiresSignOff: classification === PAYMENTS,
    reviewers: ['@acme/payments'],
    hunks,
    risk: 'medium',
    riskExplanation: 'medium: …',
  };
}

const branch = (entry: ReviewHunk): ShownHunk => ({ kind: 'branch', hunk: entry });

describe('review plans (pure)', () => {
  it('paints open AI lines of a load-bearing file with the warning, signed-off lines not at all, and leaves own regions alone', () => {
    const plan = planReviewDecorations({
      hunks: [branch(hunk(3, 5)), branch(hunk(8, 9, [8, 9]))],
      classification: PAYMENTS,
      blastOf: () => 'unavailable',
      settings: DEFAULT_ANNOTATION_SETTINGS,
      ownLines: new Set([4]),
      lineCount: 20,
    });
    assert.deepEqual(plan.loadBearingLines, [2, 3]);
    assert.deepEqual(plan.committedLines, []);
    assert.deepEqual(plan.quietLines, []);
    assert.deepEqual(
      plan.annotations.map((annotation) => [annotation.line, annotation.kind, annotation.text]),
      [[2, 'warning', 'AI-generated in abcdef1 by Ann · payments']],
    );
  });

  it('outside load-bearing files: the quiet dashed bar, and a note only with dependents; base hunks are the quietest', () => {
    const plan = planReviewDecorations({
      hunks: [branch(hunk(1, 2)), { kind: 'base', hunk: hunk(6, 6) }],
      classification: NONE,
      blastOf: () => ({ files: 3, loadBearing: [], dependents: [], symbols: [] }) as never,
      settings: { ...DEFAULT_ANNOTATION_SETTINGS, highlightReviewed: true },
      ownLines: new Set(),
      lineCount: 20,
    });
    assert.deepEqual([plan.committedLines, plan.loadBearingLines, plan.quietLines], [[0, 1], [], [5]]);
    assert.deepEqual(
      plan.annotations.map((annotation) => [annotation.kind, annotation.text]),
      [['note', 'AI-generated in abcdef1 by Ann · 3 dependents']],
    );
  });

  it('hover: origin, commit, who may sign off, what is open, and the links', () => {
    const shown = branch(hunk(3, 5, [3]));
    const markdown = hunkHoverMarkdown({
      shown,
      file: file([shown.hunk as ReviewHunk]),
      classification: PAYMENTS,
      blast: undefined,
      risk: assessRisk({ path: 'src/payments/refund.ts', unreviewedAiLines: 2, loadBearing: PAYMENTS }),
      links: { openFile: (path) => `open:${path}`, signOffHunk: 'command:hunk', signOffFile: 'command:file', showReview: 'command:view' },
    });
    assert.match(markdown, /^\*\*AI-generated\*\* · inline · copilot · 3 AI lines · committed in `abcdef1` by Ann on 2026-01-02/);
    assert.match(markdown, /\$\(pass\) Signed off by Bob \\<bob@example\.com\\> on 2026-01-02: “ok”/);
    assert.match(markdown, /\*\*Needs a sign-off\*\* \(policy\.requireSignOff\), by @acme\/payments: L4-5/);
    assert.match(
      markdown,
      /\[\$\(check\) Sign off these lines\]\(command:hunk\) · \[\$\(check-all\) Sign off the file\]\(command:file\) · \[\$\(list-tree\) Review view\]\(command:view\)$/,
    );
  });

  it('tree: classes that need a sign-off first, then files and hunks with their state', () => {
    const state = {
      rules: { requireSignOff: ['payments'] },
      files: [{ ...file([hunk(1, 1)], NONE), path: 'src/util.ts', requiresSignOff: false }, file([hunk(3, 5), hunk(8, 9, [8, 9])])],
    } as unknown as ReviewState;
    const groups = planReviewTree('/repo', state);
    assert.deepEqual(
      groups.map((group) => [group.label, group.description]),
      [
        ['payments', 'critical · sign-off required · 2/5 AI lines signed off'],
        ['not load-bearing', '0/1 AI line signed off'],
      ],
    );
    assert.deepEqual(
      groups[0].files[0].hunks.map((node) => [node.label, node.description]),
      [
        ['Lines 3–5', 'open · inline · copilot · in abcdef1 by Ann'],
        ['Lines 8–9', 'signed off by Bob · inline · copilot · in abcdef1 by Ann'],
      ],
    );
    assert.match(groups[0].files[0].description, /^src\/payments · medium · 2\/5 signed off · needs a sign-off by @acme\/payments$/);
  });
});

describe('review base detection (real git)', function () {
  this.timeout(30_000);
  const tempDir = useTempDir();

  it("is the upstream's default branch, else a remote's main, else the local main; none on main itself", () => {
    const remote = join(tempDir(), 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'trunk', remote]);
    mkdirSync(join(tempDir(), 'clone'));
    const repo = GitRepo.init(join(tempDir(), 'clone'));
    repo.write('a.txt', 'a\n');
    repo.commitAll('a');
    return (async () => {
      assert.equal(await detectReviewBase(repo.root), undefined);
      repo.git('checkout', '-q', '-b', 'feature');
      assert.deepEqual(await detectReviewBase(repo.root), { ref: 'main', reason: 'the local main branch' });
      repo.git('remote', 'add', 'origin', remote);
      repo.git('push', '-q', 'origin', 'main:trunk', 'main:main');
      repo.git('fetch', '-q', 'origin');
      assert.deepEqual(await detectReviewBase(repo.root), { ref: 'origin/main', reason: "origin's main branch" });
      repo.git('remote', 'set-head', 'origin', 'trunk');
      assert.deepEqual(await detectReviewBase(repo.root), { ref: 'origin/trunk', reason: 'the default branch of origin' });
    })();
  });
});
