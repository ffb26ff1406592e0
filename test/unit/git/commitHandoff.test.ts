import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PATH } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, aiTrailers, lines } from './support/provenanceRepo';

interface NoteJson {
  commit: string;
  recordedAt: string;
  totals: { aiLines: number; addedLines: number; reviewedLines: number };
}

/**
 * The hooks of one commit share what prepare-commit-msg worked out
 * (src/core/provenance/hooks/handoff.ts). These tests count the node
 * processes the hooks start (a `node` on PATH that logs, then runs the real
 * one) and check that what the hand-off writes is what the hooks would have
 * worked out themselves.
 */
describe('one commit, one computation: the hooks hand off (real git)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  let nodeLog: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    repo = ProvenanceRepo.create(tempDir());
    repo.write('base.txt', lines('base'));
    repo.commitAll('base');
    repo.installHooks();
    await repo.writeAi('src/feature.ts', lines('export function feature() {', '  return 42;', '}'), { tool: 'claude-code' });
    repo.write('notes.txt', lines('not AI'));
    repo.git('add', '-A');
    nodeLog = join(repo.root, '.git', 'node-runs.log');
    const bin = join(repo.root, '.git', 'logging-node');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      join(bin, 'node'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> ${JSON.stringify(nodeLog)}\nexec ${JSON.stringify(process.execPath)} "$@"\n`,
      { mode: 0o755 },
    );
    env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
  });

  // Each logged line is node's arguments: the entry, then the hook.
  const hooksThatStartedNode = () =>
    (existsSync(nodeLog) ? readFileSync(nodeLog, 'utf8') : '')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split(' ')[1]);
  const note = (rev = 'HEAD') => JSON.parse(repo.readNoteRaw(rev) ?? 'null') as NoteJson;
  const withoutTime = ({ recordedAt: _time, ...rest }: NoteJson) => rest;

  /** The note node works out for HEAD by itself: post-commit run again, from this process (so no hand-off applies). */
  function noteWorkedOutAgain(): NoteJson {
    repo.git('notes', '--ref', 'refs/notes/ai-provenance', 'remove', 'HEAD');
    const run = spawnSync('sh', [join(repo.root, '.git', 'hooks', 'post-commit')], { cwd: repo.root, encoding: 'utf8' });
    assert.deepEqual([run.status, run.stderr], [0, '']);
    return note();
  }

  it('git commit -m: node starts once, and commit-msg and post-commit write what it worked out', () => {
    const run = repo.tryGit(['commit', '-q', '-m', 'Add feature'], env);
    assert.deepEqual([run.code, run.stderr], [0, '']);
    assert.deepEqual(hooksThatStartedNode(), ['prepare-commit-msg']);
    const bin = join(repo.storeDir, 'bin');
    assert.match(readFileSync(nodeLog, 'utf8'), /\/bin\/hook\.js prepare-commit-msg /, "the hooks' own entry, not the whole CLI");
    assert.ok(existsSync(join(bin, 'hookMain.js.cache')) || existsSync(join(bin, 'compile-cache')), 'and it left a code cache for the next commit');
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '3/4');
    const handedOff = note();
    assert.equal(handedOff.commit, repo.head());
    assert.deepEqual(handedOff.totals, { aiLines: 3, addedLines: 4, reviewedLines: 0 });
    assert.deepEqual(withoutTime(noteWorkedOutAgain()), withoutTime(handedOff), 'the same note as post-commit works out itself');
  });

  it('loads the workspace index runtime only when hooks are to compute blast radii', () => {
    // An index runtime that fails when loaded: a commit without aiProvenance.hookBlastRadius never notices.
    writeFileSync(join(repo.storeDir, 'bin', 'hookIndex.js'), "throw new Error('the index runtime was loaded');\n");
    const run = repo.tryGit(['commit', '-q', '-m', 'Add feature'], env);
    assert.deepEqual([run.code, run.stderr], [0, '']);
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '3/4');
  });

  it('with an editor: the commit-msg script writes the previewed trailers from the hand-off, no hook but the first needs node', () => {
    const editor = repo.script('editor.sh', `#!/bin/sh\n{ echo 'From the editor'; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`);
    const run = repo.tryGit(['-c', `core.editor=${editor}`, 'commit', '-q'], env);
    assert.deepEqual([run.code, run.stderr], [0, '']);
    assert.deepEqual(hooksThatStartedNode(), ['prepare-commit-msg']);
    assert.match(repo.message(), /^From the editor\n\nAI-Lines: 3\/4\nAI-Sources: agent\nAI-Tools: claude-code\nAI-Reviewed: 0\/3\nAI-Risk: low\n$/);
    assert.deepEqual(note().totals, { aiLines: 3, addedLines: 4, reviewedLines: 0 });
  });

  it('with an editor and a message the script leaves to node (a trailer typed): commit-msg starts node, with the same result as before', () => {
    const editor = repo.script(
      'editor.sh',
      `#!/bin/sh\n{ printf 'From the editor\\n\\nSigned-off-by: Ann <ann@example.com>'; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`,
    );
    const run = repo.tryGit(['-c', `core.editor=${editor}`, 'commit', '-q'], env);
    assert.deepEqual([run.code, run.stderr], [0, '']);
    assert.deepEqual(hooksThatStartedNode(), ['prepare-commit-msg', 'commit-msg']);
    assert.match(
      repo.message(),
      /^From the editor\n\nSigned-off-by: Ann <ann@example.com>\nAI-Lines: 3\/4\nAI-Sources: agent\nAI-Tools: claude-code\nAI-Reviewed: 0\/3\nAI-Risk: low\n$/,
    );
  });

  it('works everything out again when the region store changed after prepare-commit-msg', () => {
    // The user marks the code reviewed while the message editor is open.
    const editor = repo.script(
      'editor.sh',
      `#!/bin/sh\n${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_PATH)} mark-reviewed src/feature.ts --by Ann >/dev/null || exit 1\n{ echo 'Reviewed meanwhile'; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`,
    );
    const run = repo.tryGit(['-c', `core.editor=${editor}`, 'commit', '-q'], env);
    assert.deepEqual([run.code, run.stderr], [0, '']);
    assert.deepEqual(hooksThatStartedNode(), ['prepare-commit-msg', 'commit-msg', 'post-commit']);
    assert.equal(aiTrailers(repo.message())['AI-Reviewed'], '3/3');
    assert.equal(note().totals.reviewedLines, 3);
  });

  it('writes a handed-off note only for the commit it was worked out for', () => {
    repo.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', 'Add feature');
    const head = repo.head();
    const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
    const parent = repo.git('rev-parse', 'HEAD~1').trim();
    // Run from this process, the post-commit script reads the hand-off named by this process's id.
    const handoff = join(repo.storeDir, 'handoff', String(process.pid));
    mkdirSync(join(repo.storeDir, 'handoff'), { recursive: true });
    const postCommit = () => {
      const run = spawnSync('sh', [join(repo.root, '.git', 'hooks', 'post-commit')], {
        cwd: repo.root,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      assert.deepEqual([run.status, run.stderr], [0, '']);
      return repo.readNoteRaw() ?? '';
    };
    try {
      writeFileSync(`${handoff}.note`, '{"commit":"@@ai-provenance-commit@@","handedOff":true}\n');
      writeFileSync(`${handoff}.commit`, `${tree} ${repo.git('rev-parse', 'HEAD~1^{tree}').trim()}\n`);
      assert.equal(repo.readNoteRaw(), undefined, 'no note yet');
      assert.doesNotMatch(postCommit(), /handedOff/, 'another parent: worked out by node');
      assert.deepEqual(note().totals, { aiLines: 3, addedLines: 4, reviewedLines: 0 });
      assert.deepEqual(hooksThatStartedNode(), ['post-commit']);

      writeFileSync(`${handoff}.commit`, `${tree} ${parent}\n`);
      assert.equal(postCommit(), `{"commit":"${head}","handedOff":true}\n`, 'this commit: the hand-off, with the commit filled in');
      assert.deepEqual(hooksThatStartedNode(), ['post-commit'], 'and no node');
    } finally {
      rmSync(join(repo.storeDir, 'handoff'), { recursive: true, force: true });
    }
  });

  it('the next commit clears the hand-offs of commits that were abandoned', () => {
    const editor = repo.script('empty-editor.sh', '#!/bin/sh\nexit 0\n');
    assert.notEqual(repo.tryGit(['-c', `core.editor=${editor}`, 'commit'], env).code, 0, 'an empty message aborts the commit');
    const handoffs = () => readdir(join(repo.storeDir, 'handoff'));
    const abandoned = handoffs();
    assert.equal(abandoned.length, 6, 'the abandoned commit left its hand-off (with the parts for the commit-msg script)');
    repo.git('commit', '-q', '-m', 'Add feature');
    const left = handoffs();
    assert.equal(left.length, 4, `the last commit's files only: ${left.join(', ')}`);
    assert.ok(!left.some((name) => abandoned.includes(name)), 'the abandoned ones are gone');
    assert.deepEqual(note().totals, { aiLines: 3, addedLines: 4, reviewedLines: 0 });
  });
});

function readdir(path: string): string[] {
  return existsSync(path) ? readdirSync(path) : [];
}
