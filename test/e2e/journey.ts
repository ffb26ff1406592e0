// A user's whole journey with AI Provenance in the real editor, checked the
// way a person would check it: by what the workbench shows, and by `git log`.
// The demo completion provider stands in for an AI assistant; a write from
// this process stands in for a CLI agent.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestions } from '../../demo/completions/src/suggestions';
import { demoTemplateDir } from '../../scripts/e2e/demoWorkspace';
import { repoRoot } from '../host/repoRoot';
import { insightsStep } from './insightsStep';
import { reviewerAct } from './reviewerAct';
import type { Step } from './steps';
import { waitUntil, type Workbench } from './workbench';

/** Risk levels in the status bar meter, lowest first. */
const LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;

/** `AI risk: high (2)` → { level: 'high', files: 2 }. */
function parseMeter(text: string | undefined): { level: (typeof LEVELS)[number]; files: number } | undefined {
  const match = /AI risk: (\w+)(?: \((\d+)\))?/.exec(text ?? '');
  const level = LEVELS.find((candidate) => candidate === match?.[1]);
  return match && level ? { level, files: Number(match[2] ?? 0) } : undefined;
}

/** 1-based line of the first line of the demo template's file containing `text`. */
function templateLine(relativePath: string, text: string): number {
  const lines = readFileSync(join(demoTemplateDir, relativePath), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `${relativePath} of the demo template has no line containing ${JSON.stringify(text)}`);
  return index + 1;
}

function lineCount(relativePath: string): number {
  return readFileSync(join(demoTemplateDir, relativePath), 'utf8').split('\n').length;
}

const EXTENSION_VERSION = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

const REFUND = 'src/payments/refund.ts';
const SESSION = 'src/auth/session.ts';
const PRICING = 'src/orders/pricing.ts';
const TERRAFORM = 'infra/main.tf';
/** A helper behind the `export *` barrel src/util/index.ts, next to money.ts. */
const DATES = 'src/util/dates.ts';
const DATES_AGENT_RETURN = "  return date.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });";

/** Written by "the agent" at the end of infra/main.tf. */
const AGENT_TERRAFORM = `resource "aws_s3_bucket" "receipts" {
  bucket = "acme-orders-receipts-\${var.environment}"
}

resource "aws_s3_bucket_versioning" "receipts" {
  bucket = aws_s3_bucket.receipts.id
  versioning_configuration {
    status = "Enabled"
  }
}
`;

/** What the demo provider suggests for `trigger`. */
function suggestion(trigger: string): string {
  const found = suggestions.find((candidate) => candidate.trigger === trigger);
  assert.ok(found, `the demo provider has no suggestion for ${JSON.stringify(trigger)}`);
  return found.text;
}

/** Lines that count in trailers (blank lines count on neither side). */
function nonBlankLines(text: string): number {
  return text.split('\n').filter((line) => line.trim() !== '').length;
}

const REFUND_CHECKS = suggestion('function assertRefundable(');
const SESSION_EXPIRY = suggestion('return ');

/** Pasted by the person into an ordinary file: never marked as AI. */
const PASTED = `export function unitPriceAfterDiscount(line: OrderLine, percent: number): number {
  return Math.round(line.unitPriceCents * (1 - percent / 100));
}
`;

interface JourneyState {
  meterBefore?: string;
  /** Line numbers (1-based) of the accepted refund checks. */
  refundLines?: { first: number; last: number };
}

