import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '../../support/tempDir';
import { FakeCommands } from './fakeCommands';
import { loadSetupModule, type NpmPackagesModule } from './setupModules';

type Packages = Record<string, { version: string; resolved?: string; optional?: boolean }>;

/** A project whose package-lock.json pins `locked`; node_modules holds `installed` (or is absent). */
function project(root: string, locked: Packages, installed?: Packages): string {
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ packages: { '': { name: 'p' }, ...locked } }));
  if (installed) {
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: installed }));
    for (const path of Object.keys(installed)) mkdirSync(join(root, path), { recursive: true });
  }
  return root;
}

const esbuild = { 'node_modules/esbuild': { version: '0.28.2', resolved: 'https://registry.npmjs.org/esbuild/-/esbuild-0.28.2.tgz' } };
const otherPlatform = { 'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true } };

describe('set-up: npm packages', () => {
  const tempDir = useTempDir('aip-setup-');
  let npm: NpmPackagesModule;
  before(async () => {
    npm = await loadSetupModule<NpmPackagesModule>('npmPackages');
  });

  it('a fresh clone (no node_modules) needs npm ci, which it runs', () => {
    const fakes = new FakeCommands(tempDir(), ['npm']);
    const root = project(join(tempDir(), 'repo'), esbuild);
    assert.equal(npm.ensureNpmPackages(root, { env: fakes.env() }), 'node_modules is not installed');
    assert.deepEqual(fakes.calls(), ['npm ci --no-audit --no-fund']);
  });

  it("an install that matches the lock file is used as it is (other platforms' optional packages aside)", () => {
    const fakes = new FakeCommands(tempDir(), ['npm']);
    const root = project(join(tempDir(), 'repo'), { ...esbuild, ...otherPlatform }, esbuild);
    assert.equal(npm.ensureNpmPackages(root, { env: fakes.env() }), undefined);
    assert.deepEqual(fakes.calls(), []);
  });

  it('a package of another version, or one deleted from node_modules, means npm ci', () => {
    const older = { 'node_modules/esbuild': { ...esbuild['node_modules/esbuild'], version: '0.27.0' } };
    assert.equal(npm.npmPackagesOutdated(project(join(tempDir(), 'a'), esbuild, older)), 'node_modules/esbuild differs from package-lock.json');
    const root = project(join(tempDir(), 'b'), { ...esbuild, 'node_modules/mocha': { version: '12.0.3' } }, esbuild);
    assert.equal(npm.npmPackagesOutdated(root), 'node_modules/mocha differs from package-lock.json');
  });

  it('a failing npm ci stops the set-up', () => {
    const fakes = new FakeCommands(tempDir(), ['npm']);
    const root = project(join(tempDir(), 'repo'), esbuild);
    assert.throws(() => npm.ensureNpmPackages(root, { env: fakes.env({ FAKE_NPM: 'broken' }) }), /npm ci failed \(exit code 1\)/);
  });
});
