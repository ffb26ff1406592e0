// Runs `npm ci` when node_modules does not hold what package-lock.json pins.
// npm records what it installed in node_modules/.package-lock.json; comparing the
// two is instant, so an up-to-date install (also one made by `npm install`) is
// used as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from './systemPackages.mjs';

function readPackages(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).packages ?? {};
  } catch {
    return undefined;
  }
}

/**
 * Why node_modules in `root` is not what the lock file pins, or undefined when it
 * is. Optional packages are not compared: npm leaves out those of other platforms.
 */
export function npmPackagesOutdated(root) {
  const locked = readPackages(join(root, 'package-lock.json'));
  if (!locked) throw new SetupError(`${join(root, 'package-lock.json')} is missing or unreadable`);
  const installed = readPackages(join(root, 'node_modules', '.package-lock.json'));
  if (!installed) return 'node_modules is not installed';
  for (const [path, entry] of Object.entries(locked)) {
    if (path === '' || entry.optional) continue;
    const present = installed[path];
    if (!present || present.version !== entry.version || present.resolved !== entry.resolved) return `${path} differs from package-lock.json`;
    if (!existsSync(join(root, path))) return `${path} is missing`;
  }
  return undefined;
}

/** Installs the locked npm packages when needed; returns the reason it did, else undefined. */
export function ensureNpmPackages(root, { env = process.env, log = () => undefined } = {}) {
  const reason = npmPackagesOutdated(root);
  if (!reason) return undefined;
  log(`installing the project's npm packages (npm ci: ${reason})…`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new SetupError(`could not run npm: ${result.error.message}`);
  if (result.status !== 0) throw new SetupError(`npm ci failed (exit code ${result.status}); its output is above`);
  return reason;
}
