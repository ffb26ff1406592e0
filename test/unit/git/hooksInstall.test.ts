import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hooksStatus } from '../../../src/core/provenance';
import { CLI_PATH, runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, aiTrailers, lines } from './support/provenanceRepo';

const HOOKS = ['prepare-commit-msg', 'commit-msg', 'post-commit', 'post-rewrite', 'pre-push', 'post-merge'];

interface Status {
  hooksDir: string;
  husky: boolean;
  installed: boolean;
  hooks: Array<{ name: string; state: string; chained: boolean }>;
  notesRewrite: boolean;
}

function status(repo: ProvenanceRepo): Status {
  const result = runCli(['hook', 'status', '--json'], { cwd: repo.root });
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Status;
}

function snapshot(path: string): { bytes: string; mode: number } {
  return { bytes: readFileSync(path).toString('base64'), mode: statSync(path).mode & 0o777 };
}

describe('hook install / uninstall / status (real git)', function () {
  // Every commit starts node for the hooks: slow on a loaded machine.
  this.timeout(120_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  beforeEach(() => {
    repo = ProvenanceRepo.create(tempDir());
    repo.write('base.txt', lines('base'));
    repo.commitAll('base');
  });

  it('installs the hooks, copies the CLI and makes notes follow rewrites; uninstall removes it all', () => {
    assert.equal(status(repo).installed, false);
    repo.installHooks();
    const installed = status(repo);
    assert.equal(installed.installed, true);
    assert.deepEqual(
      installed.hooks.map((hook) => [hook.name, hook.state, hook.chained]),
      HOOKS.map((name) => [name, 'installed', false]),
    );
    assert.equal(installed.notesRewrite, true);
    assert.ok(existsSync(join(repo.storeDir, 'bin', 'cli.js')));
    assert.equal(repo.git('config', '--get-all', 'notes.rewriteRef').trim(), 'refs/notes/ai-provenance');

    const result = runCli(['hook', 'uninstall'], { cwd: repo.root });
    assert.equal(result.code, 0, result.stderr);
    for (const name of HOOKS) assert.equal(existsSync(join(repo.root, '.git', 'hooks', name)), false, name);
    assert.equal(repo.tryGit(['config', '--get-all', 'notes.rewriteRef']).stdout, '');
    assert.equal(existsSync(join(repo.storeDir, 'bin')), false);
  });

  it('chains to an existing hook, which still runs first, and uninstall restores it byte for byte with its mode', async () => {
    const hookPath = join(repo.root, '.git', 'hooks', 'prepare-commit-msg');
    const original = '#!/bin/sh\n# the team\'s own hook\nprintf "[TICKET-1] " | cat - "$1" > "$1.tmp" && mv "$1.tmp" "$1"\n';
    writeFileSync(hookPath, original);
    chmodSync(hookPath, 0o750);
    const before = snapshot(hookPath);
    const keepNotesRef = 'refs/notes/commits';
    repo.git('config', '--add', 'notes.rewriteRef', keepNotesRef);

    repo.installHooks();
    assert.equal(status(repo).hooks.find((hook) => hook.name === 'prepare-commit-msg')!.chained, true);
    await repo.writeAi('a.ts', lines('ai line'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'Add a');
    const message = repo.message();
    assert.match(message, /^\[TICKET-1\] Add a/, 'the original hook ran');
    assert.equal(aiTrailers(message)['AI-Lines'], '1/1', 'and ours after it');

    runCli(['hook', 'uninstall'], { cwd: repo.root });
    assert.deepEqual(snapshot(hookPath), before);
    assert.equal(existsSync(`${hookPath}.ai-provenance-original`), false);
    assert.equal(repo.git('config', '--get-all', 'notes.rewriteRef').trim(), keepNotesRef, 'other rewrite refs are kept');
  });

  it('stops the commit when the previous hook fails, as git would have', () => {
    const hookPath = join(repo.root, '.git', 'hooks', 'commit-msg');
    writeFileSync(hookPath, '#!/bin/sh\necho "commit-msg: rejected" >&2\nexit 3\n', { mode: 0o755 });
    repo.installHooks();
    repo.write('b.txt', lines('b'));
    repo.git('add', '-A');
    const result = repo.tryGit(['commit', '-q', '-m', 'Add b']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /commit-msg: rejected/);
  });

  it('installs where core.hooksPath points, chaining to what is there', () => {
    const dir = join(repo.root, '.githooks');
    mkdirSync(dir);
    writeFileSync(join(dir, 'post-commit'), '#!/bin/sh\necho ran >> "$(git rev-parse --git-dir)/post-commit-ran"\n', { mode: 0o755 });
    repo.git('config', 'core.hooksPath', '.githooks');
    repo.installHooks();
    const current = status(repo);
    assert.equal(current.hooksDir, dir);
    assert.equal(current.installed, true);
    repo.write('c.txt', lines('c'));
    repo.commitAll('Add c');
    assert.equal(readFileSync(join(repo.root, '.git', 'post-commit-ran'), 'utf8'), 'ran\n');
    runCli(['hook', 'uninstall'], { cwd: repo.root });
    assert.equal(readFileSync(join(dir, 'post-commit'), 'utf8'), '#!/bin/sh\necho ran >> "$(git rev-parse --git-dir)/post-commit-ran"\n');
    assert.equal(existsSync(join(dir, 'prepare-commit-msg')), false);
  });

  it('refuses to replace hooks tracked by git, and hooks shared with other repositories', () => {
    const dir = join(repo.root, '.githooks');
    mkdirSync(dir);
    writeFileSync(join(dir, 'commit-msg'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    repo.commitAll('team hooks');
    repo.git('config', 'core.hooksPath', '.githooks');
    const tracked = runCli(['hook', 'install'], { cwd: repo.root });
    assert.equal(tracked.code, 1);
    assert.match(tracked.stderr, /tracked by git/);
    assert.equal(existsSync(join(dir, 'prepare-commit-msg')), false, 'nothing was installed');

    const shared = join(tempDir(), '..', `shared-hooks-${process.pid}-${Date.now()}`);
    repo.git('config', 'core.hooksPath', shared);
    const result = runCli(['hook', 'install'], { cwd: repo.root });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /outside this repository/);
  });

  it('chains into a Husky v9 layout, runs the user script, and reports Husky regenerating its stub', async () => {
    // What `husky` writes: core.hooksPath=.husky/_, a runner `h`, one stub per hook, user scripts in .husky/.
    const husky = join(repo.root, '.husky');
    mkdirSync(join(husky, '_'), { recursive: true });
    writeFileSync(join(husky, '_', '.gitignore'), '*');
    writeFileSync(
      join(husky, '_', 'h'),
      '#!/usr/bin/env sh\nn=$(basename "$0")\ns=$(dirname "$(dirname "$0")")/$n\n[ ! -f "$s" ] && exit 0\nsh -e "$s" "$@"\nc=$?\n[ $c != 0 ] && echo "husky - $n script failed (code $c)"\nexit $c\n',
      { mode: 0o755 },
    );
    const stub = '#!/usr/bin/env sh\n. "${0%/*}/h"';
    for (const name of ['prepare-commit-msg', 'commit-msg', 'pre-commit']) writeFileSync(join(husky, '_', name), stub, { mode: 0o755 });
    writeFileSync(join(husky, 'commit-msg'), 'grep -q "JIRA-" "$1" || { echo "needs a JIRA- ticket" >&2; exit 1; }\n');
    repo.commitAll('husky');
    repo.git('config', 'core.hooksPath', '.husky/_');

    repo.installHooks();
    const installed = status(repo);
    assert.equal(installed.husky, true);
    assert.equal(installed.hooks.find((hook) => hook.name === 'commit-msg')!.chained, true);
    assert.equal(repo.git('status', '--porcelain'), '', 'nothing shows up as a change');

    await repo.writeAi('a.ts', lines('ai'));
    repo.git('add', '-A');
    const rejected = repo.tryGit(['commit', '-q', '-m', 'no ticket']);
    assert.notEqual(rejected.code, 0, "the user's husky script still rejects");
    assert.match(rejected.stderr, /needs a JIRA- ticket/);
    repo.git('commit', '-q', '-m', 'JIRA-1 with ticket');
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '1/1');

    writeFileSync(join(husky, '_', 'commit-msg'), stub, { mode: 0o755 }); // `npm install` re-runs husky
    assert.equal(status(repo).hooks.find((hook) => hook.name === 'commit-msg')!.state, 'foreign');
    runCli(['hook', 'uninstall'], { cwd: repo.root });
    assert.equal(readFileSync(join(husky, '_', 'prepare-commit-msg'), 'utf8'), stub);
    assert.equal(readFileSync(join(husky, '_', 'commit-msg'), 'utf8'), stub);
    assert.equal(existsSync(join(husky, '_', 'post-commit')), false);
    assert.equal(existsSync(join(husky, '_', 'commit-msg.ai-provenance-original')), false);
  });

  it('reports wrappers written by another version as outdated, and a CLI copy that is not current', async () => {
    repo.installHooks();
    const path = join(repo.root, '.git', 'hooks', 'post-commit');
    // What an older version might have written, recorded as ours in the manifest.
    const older = readFileSync(path, 'utf8').replace('# Installed by', '# (older version)\n# Installed by');
    writeFileSync(path, older, { mode: 0o755 });
    const manifestPath = join(repo.storeDir, 'hooks.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { wrappers: Record<string, string> };
    manifest.wrappers['post-commit'] = createHash('sha256').update(older).digest('hex');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    assert.equal(status(repo).hooks.find((hook) => hook.name === 'post-commit')!.state, 'outdated');
    assert.equal(status(repo).installed, false);
    repo.installHooks();
    assert.equal(status(repo).installed, true);

    const otherCli = join(repo.root, '.git', 'other-cli.js');
    writeFileSync(otherCli, '// a newer bundle\n');
    const stale = await hooksStatus(repo.root, { cliPath: otherCli });
    assert.deepEqual([stale.cliCopy.current, stale.installed], [false, false]);
    const fresh = await hooksStatus(repo.root, { cliPath: CLI_PATH });
    assert.deepEqual([fresh.cliCopy.current, fresh.installed], [true, true]);
  });

  it('notices when the node recorded at install time no longer exists', () => {
    const vanishing = join(repo.root, '.git', 'node-of-an-old-editor');
    symlinkSync(process.execPath, vanishing);
    repo.installHooks('--node', vanishing);
    assert.equal(status(repo).installed, true);
    rmSync(vanishing);
    const after = status(repo) as Status & { nodeFallback: string; nodeFallbackPresent: boolean };
    assert.deepEqual([after.nodeFallback, after.nodeFallbackPresent, after.installed], [vanishing, false, false]);
    assert.match(
      runCli(['hook', 'status'], { cwd: repo.root }).stdout,
      /node fallback: .*node-of-an-old-editor \(no longer exists: run `ai-provenance hook install`\)/,
    );
  });

  it('leaves a wrapper alone on uninstall when someone changed it', () => {
    repo.installHooks();
    const path = join(repo.root, '.git', 'hooks', 'post-commit');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n# my addition\n`, { mode: 0o755 });
    const result = runCli(['hook', 'uninstall', '--json'], { cwd: repo.root });
    const outcome = JSON.parse(result.stdout) as { left: Array<{ path: string }> };
    assert.deepEqual(
      outcome.left.map((entry) => entry.path),
      [path],
    );
    assert.match(readFileSync(path, 'utf8'), /# my addition/);
  });
});
