// Runs extension tests in code-server's real Node extension host. Same contract
// as @vscode/test-electron's runTests (extensionDevelopmentPath,
// extensionTestsPath, extensionTestsEnv, launchArgs[0] = the folder to open;
// resolves 0, rejects with a TestRunFailedError carrying the exit code), but the
// editor is code-server with its workbench in headless chromium.
//
// The workbench takes extension development options from the `payload` URL
// parameter (the mechanism VS Code's own browser integration tests use). When
// the test module has finished, it reports the extension host's exit code
// through window.codeAutomationExit, and its log service (which carries the
// extension host's console) writes through window.codeAutomationLog: both are
// functions we expose to the page.
import { format } from 'node:util';
import type { Page } from 'playwright-core';
import { launchHeadlessChromium } from './chromium';
import { startCodeServer, type CodeServer } from './codeServer';
import type { EditorOutput } from './outputFilter';
import type { WorkspaceTrust } from './quietSettings';

export interface CodeServerTestOptions {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  extensionTestsEnv?: Record<string, string | undefined>;
  /** launchArgs[0]: the folder to open, as with test-electron. */
  launchArgs?: string[];
  /** For the whole run, from starting the server to the tests' exit. */
  timeoutMs?: number;
  /** Everything the workbench logs; by default printed to stdout. */
  onOutput?: (output: EditorOutput) => void;
  /** `enabled`: the folder opens untrusted, in Restricted Mode. Default `disabled` (everything trusted). */
  workspaceTrust?: WorkspaceTrust;
}

export class TestRunFailedError extends Error {
  constructor(
    readonly code: number | undefined,
    reason: string,
  ) {
    super(reason);
    this.name = 'TestRunFailedError';
  }
}

const printEverything = ({ source, level, text }: EditorOutput) => process.stdout.write(`[${source} ${level}] ${text}\n`);

export async function runTestsInCodeServer(options: CodeServerTestOptions): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const resources = new Resources();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    const reason = `The integration tests did not finish within ${timeoutMs / 1000} s.`;
    timer = setTimeout(() => reject(new TestRunFailedError(undefined, reason)), timeoutMs);
  });

  const run = async (): Promise<number> => {
    const server = resources.keep(await startCodeServer({ workspaceTrust: options.workspaceTrust ?? 'disabled' }), (it) => it.stop());
    const browser = resources.keep(await launchHeadlessChromium(), (it) => it.close());
    const exitCode = await openWorkbenchWithTests(await browser.newPage(), server, options);
    if (exitCode !== 0) throw new TestRunFailedError(exitCode, `The integration tests failed (extension host exit code ${exitCode}).`);
    return 0;
  };

  try {
    return await Promise.race([run(), timedOut]);
  } finally {
    clearTimeout(timer);
    // Also ends a run that timed out: its page and server go away under it.
    await resources.release();
  }
}

/**
 * What a run has started, released in reverse order. A resource that arrives
 * after release() (a server still starting when the run timed out) is released
 * at once, so nothing outlives the run.
 */
class Resources {
  private readonly releases: Array<() => Promise<void>> = [];
  private released = false;

  keep<T>(resource: T, release: (resource: T) => Promise<void>): T {
    const releaseQuietly = () => release(resource).catch(() => undefined);
    if (this.released) {
      void releaseQuietly();
      throw new TestRunFailedError(undefined, 'The run ended while the editor was starting.');
    }
    this.releases.unshift(releaseQuietly);
    return resource;
  }

  async release(): Promise<void> {
    this.released = true;
    for (const release of this.releases.splice(0)) await release();
  }
}

/** Opens the workbench on the folder with the tests in its payload; resolves with the tests' exit code. */
async function openWorkbenchWithTests(page: Page, server: CodeServer, options: CodeServerTestOptions): Promise<number> {
  const onOutput = options.onOutput ?? printEverything;
  let resolveExit!: (code: number) => void;
  const testsExited = new Promise<number>((resolve) => (resolveExit = resolve));
  // The log service passes console-style arguments: a format string and its values.
  await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
    onOutput({ source: 'workbench', level, text: Array.isArray(args) ? format(...args) : String(args) });
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  page.on('console', (message) => onOutput({ source: 'console', level: message.type(), text: message.text() }));
  page.on('pageerror', (error) => onOutput({ source: 'page-error', level: 'error', text: error.stack ?? error.message }));

  const payload: Array<[string, string]> = [
    ['extensionDevelopmentPath', server.remoteUri(options.extensionDevelopmentPath)],
    ['extensionTestsPath', server.remoteUri(options.extensionTestsPath)],
    ['extensionEnvironment', JSON.stringify(options.extensionTestsEnv ?? {})],
  ];
  // No navigation timeout of its own: the run's timeout covers it.
  await page.goto(server.workbenchUrl(options.launchArgs?.[0], payload), { timeout: 0 });
  const serverExited = server.exited.then((code) => {
    throw new TestRunFailedError(undefined, `code-server exited (code ${code}) before the tests finished.`);
  });
  const pageCrashed = new Promise<never>((_, reject) => {
    page.once('crash', () => reject(new TestRunFailedError(undefined, 'The workbench page crashed before the tests finished.')));
  });
  return Promise.race([testsExited, serverExited, pageCrashed]);
}
