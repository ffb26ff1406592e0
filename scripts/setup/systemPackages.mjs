// Installs the missing Debian packages: as root with apt-get itself, otherwise
// with `sudo -n` when that works without a password, otherwise it stops with the
// one line to run. Every package manager call goes through a process (dpkg-query,
// apt-get, sudo, found on PATH), which is where the unit tests fake them.
import { spawnSync } from 'node:child_process';

export class SetupError extends Error {}

/**
 * The names dpkg does not report as installed, or undefined when there is no
 * dpkg-query (not a Debian-based system: nothing can be checked or installed).
 */
export function missingPackages(names, env = process.env) {
  if (names.length === 0) return [];
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...names], { env, encoding: 'utf8' });
  if (result.error) {
    if (result.error.code === 'ENOENT') return undefined;
    throw new SetupError(`could not run dpkg-query: ${result.error.message}`);
  }
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  return names.filter((name) => !installed.has(name));
}

/** The command a person runs when this script may not install the packages itself. */
export function manualInstallCommand(names, { hasSudo = true } = {}) {
  const install = `apt-get install -y ${names.join(' ')}`;
  return hasSudo ? `sudo apt-get update && sudo ${install}` : `su -c 'apt-get update && ${install}'`;
}

function run(command, args, env) {
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new SetupError(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new SetupError(`\`${command} ${args.join(' ')}\` failed (${result.signal ?? `exit code ${result.status}`})`);
}

/**
 * How apt-get can be run here: directly as root, or through `sudo -n` when that
 * works without a password; else why it cannot.
 */
function aptRunner(uid, env) {
  const apt = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  if (uid === 0) return { command: apt[0], prefix: apt.slice(1) };
  const sudo = spawnSync('sudo', ['-n', 'true'], { env, stdio: 'ignore' });
  if (sudo.error) return { refusal: 'this is not root and there is no sudo', hasSudo: false };
  if (sudo.status !== 0) return { refusal: 'this is not root and `sudo -n` needs a password', hasSudo: true };
  return { command: 'sudo', prefix: ['-n', ...apt] };
}

/**
 * Makes sure the named packages are installed. Returns what it installed;
 * throws SetupError with the exact command to run when it cannot install them.
 *
 * @param {string[]} names
 * @param {{ env?: NodeJS.ProcessEnv, uid?: number, log?: (message: string) => void }} [options]
 */
export function ensureDebianPackages(names, { env = process.env, uid = process.getuid?.() ?? -1, log = () => undefined } = {}) {
  const missing = missingPackages(names, env);
  if (missing === undefined) {
    log(`no dpkg-query here (not Debian or Ubuntu): make sure these are installed: ${names.join(' ')}`);
    return [];
  }
  if (missing.length === 0) return [];

  const runner = aptRunner(uid, env);
  if (runner.refusal) {
    throw new SetupError(
      `missing Debian packages: ${missing.join(' ')}; ${runner.refusal}. Run this, then start again:\n  ${manualInstallCommand(missing, runner)}`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}${runner.command === 'sudo' ? ' (with sudo)' : ''}…`);
  run(runner.command, [...runner.prefix, 'update', '-qq'], env);
  run(runner.command, [...runner.prefix, 'install', '-y', '-qq', ...missing], env);

  const stillMissing = missingPackages(missing, env) ?? [];
  if (stillMissing.length > 0) throw new SetupError(`apt-get finished but these are still not installed: ${stillMissing.join(' ')}`);
  return missing;
}
