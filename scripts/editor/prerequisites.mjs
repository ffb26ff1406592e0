// The system tools code-server's postinstall needs to build its native modules
// (kerberos, node-gyp builds), named by the Debian packages that provide them,
// so a missing one fails in a second with the apt-get line instead of minutes
// later with a node-gyp stack trace.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Each check: what is looked for, how, and the Debian package that provides it. */
const checks = [
  { what: 'make', found: () => hasCommand('make'), aptPackage: 'build-essential' },
  { what: 'g++', found: () => hasCommand('g++'), aptPackage: 'build-essential' },
  { what: 'python3 (node-gyp)', found: () => hasCommand('python3'), aptPackage: 'python3' },
  { what: 'pkg-config', found: () => hasCommand('pkg-config'), aptPackage: 'pkg-config' },
  {
    what: 'Kerberos headers (gssapi/gssapi.h, for the kerberos module)',
    found: () => hasCommand('krb5-config') || existsSync('/usr/include/gssapi/gssapi.h'),
    aptPackage: 'libkrb5-dev',
  },
];

/** The missing build prerequisites; empty when all are present. */
export function missingBuildPrerequisites() {
  return checks.filter((check) => !check.found());
}

export function aptInstallHint(missing) {
  const packages = [...new Set(missing.map((check) => check.aptPackage))];
  return `apt-get update && apt-get install -y ${packages.join(' ')}`;
}

/** Hints for a failed build, from lines the log is known to contain for each cause. */
export function diagnoseBuildLog(log) {
  const hints = [];
  if (/gssapi\/gssapi\.h|krb5-config/.test(log)) hints.push('Kerberos headers are missing: apt-get install -y libkrb5-dev');
  if (/gyp ERR! find Python|python3?: not found/.test(log)) hints.push('Python is missing: apt-get install -y python3');
  if (/make: not found|g\+\+: not found|not found: make/.test(log)) hints.push('A compiler is missing: apt-get install -y build-essential');
  if (/currently requires node v24/.test(log))
    hints.push('The postinstall did not run under Node 24 (npm_config_user_agent); this is a bug in install.mjs');
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(log))
    hints.push('The npm registry could not be reached: check the network / registry config (npm config get registry)');
  return hints;
}
