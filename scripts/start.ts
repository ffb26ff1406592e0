// `npm start`, after scripts/start.sh has installed, built and packaged
// everything: a fresh demo workspace in .demo/workspace, and a real VS Code
// (code-server) on 127.0.0.1 with AI Provenance installed from its .vsix and
// the demo completion provider next to it. Runs until Ctrl-C.
//
//   npm start [-- --port <port>] [-- --verbose]
//   AI_PROVENANCE_DEMO_PORT=<port> npm start
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer, type CodeServer } from '../test/host/codeServer';
import { EditorNotInstalledError } from '../test/host/editorInstall';
import { repoRoot } from '../test/host/repoRoot';
import { packageDemoExtension } from './e2e/demoExtension';
import { demoUserSettings } from './e2e/demoSettings';
import { createDemoWorkspace } from './e2e/demoWorkspace';
import { packagedExtensionPath } from './e2e/packagedExtension';

const DEFAULT_PORT = 8080;
const workspacePath = join(repoRoot, '.demo', 'workspace');

class UsageError extends Error {}

interface StartOptions {
  port: number;
  verbose: boolean;
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): StartOptions {
  let port = env.AI_PROVENANCE_DEMO_PORT ? Number(env.AI_PROVENANCE_DEMO_PORT) : DEFAULT_PORT;
  let verbose = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--verbose') verbose = true;
    else if (argument === '--port') port = Number(argv[++index]);
    else if (argument?.startsWith('--port=')) port = Number(argument.slice('--port='.length));
    else throw new UsageError(`unknown option ${argument}; usage: npm start [-- --port <port>] [-- --verbose]`);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`the port must be a number from 1 to 65535, not "${port}"`);
  return { port, verbose };
}

/** code-server would only say it exited; this says why and what to do. */
function ensurePortIsFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const inUse = error.code === 'EADDRINUSE';
      reject(
        new UsageError(
          inUse
            ? `port ${port} on 127.0.0.1 is in use (another \`npm start\`?); choose another: npm start -- --port ${port + 1}`
            : `cannot listen on 127.0.0.1:${port}: ${error.message}`,
        ),
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function say(message: string): void {
  console.log(`[start] ${message}`);
}

async function start(options: StartOptions): Promise<CodeServer> {
  await ensurePortIsFree(options.port);
  say(`demo workspace: ${workspacePath} (a fresh git repository, replaced at each start)`);
  createDemoWorkspace(workspacePath, { cliPath: join(repoRoot, 'dist', 'cli.js') });

  const vsixDir = mkdtempSync(join(tmpdir(), 'ai-provenance-demo-vsix-'));
  try {
    const extensions = [packagedExtensionPath(), await packageDemoExtension(vsixDir)];
    say('starting the editor (code-server) with AI Provenance and Demo Completions installed…');
    return await startCodeServer({
      port: options.port,
      installExtensions: extensions,
      userSettings: demoUserSettings,
      onOutput: options.verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
    });
  } finally {
    rmSync(vsixDir, { recursive: true, force: true });
  }
}

function printWelcome(server: CodeServer): void {
  const url = server.workbenchUrl(workspacePath);
  console.log(`
  AI Provenance demo is running. Open in your browser:

    ${url}

  Then, in the demo workspace (its README.md says more):
    1. src/payments/refund.ts: at the end, type  function assertRefundable(  and press Tab
    2. src/auth/session.ts: in isExpired, type  return  and press Ctrl+Right a few times
    3. in the terminal:  printf 'export const RETRY_LIMIT = 3;\\nexport const RETRY_DELAY_MS = 250;\\n' > src/orders/retry.ts
    4. watch the status bar (AI risk: …), the AI Regions view (shield icon), hover the new code
    5. commit in Source Control, then in the terminal:  git log -1

  Ctrl-C stops the editor (the workspace stays in .demo/workspace until the next start).
`);
}

/** Set once a signal began stopping the editor. */
let stopping = false;

/**
 * Ctrl-C stops the editor gracefully (the server runs in its own process
 * group, which the terminal's signal does not reach). Installed before the
 * server starts: then code-server's own last-resort handler stays out, and a
 * Ctrl-C during start-up exits at once (its exit hook ends what was started).
 */
function stopOnSignals(running: () => CodeServer | undefined): void {
  const stop = (signal: NodeJS.Signals) => {
    const exitCode = signal === 'SIGINT' ? 130 : 143;
    const server = running();
    if (!server) process.exit(exitCode);
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the editor…`);
    void server.stop().then(() => process.exit(exitCode));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  // Signals may come before the server exists: the handler reads it from here.
  const running: { server?: CodeServer } = {};
  stopOnSignals(() => running.server);
  const server = await start(options);
  running.server = server;
  printWelcome(server);
  const code = await server.exited;
  if (stopping) return new Promise<never>(() => undefined); // the signal handler exits
  say(`the editor exited unexpectedly (code ${code}); rerun with --verbose to see its output.`);
  await server.stop();
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof EditorNotInstalledError;
    const text = error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error);
    console.error(`[start] ${text}`);
    process.exit(1);
  },
);