/** `openFolder` opens another folder in the same tab (the second act's reviewer workspace). */
export function journey(workbench: Workbench, workspace: string, openFolder: (folder: string) => Promise<void>): Step[] {
  const state: JourneyState = {};
  const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  return [
    {
      title: 'the workbench opens the demo workspace with AI Provenance installed',
      screenshot: 'workbench',
      run: async () => {
        await workbench.waitUntilReady();
        await workbench.page.locator('.activitybar .action-item a[aria-label^="AI Provenance"]').waitFor();
      },
    },
    {
      title: 'types code in a payments file and accepts the inline suggestion with Tab',
      screenshot: 'inline-accepted',
      run: async ({ screenshot }) => {
        await workbench.openFile(REFUND);
        await workbench.press('Control+End');
        // The new function is 12 lines: room for it below the cursor's line.
        await workbench.scrollDown(16);
        await workbench.type('function assertRefundable(');
        // The parameters on the typed line, the checks on the lines below.
        await workbench.waitForGhostText(['charge: Charge, amountCents: number', 'throw new RefundError(']);
        await screenshot('ghost-text');
        await workbench.press('Tab');
        const first = lineCount(REFUND);
        const last = first + REFUND_CHECKS.split('\n').length - 1;
        const lines = await waitUntil(
          'the accepted suggestion in the editor',
          () => workbench.visibleLines(),
          (visible) => visible[last] === '}',
        );
        assert.deepEqual(
          range(first, last).map((line) => lines[line]),
          REFUND_CHECKS.split('\n'),
        );
        state.refundLines = { first, last };
        // The capture marks exactly the accepted lines.
        const marked = await waitUntil(
          'AI gutter marks on the accepted lines',
          () => workbench.linesWithGutterIcon('gutter-'),
          (numbers) => numbers.length >= last - first + 1,
        );
        assert.deepEqual(marked, range(first, last));
      },
    },
    {
      title: 'accepts a suggestion word by word (Ctrl+Right) in an auth file',
      screenshot: 'word-by-word',
      run: async () => {
        await workbench.openFile(SESSION);
        const line = templateLine(SESSION, 'export function isExpired(') + 1;
        await workbench.goToLine(line);
        await workbench.type('return ');
        await workbench.waitForGhostText(['session.revoked']);
        let presses = 0;
        while (presses < 20 && (await workbench.ghostText()) !== '') {
          await workbench.press('Control+ArrowRight');
          presses++;
          await workbench.page.waitForTimeout(150);
        }
        const lines = await workbench.visibleLines();
        assert.equal(lines[line], `  ${SESSION_EXPIRY}`);
        assert.ok(presses > 3, `the suggestion was accepted in ${presses} step(s), not word by word`);
        await waitUntil(
          'an AI gutter mark on the accepted line',
          () => workbench.linesWithGutterIcon('gutter-'),
          (numbers) => numbers.includes(line),
        );
      },
    },
    {
      title: 'pastes code into an ordinary file, which is not marked as AI',
      screenshot: 'paste',
      run: async () => {
        await workbench.openFile(PRICING);
        await workbench.press('Control+End');
        await workbench.setClipboard(`\n${PASTED}`);
        await workbench.press('Control+V');
        const last = lineCount(PRICING) + PASTED.split('\n').length - 1;
        await waitUntil(
          'the pasted text in the editor',
          () => workbench.visibleLines(),
          (lines) => lines[last] === '}',
        );
        // Give capture and the views time to react, then check that nothing is marked.
        await workbench.page.waitForTimeout(1500);
        assert.deepEqual(await workbench.linesWithGutterIcon('gutter-'), []);
      },
    },
    {
      title: 'an agent writes Terraform on disk; the editor shows it as AI code',
      screenshot: 'agent-disk-write',
      run: async () => {
        appendFileSync(join(workspace, TERRAFORM), AGENT_TERRAFORM);
        await workbench.openFile(TERRAFORM);
        const first = lineCount(TERRAFORM);
        await waitUntil(
          'AI gutter marks on the lines the agent wrote',
          () => workbench.linesWithGutterIcon('gutter-'),
          (numbers) => numbers.includes(first + 1),
        );
      },
    },
    {
      title: 'the payments file shows load-bearing gutter marks, the warning with its dependents and a code lens',
      screenshot: 'load-bearing-warning',
      run: async () => {
        await workbench.openFile(REFUND);
        const { first, last } = state.refundLines!;
        await workbench.goToLine(first);
        // Room for the whole warning at the end of the line.
        await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
        const texts = await waitUntil(
          'the load-bearing warning with a dependents count',
          () => workbench.decorationTexts(),
          (found) => found.some((text) => /AI-generated · payments · \d+ dependents?/.test(text)),
          60_000,
        );
        const warning = texts.find((text) => text.startsWith('AI-generated'))!;
        assert.match(warning, /^AI-generated · payments · 4 dependents \(1 load-bearing\)$/);
        // The striped load-bearing gutter icon instead of the plain AI bar, and the code lens.
        assert.deepEqual(await workbench.linesWithGutterIcon('gutter-load-bearing'), range(first, last));
        await workbench.codeLens('Mark reviewed').waitFor();
      },
    },
    {
      title: 'the hover on the AI code lists its dependents',
      screenshot: 'hover',
      run: async () => {
        await workbench.goToLine(state.refundLines!.first);
        const hover = await workbench.hoverAtCursor('Blast radius');
        for (const expected of [
          'AI-generated',
          'payments',
          'src/api/routes.ts',
          'src/payments/webhooks.ts',
          'src/support/disputes.ts',
          'src/server.ts',
        ]) {
          assert.ok(hover.includes(expected), `the hover does not mention ${expected}:\n${hover}`);
        }
      },
    },
    {
      title: 'the status bar risk meter sums up the workspace',
      screenshot: 'status-bar',
      run: async () => {
        await workbench.press('Escape');
        const text = await waitUntil(
          'the AI risk meter',
          () => workbench.statusBarText('AI risk'),
          (found) => parseMeter(found) !== undefined,
        );
        state.meterBefore = text;
        // The risk model (docs/RISK.md) on these regions: the refund checks are high
        // (12 critical lines, 4 dependents), the Terraform medium, the session line low.
        assert.equal(text, 'AI risk: high (1)');
      },
    },
    {
      title: 'the AI Regions view lists the files with AI code, and not the pasted one',
      screenshot: 'regions-view',
      run: async () => {
        await workbench.statusBarItem('AI risk').click();
        const rows = await waitUntil(
          'the AI Regions view',
          () => workbench.viewRows('AI Regions'),
          (found) => found.some((row) => row.includes('refund.ts')),
        );
        for (const file of ['refund.ts', 'session.ts', 'main.tf'])
          assert.ok(
            rows.some((row) => row.includes(file)),
            `${file} is not listed: ${JSON.stringify(rows)}`,
          );
        const { first, last } = state.refundLines!;
        assert.ok(
          rows.some((row) => row.includes(`Lines ${first}–${last}`)),
          `no row for the refund checks (Lines ${first}–${last}): ${JSON.stringify(rows)}`,
        );
        assert.ok(!rows.some((row) => row.includes('pricing.ts')), `the pasted file is listed: ${JSON.stringify(rows)}`);
      },
    },
    {
      title: 'marking the payments code reviewed (code lens) lowers the risk meter',
      screenshot: 'reviewed',
      run: async () => {
        await workbench.openFile(REFUND);
        await workbench.goToLine(state.refundLines!.first);
        await workbench.codeLens('Mark reviewed').click();
        const before = parseMeter(state.meterBefore)!;
        const after = await waitUntil(
          'the risk meter to drop',
          () => workbench.statusBarText('AI risk'),
          (text) => {
            const meter = parseMeter(text);
            return (
              !!meter && (LEVELS.indexOf(meter.level) < LEVELS.indexOf(before.level) || (meter.level === before.level && meter.files < before.files))
            );
          },
        );
        assert.equal(after, 'AI risk: medium (1)');
        await waitUntil(
          'the warning to go',
          () => workbench.decorationTexts(),
          (texts) => !texts.some((text) => text.includes('payments')),
        );
      },
    },
    {
      title: 'commits through the Source Control view; git log shows the AI trailers',
      screenshot: 'commit',
      run: async () => {
        await workbench.runCommand('File: Save All');
        await workbench.press('Control+Shift+G');
        const input = workbench.page.locator('.scm-editor .monaco-editor textarea, .scm-editor .monaco-editor .native-edit-context').first();
        await input.waitFor();
        await input.focus();
        await workbench.type('Refund checks, session expiry and a receipts bucket');
        await workbench.press('Control+Enter');
        const message = await waitUntil(
          'the commit',
          async () => git('log', '-1', '--format=%B'),
          (text) => text.startsWith('Refund checks'),
        );
        const trailers = Object.fromEntries(
          message
            .split('\n')
            .filter((line) => line.startsWith('AI-'))
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
        );
        const ai = nonBlankLines(REFUND_CHECKS) + nonBlankLines(SESSION_EXPIRY) + nonBlankLines(AGENT_TERRAFORM);
        assert.deepEqual(trailers, {
          // The pasted lines count as added, not as AI.
          'AI-Lines': `${ai}/${ai + nonBlankLines(PASTED)}`,
          'AI-Sources': 'inline, agent-disk, inline-partial',
          // code-server reports edit sources (detailedReason): the extension that provided the suggestions is named.
          'AI-Tools': 'ai-provenance-demo.demo-completions',
          'AI-Reviewed': `${nonBlankLines(REFUND_CHECKS)}/${ai}`,
          'AI-Load-Bearing': 'auth=src/auth/session.ts, payments=src/payments/refund.ts, infra=infra/main.tf',
          'AI-Blast-Radius': '4 files, 1 load-bearing',
          'AI-Risk': 'medium',
        });
        // post-commit writes the line-level detail as a git note, right after the commit.
        const note = () => {
          try {
            return git('notes', '--ref=ai-provenance', 'show', 'HEAD');
          } catch {
            return ''; // no note yet
          }
        };
        await waitUntil(
          'the git note of the commit',
          async () => note(),
          (text) => text.includes('src/payments/refund.ts'),
        );
      },
    },
    {
      title: 'the integrated terminal has the ai-provenance CLI; git log -1 there shows the trailers',
      screenshot: 'terminal',
      run: async () => {
        await workbench.runCommand('Terminal: Create New Terminal');
        await workbench.page.locator('.terminal-wrapper.active .xterm').waitFor();
        await workbench.page.waitForTimeout(1000);
        await workbench.type('ai-provenance --version && git log -1 --format=%B\n');
        const text = await waitUntil(
          'the trailers in the terminal',
          () => workbench.terminalText(),
          (shown) => shown.includes('AI-Risk:'),
        );
        assert.match(
          text,
          new RegExp(`^${EXTENSION_VERSION.replace(/\./g, '\\.')}$`, 'm'),
          `ai-provenance --version did not print ${EXTENSION_VERSION}:\n${text}`,
        );
      },
    },
    {
      title: 'an agent rewrites a helper behind an export * barrel: its dependents are the users of that helper only',
      screenshot: 'star-barrel-cleaned-up',
      run: async ({ screenshot }) => {
        // Self-contained: the region is unmarked and the file restored at the end, so a later step sees the workspace as before.
        const line = templateLine(DATES, 'return date.');
        const original = readFileSync(join(demoTemplateDir, DATES), 'utf8').split('\n');
        writeFileSync(join(workspace, DATES), original.map((text, index) => (index === line - 1 ? DATES_AGENT_RETURN : text)).join('\n'));
        await workbench.openFile(DATES);
        await waitUntil(
          'the AI gutter mark on the rewritten line',
          () => workbench.linesWithGutterIcon('gutter-'),
          (numbers) => numbers.includes(line),
        );
        await workbench.goToLine(line);
        // formatDate reaches src/util/index.ts (which only re-exports it), email.ts, orders.ts, routes.ts and server.ts.
        // support/disputes.ts imports formatCents through the same barrel: not a dependent.
        const texts = await waitUntil(
          'the blast-radius annotation',
          () => workbench.decorationTexts(),
          (found) => found.some((text) => /^AI-generated · \d+ dependents?$/.test(text)),
          60_000,
        );
        assert.ok(texts.includes('AI-generated · 5 dependents'), `annotations: ${JSON.stringify(texts)}`);
        const hover = await workbench.hoverAtCursor('Blast radius');
        for (const expected of ['src/util/index.ts', 'src/notifications/email.ts', 'src/orders/orders.ts', 'src/api/routes.ts', 'src/server.ts']) {
          assert.ok(hover.includes(expected), `the hover does not mention ${expected}:\n${hover}`);
        }
        assert.ok(!hover.includes('src/support/disputes.ts'), `the hover lists a file that only uses formatCents through the barrel:\n${hover}`);
        await screenshot('star-barrel');
        await workbench.press('Escape');
        await workbench.runCommand('Select All');
        await workbench.runCommand('AI Provenance: Unmark AI Code in Selection');
        await waitUntil(
          'the AI marks to go',
          () => workbench.linesWithGutterIcon('gutter-'),
          (numbers) => numbers.length === 0,
        );
        git('checkout', '--', DATES);
      },
    },
    insightsStep(workbench, workspace),
    ...reviewerAct(workbench, { authorWorkspace: workspace, refundLines: () => state.refundLines!, openFolder }),
  ];
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
