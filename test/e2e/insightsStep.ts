// The Insights view in the real editor, on the demo repository's history
// (scripts/e2e/demoHistory.ts, with its sign-offs): the charts are drawn,
// their tables hold the numbers the history implies, and a file name opens the file. Self-contained:
// it can run after any other step.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { weekOf } from '../../src/core/insights/weeks';
import { DEMO_HISTORY } from '../../scripts/e2e/demoHistory';
import { demoTemplateDir } from '../../scripts/e2e/demoWorkspace';
import type { Step } from './steps';
import { waitUntil, type Workbench } from './workbench';

function nonBlank(text: string): number {
  return text.split('\n').filter((line) => line.trim() !== '').length;
}

/**
 * The weekly table's rows for the history's weeks, worked out from the
 * template's files and the history's spec (not from our own code): every
 * file a history commit adds is new, so all its non-blank lines are added.
 */
function expectedWeeks(workspace: string): string[][] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, encoding: 'utf8' });
  const shas = git('log', '--reverse', '--format=%H').trim().split('\n').slice(0, DEMO_HISTORY.length);
  const weeks = new Map<string, { commits: number; added: number; ai: number }>();
  DEMO_HISTORY.forEach((commit, index) => {
    const files = git('show', '--name-only', '--format=', shas[index]).trim().split('\n');
    const added = files.reduce((sum, file) => sum + nonBlank(readFileSync(join(demoTemplateDir, file), 'utf8')), 0);
    const ai = commit.ai.reduce((sum, part) => {
      const lines = readFileSync(join(demoTemplateDir, part.file), 'utf8')
        .split('\n')
        .slice(part.lines[0] - 1, part.lines[1]);
      return sum + nonBlank(lines.join('\n'));
    }, 0);
    const week = weeks.get(weekOf(commit.date)) ?? { commits: 0, added: 0, ai: 0 };
    weeks.set(weekOf(commit.date), { commits: week.commits + 1, added: week.added + added, ai: week.ai + ai });
  });
  return [...weeks].map(([week, { commits, added, ai }]) => [
    week,
    String(commits),
    added.toLocaleString('en-US'),
    ai.toLocaleString('en-US'),
    `${((ai / added) * 100).toFixed(1)}%`,
  ]);
}

function commitCount(workspace: string): number {
  return Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: workspace, encoding: 'utf8' }).trim());
}

/** Signed-off commits of the history per latency bucket (commit to sign-off), as docs/INSIGHTS.md defines the buckets. */
function expectedLatency(): Map<string, number> {
  const buckets: [string, number][] = [
    ['< 1 h', 1],
    ['1–4 h', 4],
    ['4–24 h', 24],
    ['1–3 days', 72],
    ['3–7 days', 168],
    ['> 7 days', Infinity],
  ];
  const counts = new Map(buckets.map(([label]) => [label, 0]));
  for (const commit of DEMO_HISTORY) {
    if (!commit.signOff) continue;
    const hours = (Date.parse(commit.signOff.at) - Date.parse(commit.date)) / 3_600_000;
    const label = buckets.find(([, max]) => hours < max)![0];
    counts.set(label, counts.get(label)! + 1);
  }
  return counts;
}

/** The frame of the Insights webview, once its charts are drawn. */
async function insightsFrame(workbench: Workbench): Promise<Frame> {
  return waitUntil(
    'the Insights view with its charts drawn',
    async () => {
      for (const frame of workbench.page.frames()) {
        const drawn = await frame.evaluate('document.body && document.body.dataset.chartsDrawn').catch(() => undefined);
        if (drawn) return frame;
      }
      return undefined;
    },
    (frame) => frame !== undefined,
    60_000,
  ) as Promise<Frame>;
}

async function tableRows(frame: Frame, id: string): Promise<string[][]> {
  const rows = frame.locator(`#${id}-table tbody tr`);
  const result: string[][] = [];
  for (let index = 0; index < (await rows.count()); index++) {
    result.push((await rows.nth(index).locator('th, td').allTextContents()).map((text) => text.trim()));
  }
  return result;
}

export function insightsStep(workbench: Workbench, workspace: string): Step {
  return {
    title: 'the Insights view charts the demo history; its tables hold the expected numbers; a file name opens the file',
    screenshot: 'insights',
    run: async ({ screenshot }) => {
      await workbench.runCommand('AI Provenance: Show Insights');
      await workbench.page.locator('.tabs-container .tab.active', { hasText: 'AI Provenance: Insights' }).waitFor();
      const frame = await insightsFrame(workbench);
      assert.equal(await frame.evaluate('document.body.dataset.chartsDrawn'), '5', 'five charts');
      for (const id of ['weekly-share', 'review-by-class', 'top-files', 'origins', 'review-latency']) {
        assert.ok((await frame.locator(`#${id}-chart svg path`).count()) > 3, `the ${id} chart is drawn`);
      }
      // The history's weeks come first; commits made later in the journey fall in later weeks.
      const expected = expectedWeeks(workspace);
      const weekly = await tableRows(frame, 'weekly-share');
      assert.deepEqual(
        weekly.slice(0, expected.length).map((row) => row.slice(0, 5)),
        expected,
      );
      // Files with AI lines that were neither reviewed before their commit nor signed off since.
      const unreviewed = DEMO_HISTORY.flatMap((commit) =>
        commit.ai.filter((part) => !part.reviewed && !commit.signOff?.files.includes(part.file)).map((part) => part.file),
      );
      const files = (await tableRows(frame, 'top-files')).map((row) => row[0]);
      for (const file of unreviewed) assert.ok(files.includes(file), `${file} is not among the top files: ${JSON.stringify(files)}`);
      // A signed-off file is listed again only when a commit made after the history (earlier in the journey) added to it.
      const later = execFileSync('git', ['log', '--format=', '--name-only', `HEAD~${commitCount(workspace) - DEMO_HISTORY.length}..HEAD`], {
        cwd: workspace,
        encoding: 'utf8',
      }).split('\n');
      for (const commit of DEMO_HISTORY) {
        for (const file of commit.signOff?.files ?? [])
          assert.ok(!files.includes(file) || later.includes(file), `${file} was signed off: ${JSON.stringify(files)}`);
      }
      const tools = (await tableRows(frame, 'origins-tools')).map((row) => row[0]);
      for (const tool of ['claude-code', 'copilot', 'copilot-chat'])
        assert.ok(tools.includes(tool), `${tool} is not among the tools: ${JSON.stringify(tools)}`);
      // The history's sign-offs (later steps may add more, never fewer).
      const latency = new Map((await tableRows(frame, 'review-latency')).map(([label, commits]) => [label, Number(commits)]));
      for (const [label, commits] of expectedLatency())
        assert.ok((latency.get(label) ?? -1) >= commits, `latency ${label}: ${latency.get(label)} commits, expected at least ${commits}`);
      const signedOff = (await tableRows(frame, 'review-by-class')).find((row) => row[0] === 'payments');
      assert.ok(signedOff && Number(signedOff[5]) > 0, `no signed-off payments lines: ${JSON.stringify(signedOff)}`);
      // Room for the charts in the screenshot the README shows.
      await workbench.runCommand('View: Hide Panel');
      await workbench.runCommand('View: Close Primary Side Bar');
      await screenshot('insights-view');
      // A file name in the top files table opens the file.
      await frame.locator('#top-files-table a.open-file', { hasText: 'src/orders/orders.ts' }).click();
      await workbench.page.locator('.tabs-container .tab.active', { hasText: 'orders.ts' }).waitFor();
    },
  };
}
