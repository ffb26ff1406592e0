import * as assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stagedDiffArgs } from '../../../src/core/git/diff';
import type { HooksStatus } from '../../../src/core/provenance';
import { HOOK_FACTS_DONE, HOOK_FACTS_ENV } from '../../../src/core/git/hookFacts';
import { PREVIEW_MARKER } from '../../../src/core/provenance/preview';
import { PRESTARTED_DIFF_DONE, PRESTARTED_DIFF_ENV, PRESTARTED_DIFF_FAILED } from '../../../src/core/git/prestartedDiff';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, aiTrailers, lines } from './support/provenanceRepo';

/** GIT_EDITOR that writes `text` above what git prepared (comments, preview) and saves. */
function editorWriting(repo: ProvenanceRepo, text: string): string {
  const saved = join(repo.root, '.git', 'editor-saw.txt');
  return repo.script(
    'editor.sh',
    `#!/bin/sh\ncp "$1" ${JSON.stringify(saved)}\n{ printf '%s\\n' ${JSON.stringify(text)}; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`,
  );
}

describe('commits through the installed hooks (real git)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  beforeEach(async () => {
    repo = ProvenanceRepo.create(tempDir());
    repo.write('base.txt', lines('base'));
    repo.commitAll('base');
    repo.installHooks();
    await repo.writeAi('src/feature.ts', lines('export function feature() {', '  return 42;', '}'), { tool: 'claude-code' });
    repo.git('add', '-A');
  });

  it('writes trailers with -m, keeping Signed-off-by (-s)', () => {
    repo.git('commit', '-q', '-s', '-m', 'Add feature');
    const message = repo.message();
    assert.match(
      message,
      /^Add feature\n\nSigned-off-by: Test User <test@example.com>\nAI-Lines: 3\/3\nAI-Sources: agent\nAI-Tools: claude-code\nAI-Reviewed: 0\/3\nAI-Risk: low\n/,
    );
  });

  it('takes the staged diff the hook script started, and diffs itself when that one is incomplete or failed', () => {
    repo.write('notes.txt', lines('not AI', 'either'));
    repo.git('add', 'notes.txt');
    // Piped in: the staged diff of src/feature.ts alone. Used, it makes AI-Lines 3/3 instead of the true 3/5.
    const partial = repo.git(...stagedDiffArgs(undefined, ['src/feature.ts']));
    const prepare = (stdin: string) => {
      writeFileSync(join(repo.root, '.git', 'MSG'), 'Add feature\n');
      const run = runCli(['hook', 'run', 'prepare-commit-msg', '.git/MSG', 'message'], {
        cwd: repo.root,
        input: stdin,
        env: { [PRESTARTED_DIFF_ENV]: 'stdin' },
      });
      assert.deepEqual([run.code, run.stderr], [0, '']);
      return aiTrailers(repo.read('.git/MSG'))['AI-Lines'];
    };
    assert.equal(prepare(`${partial}${PRESTARTED_DIFF_DONE}\n`), '3/3');
    assert.equal(prepare(`${partial}${PRESTARTED_DIFF_FAILED}\n`), '3/5');
    assert.equal(prepare(partial), '3/5', 'cut short: no end marker');
    // And through git, the installed script starts the diff itself.
    repo.git('commit', '-q', '-m', 'Add feature');
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '3/5');
    assert.deepEqual(
      readdirSync(join(repo.root, '.git', 'ai-provenance')).filter((name) => name.startsWith('staged-diff')),
      [],
      'the script removes its diff file',
    );
  });

  it('takes what the hook script asked git before node started, and asks git itself when that is cut short', () => {
    const factsFile = join(repo.root, '.git', 'facts');
    const where = repo.git('rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir');
    const head = repo.git('rev-parse', 'HEAD').trim();
    // The facts say core.commentChar is ';' (git's config does not): a preview commented with ';' used them.
    const facts = `${where}${repo.git('write-tree').trim()}\nhead ${head}\ncore.commentchar\n;\0\n${HOOK_FACTS_DONE}\n`;
    const previewComment = (text: string) => {
      writeFileSync(factsFile, text);
      writeFileSync(join(repo.root, '.git', 'MSG'), '\n');
      const run = runCli(['hook', 'run', 'prepare-commit-msg', '.git/MSG'], { cwd: repo.root, env: { [HOOK_FACTS_ENV]: factsFile } });
      assert.deepEqual([run.code, run.stderr], [0, '']);
      return repo
        .read('.git/MSG')
        .split('\n')
        .find((line) => line.includes(PREVIEW_MARKER))?.[0];
    };
    assert.equal(previewComment(facts), ';');
    assert.equal(previewComment(facts.slice(0, -5)), '#', 'cut short: no end marker');
    // Through git, the installed script writes them, and removes its file.
    repo.git('commit', '-q', '-m', 'Add feature');
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '3/3');
    assert.deepEqual(
      readdirSync(join(repo.root, '.git', 'ai-provenance')).filter((name) => name.startsWith('git-facts')),
      [],
      'the script removes its facts file',
    );
  });

  it('previews the trailers in the editor and writes them when the message is saved', () => {
    const editor = editorWriting(repo, 'Add feature from the editor');
    repo.git('-c', `core.editor=${editor}`, 'commit', '-q');
    const seen = repo.read('.git/editor-saw.txt');
    assert.match(seen, /^# AI Provenance adds these trailers when you save the message:$/m);
    assert.match(seen, /^# {3}AI-Lines: 3\/3$/m);
    const message = repo.message();
    assert.match(message, /^Add feature from the editor\n\nAI-Lines: 3\/3\n/);
    assert.doesNotMatch(message, /AI Provenance adds/);
  });

  it('lets git abort a commit whose message was left empty', () => {
    const editor = repo.script('empty-editor.sh', '#!/bin/sh\nexit 0\n');
    const before = repo.head();
    const result = repo.tryGit(['-c', `core.editor=${editor}`, 'commit']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /empty commit message/i);
    assert.equal(repo.head(), before);
  });

  it('replaces its trailers on amend (--no-edit and -m) instead of duplicating them', async () => {
    repo.git('commit', '-q', '-m', 'Add feature');
    await repo.writeAi('src/more.ts', lines('export const more = 1;'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '--amend', '--no-edit');
    let message = repo.message();
    assert.equal(message.match(/^AI-Lines:/gm)?.length, 1);
    assert.equal(aiTrailers(message)['AI-Lines'], '4/4', 'measured against the parent of the amended commit');
    repo.git('commit', '-q', '--amend', '-m', 'Reworded\n\nAI-Lines: 99/99');
    message = repo.message();
    assert.equal(message.match(/^AI-Lines:/gm)?.length, 1);
    assert.equal(aiTrailers(message)['AI-Lines'], '4/4');
  });

  it('leaves merge commit messages alone', () => {
    repo.git('commit', '-q', '-m', 'Add feature');
    repo.git('checkout', '-q', '-b', 'side', 'HEAD~1');
    repo.write('side.txt', lines('side'));
    repo.commitAll('side work');
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'side');
    assert.equal(repo.message(), "Merge branch 'side'\n");
    assert.equal(repo.readNoteRaw(), undefined, 'merges get no note');
  });

  it('writes trailers for a squash merge (git merge --squash) from the squashed changes', async () => {
    repo.git('commit', '-q', '-m', 'Add feature');
    repo.git('checkout', '-q', '-b', 'topic');
    await repo.writeAi('src/topic.ts', lines('export const topic = 1;', 'export const other = 2;'));
    repo.commitAll('topic 1');
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--squash', 'topic');
    repo.git('commit', '-q', '--no-edit');
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '2/2');
  });

  it('--no-verify still runs prepare-commit-msg (git skips only pre-commit and commit-msg)', () => {
    repo.git('commit', '-q', '--no-verify', '-m', 'Add feature');
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '3/3');
  });

  it('leaves the message intact when the store is corrupt, with one line on stderr', () => {
    writeFileSync(join(repo.storeDir, 'regions.json'), '{ not json');
    const result = repo.tryGit(['commit', '-q', '-m', 'Add feature']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(repo.message(), 'Add feature\n');
    const ours = result.stderr.split('\n').filter((line) => line.includes('prepare-commit-msg'));
    assert.equal(ours.length, 1, result.stderr);
    assert.match(ours[0], /^ai-provenance: prepare-commit-msg hook: .*not valid JSON.*\(commit message left unchanged\)$/);
  });

  it('leaves the message intact when the CLI copy is missing', () => {
    rmSync(join(repo.storeDir, 'bin'), { recursive: true });
    const result = repo.tryGit(['commit', '-q', '-m', 'Add feature']);
    assert.equal(result.code, 0);
    assert.equal(repo.message(), 'Add feature\n');
    assert.match(result.stderr, /ai-provenance: .*cli\.js is missing, prepare-commit-msg skipped \(run: ai-provenance hook install\)/);
  });

  it('falls back to the recorded node when node is not on PATH, and says so when there is none', () => {
    const withoutNode = repo.envWithoutNode();
    assert.notEqual(repo.tryGit(['version'], withoutNode).code, -1);
    // Installed by a node that is not on PATH (like the editor's own binary): the fallback runs it.
    let result = repo.tryGit(['commit', '-q', '-m', 'Add feature'], withoutNode);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '3/3');

    assert.equal(runCli(['hook', 'install', '--node', '/nonexistent/node'], { cwd: repo.root }).code, 0);
    repo.write('x.txt', lines('x'));
    repo.git('add', '-A');
    result = repo.tryGit(['commit', '-q', '-m', 'Add x'], withoutNode);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(repo.message(), 'Add x\n');
    assert.match(result.stderr, /ai-provenance: node is not on PATH \(nor at \/nonexistent\/node\), prepare-commit-msg skipped/);
    assert.equal(repo.readNoteRaw(), undefined, 'no note could be written');
    // The commit is not silently missing its provenance: the hook left a record that hook status reports.
    const status = JSON.parse(runCli(['hook', 'status', '--json'], { cwd: repo.root }).stdout) as HooksStatus;
    const postCommit = status.failures.find((failure) => failure.hook === 'post-commit');
    assert.deepEqual(postCommit && { reason: postCommit.reason, commit: postCommit.commit }, { reason: 'node-not-found', commit: repo.head() });
    assert.match(postCommit!.detail, /node is not on PATH \(nor at \/nonexistent\/node\)/);
    assert.ok(Math.abs(postCommit!.at - Date.now()) < 120_000, 'recorded with the time');
    assert.match(
      runCli(['hook', 'status'], { cwd: repo.root }).stdout,
      /could not record provenance 2 times[\s\S]*post-commit [0-9a-f]{10}: node is not on PATH/,
    );
  });

  it('commits made with `commit -a` use the index git prepared for them', async () => {
    repo.git('commit', '-q', '-m', 'Add feature');
    repo.write('src/feature.ts', lines('export function feature() {', '  return 43;', '}'));
    await repo.markAi('src/feature.ts', 2, 2);
    repo.git('commit', '-q', '-a', '-m', 'Tweak');
    assert.equal(aiTrailers(repo.message())['AI-Lines'], '1/1');
  });
});
