import * as assert from 'node:assert/strict';
import { useTempDir } from '../../support/tempDir';
import { FakeCommands } from './fakeCommands';
import { loadSetupModule, type DebianPackagesModule, type SystemPackagesModule } from './setupModules';

const ROOT = 0;
const USER = 1000;

describe('set-up: Debian packages', () => {
  const tempDir = useTempDir('aip-setup-');
  let setup: SystemPackagesModule;
  let list: DebianPackagesModule;
  before(async () => {
    setup = await loadSetupModule<SystemPackagesModule>('systemPackages');
    list = await loadSetupModule<DebianPackagesModule>('debianPackages');
  });

  it('does nothing when every package is installed', () => {
    const fakes = new FakeCommands(tempDir(), ['dpkg-query', 'apt-get', 'sudo'], ['git', 'chromium']);
    assert.deepEqual(setup.ensureDebianPackages(['git', 'chromium'], { env: fakes.env(), uid: USER }), []);
    assert.deepEqual(fakes.calls(), []);
  });

  it('as root, installs only the missing ones with apt-get itself, non-interactively', () => {
    const fakes = new FakeCommands(tempDir(), ['dpkg-query', 'apt-get', 'sudo'], ['git']);
    const installed = setup.ensureDebianPackages(['git', 'chromium', 'libkrb5-dev'], { env: fakes.env(), uid: ROOT });
    assert.deepEqual(installed, ['chromium', 'libkrb5-dev']);
    assert.deepEqual(fakes.calls(), [
      'apt-get DEBIAN_FRONTEND=noninteractive update -qq',
      'apt-get DEBIAN_FRONTEND=noninteractive install -y -qq chromium libkrb5-dev',
    ]);
    assert.deepEqual(fakes.installed().sort(), ['chromium', 'git', 'libkrb5-dev']);
  });

  it('as another user, installs through sudo -n when that needs no password', () => {
    const fakes = new FakeCommands(tempDir(), ['dpkg-query', 'apt-get', 'sudo']);
    assert.deepEqual(setup.ensureDebianPackages(['git'], { env: fakes.env(), uid: USER }), ['git']);
    assert.deepEqual(fakes.calls(), [
      'sudo -n true',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'apt-get DEBIAN_FRONTEND=noninteractive update -qq',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git',
      'apt-get DEBIAN_FRONTEND=noninteractive install -y -qq git',
    ]);
  });

  for (const [situation, commands, env, command] of [
    [
      'sudo needs a password',
      ['dpkg-query', 'apt-get', 'sudo'],
      { FAKE_SUDO: 'password' },
      'sudo apt-get update && sudo apt-get install -y chromium pkg-config',
    ],
    ['there is no sudo', ['dpkg-query', 'apt-get'], {}, "su -c 'apt-get update && apt-get install -y chromium pkg-config'"],
  ] as const) {
    it(`as another user when ${situation}, stops with the one line to run and installs nothing`, () => {
      const fakes = new FakeCommands(tempDir(), [...commands], ['git']);
      assert.throws(
        () => setup.ensureDebianPackages(['git', 'chromium', 'pkg-config'], { env: fakes.env(env), uid: USER }),
        (error: Error) => error instanceof setup.SetupError && error.message.endsWith(`\n  ${command}`),
      );
      assert.ok(!fakes.calls().some((call) => call.startsWith('apt-get')));
      assert.deepEqual(fakes.installed(), ['git']);
    });
  }

  it('reports a failing apt-get with the command that failed', () => {
    const fakes = new FakeCommands(tempDir(), ['dpkg-query', 'apt-get']);
    assert.throws(
      () => setup.ensureDebianPackages(['chromium'], { env: fakes.env({ FAKE_APT: 'broken' }), uid: ROOT }),
      (error: Error) => error instanceof setup.SetupError && /apt-get update -qq` failed \(exit code 100\)/.test(error.message),
    );
  });

  it('does not trust an apt-get that succeeded without installing', () => {
    const fakes = new FakeCommands(tempDir(), ['dpkg-query', 'apt-get']);
    assert.throws(
      () => setup.ensureDebianPackages(['chromium'], { env: fakes.env({ FAKE_APT: 'inert' }), uid: ROOT }),
      /still not installed: chromium/,
    );
  });

  it('without dpkg-query (not Debian), names the packages to check and goes on', () => {
    const fakes = new FakeCommands(tempDir(), ['apt-get']);
    const messages: string[] = [];
    assert.deepEqual(setup.ensureDebianPackages(['git', 'chromium'], { env: fakes.env(), uid: ROOT, log: (message) => messages.push(message) }), []);
    assert.match(messages.join('\n'), /not Debian or Ubuntu.*git chromium/);
    assert.deepEqual(fakes.calls(), []);
  });

  it('asks for the editor build tools only while the editor is to be built, and for chromium only when none is configured', () => {
    const forStart = list.packagesFor(['start'], {});
    assert.ok(forStart.includes('git') && !forStart.includes('chromium') && !forStart.includes('libkrb5-dev'));
    const forTestAndBuild = list.packagesFor(['test', 'editorBuild'], {});
    for (const name of ['git', 'chromium', 'build-essential', 'python3', 'pkg-config', 'libkrb5-dev'])
      assert.ok(forTestAndBuild.includes(name), name);
    assert.ok(!list.packagesFor(['test'], { AI_PROVENANCE_CHROMIUM: '/opt/chromium/chrome' }).includes('chromium'));
  });
});
