// Everything a journey runs on: the demo workspace (a fresh git repository in
// a temporary folder), code-server with the packaged .vsix and the demo
// completion provider installed, and headless chromium showing the workbench.
// dispose() ends them all, whatever state the run is in.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { packageDemoExtension } from '../../scripts/e2e/demoExtension';
import { DEMO_AUTHOR } from '../../scripts/e2e/demoHistory';
import { demoUserSettings } from '../../scripts/e2e/demoSettings';
import { createDemoWorkspace } from '../../scripts/e2e/demoWorkspace';
import { packagedExtensionPath } from '../../scripts/e2e/packagedExtension';
import { launchHeadlessChromium } from '../host/chromium';
import { startCodeServer, type CodeServer } from '../host/codeServer';
import { repoRoot } from '../host/repoRoot';

/** Over the demo's settings: what makes a run readable by a test. */
const testSettings = {
  // The README tab would only cover the first screenshot.
  'workbench.startupEditor': 'none',
  // The DOM renderer keeps the terminal's text in the page, where the test reads it.
  'terminal.integrated.gpuAcceleration': 'off',
  'editor.hover.delay': 300,
};

export const VIEWPORT = { width: 1280, height: 800 } as const;

export interface E2eSession {
  readonly workspace: string;
  readonly server: CodeServer;
  readonly page: Page;
  dispose(): Promise<void>;
}

/** `logsDir` receives the editor's logs (the extension's output channel among them) when the session ends. */
export async function startE2eSession(log: (line: string) => void, logsDir: string): Promise<E2eSession> {
  const root = mkdtempSync(join(tmpdir(), 'ai-provenance-e2e-'));
  const workspace = join(root, 'workspace');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const dispose = async () => {
    await browser?.close().catch(() => undefined);
    const editorLogs = server && join(server.userDataDir, 'logs');
    if (editorLogs && existsSync(editorLogs)) {
      rmSync(logsDir, { recursive: true, force: true });
      cpSync(editorLogs, logsDir, { recursive: true });
    }
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    createDemoWorkspace(workspace, { cliPath: join(repoRoot, 'dist', 'cli.js') });
    // The journey's author is the demo history's, by name: the second act's reviewer is someone else, and the screenshots say who wrote what.
    const gitConfig = (key: string, value: string) => execFileSync('git', ['config', key, value], { cwd: workspace, stdio: 'ignore' });
    gitConfig('user.name', DEMO_AUTHOR.name);
    gitConfig('user.email', DEMO_AUTHOR.email);
    const extensions = [packagedExtensionPath(), await packageDemoExtension(root)];
    log(`installing ${extensions.map((path) => path.split('/').pop()).join(' and ')} into a fresh code-server`);
    server = await startCodeServer({ installExtensions: extensions, userSettings: { ...demoUserSettings, ...testSettings } });
    browser = await launchHeadlessChromium();
    const context = await browser.newContext({ viewport: VIEWPORT });
    // Paste reads the clipboard through the browser's API.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(server.workbenchUrl(workspace));
    return { workspace, server, page, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
