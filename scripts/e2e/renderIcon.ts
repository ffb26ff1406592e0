// Renders media/source/icon.svg into media/icon.png (128x128, the Marketplace's
// size) with the headless chromium the end-to-end tests use, so the PNG is
// reproducible from its source:
//
//   npm run compile-tests && node out/scripts/e2e/renderIcon.js
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchHeadlessChromium } from '../../test/host/chromium';
import { repoRoot } from '../../test/host/repoRoot';

const SIZE = 128;

async function renderIcon(): Promise<void> {
  const svg = readFileSync(join(repoRoot, 'media', 'source', 'icon.svg'), 'utf8');
  const browser = await launchHeadlessChromium();
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(join(repoRoot, 'media', 'icon.png'), png);
    console.log(`media/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
  } finally {
    await browser.close();
  }
}

renderIcon().catch((error: unknown) => {
  console.error(`renderIcon: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
