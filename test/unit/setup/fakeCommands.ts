// Fake package-manager commands (dpkg-query, apt-get, sudo, npm) as executables in
// a temporary bin folder that is the whole PATH of the code under test: the
// set-up scripts run real processes, and only what those processes do is fake.
// Each fake appends its name and arguments to calls.log; dpkg-query and apt-get
// share the list of "installed" packages in a file.
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type FakeCommand = 'dpkg-query' | 'apt-get' | 'sudo' | 'npm';

const scripts: Record<FakeCommand, string> = {
  // Prints the status line of each installed package asked for; exits 1 when one is unknown.
  'dpkg-query': `status=0
for name in "$@"; do
  case "$name" in -*) continue ;; esac
  found=no
  while IFS= read -r line; do [ "$line" = "$name" ] && found=yes; done < "$FAKE_STATE/installed"
  if [ $found = yes ]; then echo "$name install ok installed"; else echo "dpkg-query: no packages found matching $name" >&2; status=1; fi
done
exit $status`,
  // "Installs" by adding the names to the installed list, unless FAKE_APT is broken or inert.
  'apt-get': `echo "apt-get DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> "$FAKE_STATE/calls.log"
[ "$FAKE_APT" = broken ] && exit 100
[ "$1" = install ] || exit 0
for name in "$@"; do
  case "$name" in install|-*) ;; *) [ "$FAKE_APT" = inert ] || echo "$name" >> "$FAKE_STATE/installed" ;; esac
done`,
  // Runs its command, unless FAKE_SUDO=password (then -n fails as real sudo does).
  sudo: `echo "sudo $*" >> "$FAKE_STATE/calls.log"
[ "$1" = -n ] || exit 1
if [ "$FAKE_SUDO" = password ]; then echo "sudo: a password is required" >&2; exit 1; fi
shift
exec "$@"`,
  npm: `echo "npm $*" >> "$FAKE_STATE/calls.log"
[ "$FAKE_NPM" = broken ] && exit 1
exit 0`,
};

export class FakeCommands {
  readonly bin: string;
  private readonly state: string;

  constructor(dir: string, commands: FakeCommand[], installed: string[] = []) {
    this.bin = join(dir, 'bin');
    this.state = join(dir, 'state');
    mkdirSync(this.bin);
    mkdirSync(this.state);
    writeFileSync(join(this.state, 'installed'), installed.map((name) => `${name}\n`).join(''));
    writeFileSync(join(this.state, 'calls.log'), '');
    // The real `env` (the code under test puts it in front of apt-get) and `true` (sudo -n true).
    for (const real of ['env', 'true']) symlinkSync(`/usr/bin/${real}`, join(this.bin, real));
    for (const command of commands) {
      const file = join(this.bin, command);
      writeFileSync(file, `#!/bin/sh\n${scripts[command]}\n`);
      chmodSync(file, 0o755);
    }
  }

  /** An environment whose PATH holds only the fakes. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return { PATH: this.bin, FAKE_STATE: this.state, ...extra };
  }

  calls(): string[] {
    return readFileSync(join(this.state, 'calls.log'), 'utf8').split('\n').filter(Boolean);
  }

  installed(): string[] {
    const file = join(this.state, 'installed');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  }

  markInstalled(name: string): void {
    appendFileSync(join(this.state, 'installed'), `${name}\n`);
  }
}
