// Launches Debian's chromium headless through playwright-core, the browser that
// loads code-server's workbench (Playwright's own browser download is not
// possible here). Shared by the integration runner and end-to-end tests.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.AI_PROVENANCE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Without these, chromium tries to reach Google's services at startup and, on a
 * closed network, its connections (including to 127.0.0.1) get refused. Running
 * as root needs --no-sandbox. Playwright gives every launch a fresh profile.
 */
const closedNetworkFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export async function launchHeadlessChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No chromium at ${chromiumPath}. Install Debian's: apt-get install -y chromium` +
        ' (or point AI_PROVENANCE_CHROMIUM at another Chromium binary).',
    );
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: closedNetworkFlags });
}
