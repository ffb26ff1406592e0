import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchHeadlessChromium } from '../../host/chromium';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { smallHistory } from './support/historyRepo';

/** A table's body rows as arrays of cell texts. */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}-table"[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(html)?.[1];
  assert.ok(table, `no table ${id}`);
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, '')),
  );
}

describe('insights --html: one offline file with charts and data tables (real git, headless chromium)', function () {
  this.timeout(90_000);
  const tempDir = useTempDir();

  it('writes a self-contained page with a strict content security policy and a table behind every chart', async () => {
    const { repo } = await smallHistory(join(tempDir(), 'orders'));
    const file = join(tempDir(), 'insights.html');
    const result = runCli(['insights', '--html', file], { cwd: repo.root });
    assert.equal(result.code, 0, result.stderr);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-[^"]+&#39;;/);
    assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//, 'no remote resource');
    assert.deepEqual(tableRows(html, 'weekly-share'), [
      ['2026-01-05', '1', '4', '0', '0.0%', '—', '—'],
      ['2026-01-12', '2', '9', '7', '77.8%', '100.0%', '100.0%'],
    ]);
    assert.deepEqual(tableRows(html, 'review-by-class'), [
      ['auth', '4', '4', '100.0%', '4', '0', '0'],
      ['payments', '3', '3', '100.0%', '0', '0', '3'],
      ['not load-bearing', '6', '0', '0.0%', '0', '0', '0'],
    ]);
    assert.deepEqual(tableRows(html, 'top-files'), [['src/payments/charge.ts', 'payments', '3', 'unknown', '1.00', '3.0']]);
    assert.deepEqual(tableRows(html, 'origins-tools'), [
      ['claude-code', '4'],
      ['copilot', '3'],
    ]);
    assert.match(html, /Time from commit to sign-off: no sign-offs recorded \(refs\/notes\/ai-provenance-signoffs is empty\)\./);

    const browser = await launchHeadlessChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        if (request.url() !== pathToFileURL(file).href) requests.push(request.url());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction('document.body.dataset.chartsDrawn !== undefined');
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, [], 'the page makes no request');
      // Four charts (no latency chart without sign-offs), each an SVG with bars or lines.
      assert.equal(await page.evaluate('document.body.dataset.chartsDrawn'), '4');
      for (const id of ['weekly-share', 'review-by-class', 'top-files', 'origins']) {
        assert.ok((await page.locator(`#${id}-chart svg path`).count()) > 3, `${id} is drawn`);
      }
      // The tables are hidden from sight, not from screen readers, until asked for.
      const hidden = await page.locator('#weekly-share .tables').boundingBox();
      assert.ok(hidden && hidden.width <= 1);
      await page.getByRole('button', { name: 'Show data tables' }).click();
      assert.ok(((await page.locator('#weekly-share .tables').boundingBox())?.width ?? 0) > 100);
      assert.equal(await page.getByRole('table', { name: 'AI lines per class and their review' }).count(), 1);
    } finally {
      await browser.close();
    }
  });
});
