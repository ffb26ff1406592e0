import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  rmSync,
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, aiTrailers, lines } from './support/provenanceRepo';

/** The repository's own node_modules: the real Husky 9 package is a devDependency. */
const HUSKY_BIN = join(__dirname, '..', '..', '..', '..', 'node_modules', 'husky', 'bin.js');
/** Fixed dates, so the same commits get the same ids before and after installation. */
const FIXED_DATES = { GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z', GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z' };

interface Probe {
  args: string[];
  stdin: string;
  cwd: string;
  dir: string;
  env: Record<string, string>;
}

function probes(path: string): Probe[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Probe);
}

/** Everything about a file that uninstall must put back. */
function fileState(path: string): unknown {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return { symlink: readlinkSync(path) };
  return { bytes: readFileSync(path).toString('base64'), mode: stat.mode & 0o7777 };
}

describe('hook chaining: the hooks already there run exactly as git runs them (real git)', function () {
  this.timeout(180_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  let hooksDir: string;
  beforeEach(() => {
    repo = ProvenanceRepo.create(tempDir());
    repo.write('base.txt', lines('base'));
    repo.commitAll('base');
    hooksDir = join(repo.root, '.git', 'hooks');
    mkdirSync(hooksDir, { recursive: true });
  });

  function hook(name: string, body: string, mode = 0o755): string {
    const path = join(hooksDir, name);
    writeFileSync(path, body);
    chmodSync(path, mode);
    return path;
  }

  it('a failing `#!/bin/sh -e` commit-msg hook still blocks the commit', () => {
    hook('commit-msg', '#!/bin/sh -e\ngrep -q "JIRA-" "$1"\necho "commit-msg: past the check" >&2\n');
    repo.write('a.txt', lines('a'));
    repo.git('add', '-A');
    const before = repo.tryGit(['commit', '-q', '-m', 'no ticket']);
    assert.notEqual(before.code, 0, 'blocked without our hooks');

    repo.installHooks();
    const after = repo.tryGit(['commit', '-q', '-m', 'no ticket']);
    assert.notEqual(after.code, 0, 'still blocked with our hooks (sourced by a bare sh, -e was lost)');
    assert.doesNotMatch(after.stderr, /past the check/);
    assert.equal(repo.git('log', '--format=%s').split('\n')[0], 'base');
    assert.equal(repo.tryGit(['commit', '-q', '-m', 'JIRA-1 ticket']).code, 0);
  });

  it('Python and Node hooks see the same arguments, stdin, environment, directory and status before and after install', () => {
    const out = join(repo.root, '.git', 'probes.jsonl');
    const python = [
      '#!/usr/bin/env python3',
      'import json, os, sys',
      `record = {"args": sys.argv[1:], "stdin": sys.stdin.read(), "cwd": os.getcwd(), "dir": os.path.dirname(os.path.abspath(sys.argv[0])), "env": dict(os.environ)}`,
      `open(${JSON.stringify(out)}, "a").write(json.dumps(record) + "\\n")`,
      'sys.exit(3 if "reject" in open(sys.argv[1]).read() else 0)',
      '',
    ].join('\n');
    const node = [
      '#!/usr/bin/env node',
      "const fs = require('fs'); const path = require('path');",
      "const record = { args: process.argv.slice(2), stdin: fs.readFileSync(0, 'utf8'), cwd: process.cwd(), dir: path.dirname(path.resolve(process.argv[1])), env: process.env };",
      `fs.appendFileSync(${JSON.stringify(out)}, JSON.stringify(record) + '\\n');`,
      'process.exit(5);',
      '',
    ].join('\n');
    hook('commit-msg', python);
    hook('post-rewrite', node);
    const base = repo.head();

    const scenario = () => {
      writeFileSync(out, '');
      repo.write('a.txt', lines('a'));
      repo.git('add', '-A');
      // PWD as a shell at the repository's top sets it: /bin/sh (our wrapper) corrects a PWD that is not the
      // directory git runs hooks in (git does not update it), the one difference documented in docs/TRAILERS.md.
      const env = { ...FIXED_DATES, PROBE_MARK: 'x y\tz', PWD: repo.root };
      const ok = repo.tryGit(['commit', '-q', '-m', 'first'], env);
      const rejected = repo.tryGit(['commit', '-q', '--allow-empty', '-m', 'reject me'], env);
      const amended = repo.tryGit(['commit', '-q', '--amend', '-m', 'second'], env);
      const result = { codes: [ok.code, rejected.code, amended.code], log: repo.git('log', '--format=%H %s'), probes: probes(out) };
      repo.git('reset', '-q', '--hard', base);
      repo.tryGit(['update-ref', '-d', 'refs/notes/ai-provenance']);
      return result;
    };
    const before = scenario();
    assert.deepEqual(before.codes, [0, 1, 0]);
    assert.equal(before.probes.length, 4, 'commit-msg three times, post-rewrite once');
    assert.match(before.probes[3].stdin, /^[0-9a-f]{40} [0-9a-f]{40}\n$/, 'post-rewrite gets the rewritten pair on stdin');

    repo.installHooks();
    const after = scenario();
    assert.deepEqual(after.codes, before.codes, 'the same commits pass and fail');
    assert.equal(after.log, before.log, 'the same commits, ids included');
    assert.deepEqual(after.probes, before.probes, 'each hook saw exactly what it saw without our wrapper');
  });

  it('a hook git ignores (not executable) stays ignored, and a shell hook without a shebang runs with sh', () => {
    hook('commit-msg', '#!/bin/sh\nexit 1\n', 0o644);
    hook('prepare-commit-msg', 'echo "from a hook without a shebang" >> "$1"\n');
    repo.installHooks();
    repo.write('a.txt', lines('a'));
    repo.git('add', '-A');
    const result = repo.tryGit(['commit', '-q', '-m', 'subject']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(repo.message(), /from a hook without a shebang/);
  });

  it('installs atomically: the hook is replaced by a rename, so git never runs a half-written or missing hook', () => {
    const original = hook('commit-msg', '#!/bin/sh\necho chained >> "$1"\n');
    const originalInode = statSync(original).ino;
    repo.installHooks();
    const kept = join(hooksDir, 'commit-msg.ai-provenance-original');
    assert.equal(statSync(kept).ino, originalInode, 'the original is kept (linked) before the wrapper replaces it');
    // A reader that opened the wrapper (git starting the hook) reads the whole old script even while it is reinstalled.
    const wrapperPath = join(hooksDir, 'commit-msg');
    const wrapper = readFileSync(wrapperPath);
    const fd = openSync(wrapperPath, 'r');
    try {
      runCli(['hook', 'install', '--node', process.execPath], { cwd: repo.root });
      const buffer = Buffer.alloc(wrapper.length + 16);
      const read = readSync(fd, buffer, 0, buffer.length, 0);
      assert.deepEqual(buffer.subarray(0, read), wrapper);
    } finally {
      closeSync(fd);
    }
    assert.deepEqual(
      readdirSync(hooksDir).filter((name) => name.includes('ai-provenance-new')),
      [],
      'no temporary files left',
    );

    // Commits keep working, chained hook included, while the hooks are reinstalled again and again.
    const installer = spawnSync(
      'sh',
      [
        '-c',
        `for i in 1 2 3 4 5 6; do "${process.execPath}" "${join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js')}" hook install >/dev/null || exit 1; done & for i in 1 2 3 4 5 6; do echo $i > f$i.txt; git add f$i.txt; git commit -q -m "c$i" || exit 2; done; wait $! || exit 3`,
      ],
      { cwd: repo.root, encoding: 'utf8' },
    );
    assert.equal(installer.status, 0, installer.stderr);
    const messages = repo.git('log', '-6', '--format=%B');
    assert.equal(messages.match(/^chained$/gm)?.length, 6, 'the chained hook ran in every commit');
  });

  it('uninstall restores every kind of hook byte for byte: scripts with flags, Python, Node, symlinks, unexecutable files', () => {
    hook('commit-msg', '#!/bin/sh -e\r\nexit 0\r\n', 0o750);
    hook('prepare-commit-msg', '#!/usr/bin/env python3\nimport sys\n', 0o700);
    hook('post-rewrite', '#!/usr/bin/env node\n', 0o644);
    const target = join(repo.root, '.git', 'shared-post-commit');
    writeFileSync(target, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    symlinkSync(target, join(hooksDir, 'post-commit'));
    const names = ['commit-msg', 'prepare-commit-msg', 'post-rewrite', 'post-commit'];
    const before = Object.fromEntries(names.map((name) => [name, fileState(join(hooksDir, name))]));
    const listing = readdirSync(hooksDir).sort();

    repo.installHooks();
    for (const name of names) assert.match(readFileSync(join(hooksDir, name), 'utf8'), /ai-provenance hook wrapper/);
    assert.equal(runCli(['hook', 'uninstall'], { cwd: repo.root }).code, 0);
    assert.deepEqual(Object.fromEntries(names.map((name) => [name, fileState(join(hooksDir, name))])), before);
    assert.deepEqual(readdirSync(hooksDir).sort(), listing, 'nothing of ours is left');
  });

  it("a team's pre-push hook still decides: it sees the same refs on stdin, its rejection stops the code and our notes, and our notes push does not run it again", async () => {
    const remote = join(repo.root, '..', 'remote.git');
    spawnSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
    repo.git('remote', 'add', 'origin', remote);
    const out = join(repo.root, '.git', 'pre-push.jsonl');
    // A protected-branch check as teams write them: reads the refs git feeds on stdin, refuses main.
    hook(
      'pre-push',
      [
        '#!/usr/bin/env node',
        "const fs = require('fs');",
        "const stdin = fs.readFileSync(0, 'utf8');",
        `fs.appendFileSync(${JSON.stringify(out)}, JSON.stringify({ args: process.argv.slice(2), stdin }) + '\\n');`,
        "if (/ refs\\/heads\\/main /.test(stdin)) { console.error('pre-push: main is protected'); process.exit(7); }",
        '',
      ].join('\n'),
    );
    const pushes = () => {
      writeFileSync(out, '');
      const main = repo.tryGit(['push', 'origin', 'main']);
      repo.git('branch', '-f', 'feature', 'main');
      const feature = repo.tryGit(['push', 'origin', 'feature']);
      return {
        codes: [main.code, feature.code],
        stderr: main.stderr + feature.stderr,
        probes: probes(out) as unknown as Array<{ args: string[]; stdin: string }>,
      };
    };
    const before = pushes();
    assert.deepEqual(before.codes, [1, 0], before.stderr);
    assert.match(before.stderr, /main is protected/);
    spawnSync('git', ['--git-dir', remote, 'branch', '-D', 'feature']);

    repo.installHooks();
    await repo.writeAi('src/auth/token.ts', lines('export const token = 1;'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'AI code in auth');
    assert.ok(repo.readNoteRaw(), 'the commit has its note to push');
    const after = pushes();
    assert.deepEqual(after.codes, before.codes, 'the same pushes pass and fail');
    assert.match(after.stderr, /main is protected/);
    assert.equal(after.probes.length, 2, 'one run per push: our notes push (--no-verify) does not run the team hook again');
    for (const [index, probe] of after.probes.entries()) {
      assert.deepEqual(probe.args, before.probes[index]!.args, 'the same remote name and URL');
      assert.equal(
        probe.stdin,
        `refs/heads/${index === 0 ? 'main' : 'feature'} ${repo.head()} refs/heads/${index === 0 ? 'main' : 'feature'} ${'0'.repeat(40)}\n`,
      );
    }
    const remoteRefs = spawnSync('git', ['--git-dir', remote, 'for-each-ref', '--format=%(refname)'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);
    assert.deepEqual(
      remoteRefs,
      ['refs/heads/feature', 'refs/notes/ai-provenance'],
      'main refused (code and notes with it); the accepted push carried the notes',
    );
  });
});

describe('hook chaining with Husky 9 and the pre-commit framework (real packages, real git)', function () {
  this.timeout(180_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  beforeEach(() => {
    repo = ProvenanceRepo.create(tempDir());
    repo.write('base.txt', lines('base'));
    repo.commitAll('base');
  });

  function husky(): void {
    const result = spawnSync(process.execPath, [HUSKY_BIN], { cwd: repo.root, encoding: 'utf8', env: { ...process.env, HUSKY: '' } });
    assert.equal(result.status, 0, `husky: ${result.stderr}`);
  }

  it('Husky 9 (the npm package): its scripts still reject, ours still record, and uninstall puts its stubs back', async () => {
    husky();
    assert.equal(repo.git('config', 'core.hooksPath').trim(), '.husky/_');
    const stubs = join(repo.root, '.husky', '_');
    writeFileSync(join(repo.root, '.husky', 'commit-msg'), 'grep -q "JIRA-" "$1" || { echo "needs a JIRA- ticket" >&2; exit 1; }\n');
    writeFileSync(join(repo.root, '.husky', 'post-commit'), 'echo "husky post-commit ran" >> .git/husky-post-commit\n');
    repo.commitAll('JIRA-0 husky scripts');
    rmSync(join(repo.root, '.git', 'husky-post-commit'));
    const before = Object.fromEntries(readdirSync(stubs).map((name) => [name, fileState(join(stubs, name))]));

    repo.installHooks();
    await repo.writeAi('src/payments/charge.ts', lines('export const charge = 1;'));
    repo.git('add', '-A');
    const rejected = repo.tryGit(['commit', '-q', '-m', 'no ticket']);
    assert.notEqual(rejected.code, 0, "the user's Husky script still rejects");
    assert.match(rejected.stderr, /needs a JIRA- ticket/);
    assert.equal(repo.tryGit(['commit', '-q', '-m', 'JIRA-1 charge']).code, 0);
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '1/1');
    assert.ok(repo.readNoteRaw(), 'the note is written');
    assert.equal(readFileSync(join(repo.root, '.git', 'husky-post-commit'), 'utf8'), 'husky post-commit ran\n');

    husky(); // `npm install` runs husky again: its stubs replace our wrappers
    const status = JSON.parse(runCli(['hook', 'status', '--json'], { cwd: repo.root }).stdout) as { hooks: Array<{ name: string; state: string }> };
    assert.equal(status.hooks.find((entry) => entry.name === 'commit-msg')?.state, 'foreign');
    repo.installHooks();
    assert.equal(runCli(['hook', 'uninstall'], { cwd: repo.root }).code, 0);
    assert.deepEqual(Object.fromEntries(readdirSync(stubs).map((name) => [name, fileState(join(stubs, name))])), before);
  });

  it("the pre-commit framework's installed hook still rejects, before or after ours", async function () {
    const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    if (preCommit.status !== 0) {
      // .ci/run installs Debian's pre-commit; elsewhere: apt-get install pre-commit (or pip install pre-commit).
      this.skip();
    }
    const env = { PRE_COMMIT_HOME: join(repo.root, '.git', 'pre-commit-home') };
    repo.write(
      '.pre-commit-config.yaml',
      [
        'repos:',
        '- repo: local',
        '  hooks:',
        '  - id: ticket',
        '    name: ticket',
        `    entry: sh -c 'grep -q JIRA- "$1" || { echo "needs a JIRA- ticket"; exit 1; }' --`,
        '    language: system',
        '    stages: [commit-msg]',
        '',
      ].join('\n'),
    );
    repo.commitAll('pre-commit config');
    const run = (args: string[]) => spawnSync('pre-commit', args, { cwd: repo.root, encoding: 'utf8', env: { ...process.env, ...env } });
    assert.equal(run(['install', '--hook-type', 'commit-msg']).status, 0);
    const installed = readFileSync(join(repo.root, '.git', 'hooks', 'commit-msg'));

    const attempt = async (file: string) => {
      await repo.writeAi(file, lines(`export const x = '${file}';`));
      repo.git('add', '-A');
      const rejected = repo.tryGit(['commit', '-q', '-m', 'no ticket'], env);
      assert.notEqual(rejected.code, 0, 'pre-commit still rejects');
      assert.match(rejected.stdout + rejected.stderr, /needs a JIRA- ticket/);
      const accepted = repo.tryGit(['commit', '-q', '-m', 'JIRA-2 with ticket'], env);
      assert.equal(accepted.code, 0, accepted.stderr);
      assert.equal((accepted.stdout + accepted.stderr).match(/^ticket\.+Passed/gm)?.length, 1, 'the check ran once');
      assert.equal(aiTrailers(repo.message())['AI-Lines'], '1/1');
      assert.ok(repo.readNoteRaw(), 'the note is written');
    };
    repo.installHooks();
    await attempt('src/one.ts');
    // pre-commit installed after us keeps our wrapper as commit-msg.legacy and runs it.
    assert.equal(run(['install', '--hook-type', 'commit-msg']).status, 0);
    await attempt('src/two.ts');
    // Installing ours again must not loop (ours → pre-commit → ours as its legacy hook → ...).
    repo.installHooks();
    await attempt('src/three.ts');
    assert.equal(runCli(['hook', 'uninstall'], { cwd: repo.root }).code, 0);
    const hooks = join(repo.root, '.git', 'hooks');
    assert.ok(readFileSync(join(hooks, 'commit-msg')).equals(installed), "pre-commit's hook is left as pre-commit wrote it");
    assert.deepEqual(
      readdirSync(hooks).filter((name) => name.startsWith('commit-msg') && !name.endsWith('.sample')),
      ['commit-msg'],
      'no legacy or kept copies left',
    );
  });
});
