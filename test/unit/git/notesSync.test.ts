import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { parseNoteText, type CommitNote } from '../../../src/core/provenance';
import { syncNotes } from '../../../src/core/git/notesSync/syncNotes';
import { SYNCED_NOTES_REFS } from '../../../src/core/provenance/syncedNotes';
import { CLI_PATH, runCli } from '../../support/cli';
import { Team } from '../../support/team';
import { useTempDir } from '../../support/tempDir';
import { commitWithProvenance, lines, type ProvenanceRepo } from './support/provenanceRepo';

const REF = 'refs/notes/ai-provenance';

function documentsOf(text: string | undefined): CommitNote[] {
  assert.ok(text, 'a note is there');
  const { documents, problems } = parseNoteText(text);
  assert.deepEqual(problems, []);
  return [...documents];
}

/** AI line numbers per file of a note, with `r` after reviewed ones. */
function aiLines(text: string | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const document of documentsOf(text)) {
    for (const [path, file] of Object.entries(document.files)) {
      for (const range of file.ranges) {
        for (let line = range.start; line <= range.end; line++) (result[path] ??= []).push(`${line}${range.reviewed ? 'r' : ''}`);
      }
    }
  }
  for (const list of Object.values(result)) list.sort((a, b) => parseInt(a) - parseInt(b));
  return result;
}

function sync(repo: ProvenanceRepo, ...args: string[]) {
  const result = runCli(['notes', 'sync', ...args], { cwd: repo.root });
  assert.equal(result.code, 0, result.stderr);
  return result;
}

/** A hand-written note document (what another clone, or an attacker, could push). */
function forgedNote(commit: string, path: string, ranges: Array<[number, number, { reviewed?: boolean }?]>): string {
  const document = {
    schema: 'ai-provenance/commit-note',
    version: 1,
    commit,
    recordedAt: '2026-02-03T04:05:06.000Z',
    generator: 'ai-provenance test',
    totals: { aiLines: 0, addedLines: 0, reviewedLines: 0 },
    files: {
      [path]: {
        addedLines: 0,
        aiLines: 0,
        reviewedLines: 0,
        ranges: ranges.map(([start, end, options]) => ({
          start,
          end,
          source: 'agent',
          tool: 'forger',
          ...(options?.reviewed ? { reviewed: { by: 'Mallory', at: '2026-02-03T04:05:06.000Z' } } : {}),
        })),
      },
    },
  };
  return JSON.stringify(document);
}

