// Starts and stops a throw-away code-server: a real VS Code server whose
// workbench runs in a browser and whose Node extension host runs our extension.
// Used by the integration test runner, end-to-end tests and `npm start`.
//
// Each server gets fresh temporary user-data and extensions folders (editor
// state such as hot-exit backups would otherwise leak between runs), listens on
// 127.0.0.1 (at a port the OS picks unless told), and runs in its own process
// group so that stop() also ends the extension host and the other processes it
// forks.
//
//   const server = await startCodeServer({ installExtensions: [vsix] });
//   await page.goto(server.workbenchUrl(workspaceFolder));
//   ...
//   await server.stop();
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateEditor, type EditorInstall } from './editorInstall';
import { quietUserSettings, type WorkspaceTrust } from './quietSettings';

export interface CodeServerOptions {
  /** A fixed port on 127.0.0.1 (e.g. for `npm start`); by default the OS picks a free one. */
  port?: number;
  /** 'disabled' (default) passes --disable-workspace-trust; 'enabled' opens workspaces in Restricted Mode. */
  workspaceTrust?: WorkspaceTrust;
  /** .vsix files (or extension ids) installed into the fresh extensions folder before the server starts. */
  installExtensions?: string[];
  /** Merged over the quiet defaults in the user's settings.json. */
  userSettings?: Record<string, unknown>;
  /** Added to the server's environment, which its extension host inherits. */
  env?: NodeJS.ProcessEnv;
  /** Each line code-server prints; by default they are kept and shown only if it fails to start. */
  onOutput?: (line: string) => void;
  /** How long to wait for the server to listen. */
  startTimeoutMs?: number;
  /** The installed editor to run; found by locateEditor() when omitted. */
  editor?: EditorInstall;
}

export interface CodeServer {
  /** http://127.0.0.1:PORT/ */
  readonly url: string;
  readonly port: number;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** The URI the workbench uses for a path on the server (extension development and tests paths). */
  remoteUri(absolutePath: string): string;
  /**
   * The workbench URL opening `folder`. `payload` entries reach the workbench's
   * development options (extensionDevelopmentPath, extensionTestsPath,
   * extensionEnvironment, ...); they are honoured because the server runs with
   * the smoke-test driver enabled.
   */
  workbenchUrl(folder?: string, payload?: ReadonlyArray<readonly [string, string]>): string;
  /** Resolves with the exit code when the server process ends, however it ends. */
  readonly exited: Promise<number | null>;
  /** Ends the whole process group and removes the temporary folders; safe to call twice. */
  stop(): Promise<void>;
}

const listeningLine = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+)\/)/;

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const editor = options.editor ?? locateEditor();
  const workspaceTrust = options.workspaceTrust ?? 'disabled';
  const root = mkdtempSync(join(tmpdir(), 'ai-provenance-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  // An explicit config file: without one code-server writes ~/.config/code-server/config.yaml.
  const configFile = join(root, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir);
  writeFileSync(configFile, '');
  const settings = { ...quietUserSettings(workspaceTrust), ...options.userSettings };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);

  const commonArgs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const env = serverEnvironment(options.env);
  try {
    for (const extension of options.installExtensions ?? []) installExtension(editor, commonArgs, env, extension);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  const args = [
    editor.codeServerEntry,
    ...commonArgs,
    '--bind-addr',
    `127.0.0.1:${options.port ?? 0}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--ignore-last-opened',
    '--vscode-option',
    'enable-smoke-test-driver',
    ...(workspaceTrust === 'disabled' ? ['--disable-workspace-trust'] : []),
  ];
  const child = spawn(editor.nodeBinary, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const cleanUpOnExit = () => killGroupNow(child, root);
  process.on('exit', cleanUpOnExit);
  exitOnTerminalSignals();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', cleanUpOnExit);
    await endProcessGroup(child, exited);
    rmSync(root, { recursive: true, force: true });
  };

  try {
    const { url, port } = await waitUntilListening(child, exited, options);
    return {
      url,
      port,
      userDataDir,
      extensionsDir,
      exited,
      stop,
      remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${port}${encodeURI(absolutePath)}`,
      workbenchUrl: (folder, payload) => {
        const query = new URLSearchParams();
        if (folder) query.set('folder', folder);
        if (payload && payload.length > 0) query.set('payload', JSON.stringify(payload));
        const search = query.toString();
        return search ? `${url}?${search}` : url;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The caller's environment minus what would reconfigure code-server behind our
 * back (PORT overrides --bind-addr; PASSWORD, GITHUB_TOKEN) or carry npm's
 * per-script settings into the extension host.
 */
function serverEnvironment(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|PORT$|PASSWORD$|HASHED_PASSWORD$|GITHUB_TOKEN$|VSCODE_|CODE_SERVER_)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function installExtension(editor: EditorInstall, commonArgs: string[], env: NodeJS.ProcessEnv, extension: string): void {
  const result = spawnSync(editor.nodeBinary, [editor.codeServerEntry, ...commonArgs, '--install-extension', extension, '--force'], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() || String(result.error ?? result.signal);
    throw new Error(`code-server could not install the extension ${extension}:\n${output}`);
  }
}

function waitUntilListening(child: ChildProcess, exited: Promise<number | null>, options: CodeServerOptions): Promise<{ url: string; port: number }> {
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const earlyOutput: string[] = [];
  return new Promise((resolve, reject) => {
    let listening = false;
    const onLine = (line: string) => {
      if (options.onOutput) options.onOutput(line);
      else if (!listening) earlyOutput.push(line);
      const match = listening ? null : listeningLine.exec(line);
      if (match) {
        listening = true;
        clearTimeout(timer);
        resolve({ url: match[1]!, port: Number(match[2]) });
      }
    };
    forEachLine(child.stdout!, onLine);
    forEachLine(child.stderr!, onLine);
    const explain = (what: string) => `${what}\n${earlyOutput.map((line) => `  | ${line}`).join('\n')}`;
    const timer = setTimeout(() => reject(new Error(explain(`code-server did not listen within ${timeoutMs / 1000} s.`))), timeoutMs);
    child.on('error', (error) => reject(new Error(`could not start code-server: ${error.message}`)));
    void exited.then((code) => {
      clearTimeout(timer);
      if (!listening) reject(new Error(explain(`code-server exited with code ${code} before listening.`)));
    });
  });
}

function forEachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) onLine(line.trimEnd());
  });
  stream.on('end', () => pending && onLine(pending));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGTERM lets code-server shut its extension host down; SIGKILL whatever is left after 5 s. */
async function endProcessGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.pid === undefined) return;
  signalGroup(child, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(5_000).then(() => true)]);
  // Children of the server (extension host, file watcher, pty host) may outlive it: end them too.
  signalGroup(child, 'SIGKILL');
  if (timedOut) await exited;
}

/** The synchronous last resort when the caller's process exits without stop(). */
function killGroupNow(child: ChildProcess, root: string): void {
  signalGroup(child, 'SIGKILL');
  rmSync(root, { recursive: true, force: true });
}

/**
 * The server runs in its own process group, which a terminal's Ctrl-C does not
 * reach; Node's default reaction to the signal skips 'exit' handlers. Turning
 * the signal into process.exit() runs them, so no server is left behind. Only
 * when the caller has no handler of its own for that signal.
 */
function exitOnTerminalSignals(): void {
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const) {
    if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(128 + number));
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