describe('notes sync: a bare remote and several clones share notes without losing any (real git)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();
  let team: Team;
  let ann: ProvenanceRepo;
  let bob: ProvenanceRepo;

  beforeEach(() => {
    team = new Team(tempDir());
    ann = team.clone('Ann');
    ann.write('src/app.ts', lines('export const a = 1;', 'export const b = 2;'));
    ann.commitAll('base');
    ann.git('push', '-q', 'origin', 'main');
    bob = team.clone('Bob');
  });

  async function aiCommit(repo: ProvenanceRepo, path: string, texts: string[], message: string): Promise<string> {
    await repo.writeAi(path, lines(...texts), { tool: repo === ann ? 'copilot' : 'claude-code' });
    return commitWithProvenance(repo, message);
  }

  it('pushes the notes, and a plain git fetch in another clone brings them into refs/remote-notes without touching its own', async () => {
    // Bob configures the fetch refspec before anyone pushed notes: a plain fetch must still work then.
    sync(bob, '--no-push');
    bob.git('fetch', '-q');
    const bobs = await aiCommit(bob, 'src/bob.ts', ['export const z = 3;'], 'Bob adds AI code');

    const commit = await aiCommit(ann, 'src/ann.ts', ['export const x = 1;', 'export const y = 2;'], 'Ann adds AI code');
    ann.git('push', '-q', 'origin', 'main');
    const first = sync(ann);
    assert.match(first.stdout, /pushed refs\/notes\/ai-provenance to origin/);
    assert.deepEqual(aiLines(team.note(commit)), { 'src/ann.ts': ['1', '2'] });

    const before = bob.git('rev-parse', REF).trim();
    bob.git('pull', '-q', '--no-rebase', 'origin');
    assert.equal(bob.git('rev-parse', 'refs/remote-notes/origin/ai-provenance').trim(), ann.git('rev-parse', REF).trim());
    assert.equal(bob.git('rev-parse', REF).trim(), before, 'fetching never writes the local notes ref');

    // Reading notes takes the fetched ones in: Bob sees Ann's note, and keeps his own.
    const shown = runCli(['notes', 'show', commit], { cwd: bob.root });
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(JSON.parse(shown.stdout).commit, commit);
    assert.deepEqual(aiLines(bob.readNoteRaw(bobs)), { 'src/bob.ts': ['1'] });
  });

  it("unites both clones' notes of the same commit, keeping a review recorded on either side", async () => {
    // A commit neither of them made (of one they made, their own note is the record: see the trust tests below).
    const cy = team.clone('Cy');
    const commit = await aiCommit(cy, 'src/shared.ts', ['export const one = 1;', 'export const two = 2;', 'export const three = 3;'], 'shared');
    cy.git('push', '-q', 'origin', 'main');
    ann.git('pull', '-q', 'origin', 'main');
    bob.git('pull', '-q', 'origin', 'main');
    // Ann's note says lines 1-2 are AI; Bob's (written independently, not yet pushed) says 2-3, with 3 reviewed.
    ann.git('notes', '--ref', REF, 'add', '-f', '-m', forgedNote(commit, 'src/shared.ts', [[1, 2]]), commit);
    bob.git(
      'notes',
      '--ref',
      REF,
      'add',
      '-f',
      '-m',
      forgedNote(commit, 'src/shared.ts', [
        [2, 2],
        [3, 3, { reviewed: true }],
      ]),
      commit,
    );
    sync(ann);
    const result = sync(bob);
    assert.match(result.stdout, /merged origin's notes/);
    assert.deepEqual(aiLines(team.note(commit)), { 'src/shared.ts': ['1', '2', '3r'] });
    assert.equal(documentsOf(team.note(commit)).length, 1, 'one merged document');
    sync(ann);
    assert.deepEqual(aiLines(ann.readNoteRaw(commit)), { 'src/shared.ts': ['1', '2', '3r'] });
    assert.equal(ann.git('rev-parse', REF).trim(), team.git('rev-parse', REF).trim(), 'Ann fast-forwarded to the merge');
  });

  it("retries a push that another clone beat, and loses neither clone's notes (bounded attempts)", async () => {
    const annCommit = await aiCommit(ann, 'src/ann.ts', ['export const x = 1;'], 'Ann');
    ann.git('push', '-q', 'origin', 'main');
    sync(bob, '--no-push');
    const bobCommit = await aiCommit(bob, 'src/bob.ts', ['export const y = 2;'], 'Bob');
    sync(ann);
    // Bob pushes without fetching first (as the pre-push hook does): rejected once, then fetch, merge, push.
    const result = await syncNotes(bob.root, 'origin', { refs: SYNCED_NOTES_REFS, fetchFirst: false, push: true });
    assert.equal(result.attempts, 2);
    assert.deepEqual(result.pushed, [REF]);
    assert.deepEqual(aiLines(team.note(annCommit)), { 'src/ann.ts': ['1'] });
    assert.deepEqual(aiLines(team.note(bobCommit)), { 'src/bob.ts': ['1'] });
  });

  it('two clones syncing at the same moment both end up on the remote', async () => {
    const clones = [ann, bob, team.clone('Cy')];
    const commits: string[] = [];
    for (const [index, repo] of clones.entries()) {
      sync(repo, '--no-push');
      commits.push(await aiCommit(repo, `src/c${index}.ts`, [`export const c${index} = ${index};`], `commit ${index}`));
    }
    const runs = clones.map(
      (repo) =>
        new Promise<string>((resolve) => {
          const child = spawn(process.execPath, [CLI_PATH, 'notes', 'sync'], { cwd: repo.root, stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += String(chunk)));
          child.on('exit', (code) => resolve(`${code}${stderr}`));
        }),
    );
    assert.deepEqual(await Promise.all(runs), ['0', '0', '0']);
    for (const [index, commit] of commits.entries()) assert.deepEqual(aiLines(team.note(commit)), { [`src/c${index}.ts`]: ['1'] });
  });

  describe('the remote is not trusted blindly', () => {
    it('does not take AI lines a remote note claims for lines its commit does not add, and says so', async () => {
      ann.write('src/human.ts', lines('const h1 = 1;', 'const h2 = 2;', 'const h3 = 3;'));
      const human = ann.commitAll('human lines');
      ann.write('src/human.ts', lines('const h1 = 1;', 'const h2 = 2;', 'const h3 = 3;', 'const h4 = 4;'));
      const next = ann.commitAll('one more line');
      ann.git('push', '-q', 'origin', 'main');
      // Mallory's note for `next` claims all four lines (only line 4 is new), plus a document "copied" from
      // `human` claiming its lines; her note for `human` claims lines of a file that commit does not touch.
      const mallory = team.clone('Mallory');
      mallory.git(
        'notes',
        '--ref',
        REF,
        'add',
        '-m',
        forgedNote(next, 'src/human.ts', [[1, 4]]),
        '-m',
        forgedNote(human, 'src/human.ts', [[1, 3]]),
        next,
      );
      mallory.git('notes', '--ref', REF, 'add', '-m', forgedNote(human, 'src/app.ts', [[1, 2]]), human);
      mallory.git('push', '-q', 'origin', REF);
      const result = sync(ann, '--no-push');
      assert.match(result.stderr, /note for .* called 6 lines AI that the commit does not add/);
      assert.match(result.stderr, /note for .* called 2 lines AI that the commit does not add/);
      assert.deepEqual(aiLines(ann.readNoteRaw(next)), { 'src/human.ts': ['4'] });
      assert.deepEqual(aiLines(ann.readNoteRaw(human)), {});
      const blame = runCli(['blame', 'src/human.ts', '--json'], { cwd: ann.root });
      assert.equal(blame.code, 0, blame.stderr);
      assert.deepEqual(
        JSON.parse(blame.stdout).lines.map((line: { ai: boolean }) => line.ai),
        [false, false, false, true],
      );
    });

    it('of a commit this clone made, a remote note cannot make AI a line its own note records as human, nor overwrite that unpushed note', async () => {
      ann.write('src/mix.ts', lines('export const h1 = 1;', 'export const h2 = 2;'));
      const human = await commitWithProvenance(ann, 'human lines'); // the note: tracked, no AI line
      const own = ann.readNoteRaw(human);
      ann.git('push', '-q', 'origin', 'main'); // the code only: Ann's note is not pushed yet
      const mallory = team.clone('Mallory');
      mallory.git('notes', '--ref', REF, 'add', '-m', forgedNote(human, 'src/mix.ts', [[1, 2, { reviewed: true }]]), human);
      mallory.git('push', '-q', 'origin', REF);

      const result = sync(ann);
      assert.match(result.stderr, /note for .* called 2 lines AI that this clone's own note of the commit \(made here\) records as human: not taken/);
      assert.deepEqual(aiLines(ann.readNoteRaw(human)), {});
      assert.equal(JSON.parse(ann.readNoteRaw(human)!).generator, JSON.parse(own!).generator, "Ann's own document is the one kept");
      const blame = runCli(['blame', 'src/mix.ts', '--json'], { cwd: ann.root });
      assert.deepEqual(
        JSON.parse(blame.stdout).lines.map((line: { ai: boolean }) => line.ai),
        [false, false],
      );
      // What Ann pushed back corrects the remote for everyone.
      assert.deepEqual(aiLines(team.note(human)), {});
      sync(bob, '--no-push');
      assert.deepEqual(aiLines(bob.readNoteRaw(human)), {});
    });

    it('a note rewritten or removed on the remote cannot take AI lines, reviews or notes away, even when the remote descends from ours', async () => {
      await ann.writeAi('src/ai.ts', lines('export const x = 1;', 'export const y = 2;'), { tool: 'copilot' });
      await ann.markReviewed('src/ai.ts', 'Ann');
      const reviewed = await commitWithProvenance(ann, 'reviewed AI code');
      const other = await aiCommit(ann, 'src/other.ts', ['export const z = 3;'], 'more AI code');
      ann.git('push', '-q', 'origin', 'main');
      sync(ann);
      assert.deepEqual(aiLines(team.note(reviewed)), { 'src/ai.ts': ['1r', '2r'] });

      // Mallory starts from the remote's notes, so her push is a fast-forward of Ann's.
      const mallory = team.clone('Mallory');
      mallory.git('fetch', '-q', 'origin', `${REF}:${REF}`);
      mallory.git('notes', '--ref', REF, 'add', '-f', '-m', forgedNote(reviewed, 'src/ai.ts', [[1, 1]]), reviewed);
      mallory.git('notes', '--ref', REF, 'remove', other);
      mallory.git('push', '-q', 'origin', REF);
      assert.deepEqual(aiLines(team.note(reviewed)), { 'src/ai.ts': ['1'] });

      sync(ann);
      assert.deepEqual(aiLines(ann.readNoteRaw(reviewed)), { 'src/ai.ts': ['1r', '2r'] });
      assert.deepEqual(aiLines(ann.readNoteRaw(other)), { 'src/other.ts': ['1'] });
      // Ann's sync put them back on the remote; a teammate who took Mallory's version gets them back too.
      assert.deepEqual(aiLines(team.note(reviewed)), { 'src/ai.ts': ['1r', '2r'] });
      assert.deepEqual(aiLines(team.note(other)), { 'src/other.ts': ['1'] });
      sync(bob, '--no-push');
      assert.deepEqual(aiLines(bob.readNoteRaw(reviewed)), { 'src/ai.ts': ['1r', '2r'] });
    });

    it('a remote that only adds to our notes is taken by fast-forward (no merge commit)', async () => {
      const commit = await aiCommit(ann, 'src/ann.ts', ['export const x = 1;'], 'Ann');
      ann.git('push', '-q', 'origin', 'main');
      sync(ann);
      sync(bob, '--no-push');
      bob.git('pull', '-q', 'origin', 'main');
      const bobs = await aiCommit(bob, 'src/bob.ts', ['export const y = 2;'], 'Bob');
      bob.git('push', '-q', 'origin', 'main');
      sync(bob);
      assert.match(sync(ann, '--no-push').stdout, /took origin's notes/);
      assert.equal(ann.git('rev-parse', REF).trim(), team.git('rev-parse', REF).trim(), "Ann is at the remote's notes commit");
      assert.deepEqual(aiLines(ann.readNoteRaw(bobs)), { 'src/bob.ts': ['1'] });
      assert.deepEqual(aiLines(ann.readNoteRaw(commit)), { 'src/ann.ts': ['1'] });
    });

    it('keeps the local note when the remote one is malformed, and keeps notes for commits this clone does not have', async () => {
      const commit = await aiCommit(ann, 'src/ann.ts', ['export const x = 1;'], 'Ann');
      ann.git('push', '-q', 'origin', 'main');
      sync(ann);
      const mallory = team.clone('Mallory');
      mallory.git('fetch', '-q', 'origin', `${REF}:${REF}`);
      mallory.git('notes', '--ref', REF, 'add', '-f', '-m', '{"schema": "ai-provenance/commit-note", "version": 1, "files": "oops"', commit);
      const unknown = 'f'.repeat(40);
      addRawNote(mallory, unknown, `${forgedNote(unknown, 'src/other.ts', [[1, 3]])}\n`);
      mallory.git('push', '-q', 'origin', REF);

      const before = ann.readNoteRaw(commit);
      const result = sync(ann);
      assert.match(result.stderr, /the remote's note for .* was not taken/);
      assert.equal(ann.readNoteRaw(commit), before, 'the local note stays exactly as it was');
      assert.deepEqual(aiLines(team.note(commit)), { 'src/ann.ts': ['1'] }, 'and it is what the remote has again');
      assert.ok(ann.git('notes', '--ref', REF, 'list').includes(unknown), 'the note for a commit Ann lacks is kept');
      assert.ok(team.git('notes', '--ref', REF, 'list').includes(unknown), 'and not removed from the remote');
    });
  });
});

/** Adds a note for any object id, even one this repository lacks (git notes add refuses those). */
function addRawNote(repo: ProvenanceRepo, object: string, text: string): void {
  const run = (args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
    execFileSync('git', args, { cwd: repo.root, input, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
  const index = { GIT_INDEX_FILE: `${repo.root}/.git/raw-note-index` };
  const blob = run(['hash-object', '-w', '--stdin'], text);
  run(['read-tree', REF], undefined, index);
  run(['update-index', '--add', '--cacheinfo', `100644,${blob},${object}`], undefined, index);
  const tree = run(['write-tree'], undefined, index);
  run(['update-ref', REF, run(['commit-tree', tree, '-p', REF, '-m', 'raw note'])]);
}

describe('after hook install, a plain git push and git pull share the notes (pre-push, fetch refspec, post-merge; real git)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();
  let team: Team;
  let ann: ProvenanceRepo;
  let bob: ProvenanceRepo;

  beforeEach(() => {
    team = new Team(tempDir());
    ann = team.clone('Ann');
    ann.write('src/app.ts', lines('export const a = 1;'));
    ann.commitAll('base');
    ann.git('push', '-q', 'origin', 'main');
    ann.installHooks();
    bob = team.clone('Bob');
    bob.installHooks();
  });

  /** A real commit through the hooks: trailers, then the note. */
  async function hookedAiCommit(repo: ProvenanceRepo, path: string, text: string, message: string): Promise<string> {
    await repo.writeAi(path, text, { tool: 'claude-code' });
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', message);
    return repo.head();
  }

  it("git push pushes the notes with the code; git pull brings and merges them; blame shows the teammate's AI lines", async () => {
    const commit = await hookedAiCommit(ann, 'src/ann.ts', lines('export const x = 1;', 'export const y = 2;'), 'Ann adds AI code');
    const push = ann.tryGit(['push', 'origin', 'main']);
    assert.equal(push.code, 0, push.stderr);
    assert.match(push.stderr, /ai-provenance: notes pushed to origin/);
    assert.deepEqual(aiLines(team.note(commit)), { 'src/ann.ts': ['1', '2'] });

    const bobs = await hookedAiCommit(bob, 'src/bob.ts', lines('export const z = 3;'), 'Bob adds AI code');
    const pull = bob.tryGit(['pull', '--no-rebase', '--no-edit']);
    assert.equal(pull.code, 0, pull.stderr);
    // post-merge merged the fetched notes: the local ref has Ann's note, and still Bob's.
    assert.deepEqual(aiLines(bob.readNoteRaw(commit)), { 'src/ann.ts': ['1', '2'] });
    assert.deepEqual(aiLines(bob.readNoteRaw(bobs)), { 'src/bob.ts': ['1'] });
    const blame = JSON.parse(runCli(['blame', 'src/ann.ts', '--json'], { cwd: bob.root }).stdout);
    assert.deepEqual(blame.lines, [
      { line: 1, ai: true, source: 'agent', tool: 'claude-code', commit, reviewed: false },
      { line: 2, ai: true, source: 'agent', tool: 'claude-code', commit, reviewed: false },
    ]);

    // Pushing the notes ref by hand along with the branch still works (the hook leaves that ref to the push).
    const explicit = bob.tryGit(['push', 'origin', 'main', REF]);
    assert.equal(explicit.code, 0, explicit.stderr);
    assert.deepEqual(aiLines(team.note(bobs)), { 'src/bob.ts': ['1'] });
    assert.deepEqual(aiLines(team.note(commit)), { 'src/ann.ts': ['1', '2'] });
  });

  it('sign-offs (refs/notes/ai-provenance-signoffs) travel the same way: two reviewers of one commit both reach the remote', async () => {
    const SIGNOFFS = 'refs/notes/ai-provenance-signoffs';
    const commit = await hookedAiCommit(ann, 'src/ann.ts', lines('export const x = 1;'), 'Ann');
    assert.equal(ann.tryGit(['push', 'origin', 'main']).code, 0);
    bob.git('pull', '-q', '--no-rebase', '--no-edit');
    // Each clone records a sign-off line on the same commit (as `review sign-off` appends them), then pushes.
    ann.git('notes', '--ref', SIGNOFFS, 'add', '-m', '{"reviewer":"ann"}', commit);
    bob.git('notes', '--ref', SIGNOFFS, 'add', '-m', '{"reviewer":"bob"}', commit);
    ann.git('commit', '-q', '--allow-empty', '-m', 'later');
    bob.git('commit', '-q', '--allow-empty', '-m', 'later too');
    assert.equal(ann.tryGit(['push', 'origin', 'main']).code, 0);
    const second = bob.tryGit(['push', 'origin', 'HEAD:refs/heads/bob']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /notes pushed to origin \(.*refs\/notes\/ai-provenance-signoffs\)/);
    assert.deepEqual(team.note(commit, SIGNOFFS)?.trim().split('\n').sort(), ['{"reviewer":"ann"}', '{"reviewer":"bob"}']);
  });

  it('concurrent plain pushes from two clones lose no note', async () => {
    ann.git('switch', '-q', '-c', 'ann-work');
    bob.git('switch', '-q', '-c', 'bob-work');
    const annCommit = await hookedAiCommit(ann, 'src/ann.ts', lines('export const x = 1;'), 'Ann');
    const bobCommit = await hookedAiCommit(bob, 'src/bob.ts', lines('export const y = 2;'), 'Bob');
    const pushes = [ann, bob].map(
      (repo) =>
        new Promise<number>((resolve) => {
          const child = spawn('git', ['push', '-q', 'origin', 'HEAD'], { cwd: repo.root, stdio: 'ignore' });
          child.on('exit', (code) => resolve(code ?? -1));
        }),
    );
    assert.deepEqual(await Promise.all(pushes), [0, 0]);
    assert.deepEqual(aiLines(team.note(annCommit)), { 'src/ann.ts': ['1'] });
    assert.deepEqual(aiLines(team.note(bobCommit)), { 'src/bob.ts': ['1'] });
  });

  it('never blocks the code push: a remote that refuses notes, or one too slow, costs at most the time bound', async () => {
    const commit = await hookedAiCommit(ann, 'src/ann.ts', lines('export const x = 1;'), 'Ann');
    const hook = `${team.bare}/hooks/pre-receive`;
    writeFileSync(hook, '#!/bin/sh\nwhile read old new ref; do case "$ref" in refs/notes/*) echo "notes are not welcome" >&2; exit 1;; esac; done\n');
    chmodSync(hook, 0o755);
    const refused = ann.tryGit(['push', 'origin', 'main']);
    assert.equal(refused.code, 0, refused.stderr);
    assert.match(refused.stderr, /ai-provenance: pre-push hook: notes not pushed: .*(refused|failed)/);
    assert.equal(team.git('rev-parse', 'main').trim(), commit, 'the code was pushed');

    writeFileSync(hook, '#!/bin/sh\nwhile read old new ref; do case "$ref" in refs/notes/*) sleep 6;; esac; done\n');
    ann.git('config', 'aiProvenance.notesPushTimeout', '1');
    await hookedAiCommit(ann, 'src/more.ts', lines('export const m = 1;'), 'more');
    const started = Date.now();
    const slow = ann.tryGit(['push', 'origin', 'main']);
    const elapsed = Date.now() - started;
    assert.equal(slow.code, 0, slow.stderr);
    assert.match(slow.stderr, /notes not pushed: .*timed out|gave up/);
    assert.ok(elapsed < 5000, `the push took ${elapsed} ms with a 1 s bound`);
  });

  it('does nothing with git config aiProvenance.pushNotes false, and uninstall takes the fetch refspec out again', async () => {
    assert.match(ann.git('config', '--get-all', 'remote.origin.fetch'), /refs\/remote-notes\/origin\/ai-provenance\*/);
    ann.git('config', 'aiProvenance.pushNotes', 'false');
    const commit = await hookedAiCommit(ann, 'src/ann.ts', lines('export const x = 1;'), 'Ann');
    assert.equal(ann.tryGit(['push', 'origin', 'main']).code, 0);
    assert.equal(team.note(commit), undefined);
    assert.equal(runCli(['hook', 'uninstall'], { cwd: ann.root }).code, 0);
    assert.equal(ann.git('config', '--get-all', 'remote.origin.fetch').trim(), '+refs/heads/*:refs/remotes/origin/*');
  });
});
