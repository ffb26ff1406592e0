import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseNoteText, type CommitNote } from '../../../src/core/provenance';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, lines } from './support/provenanceRepo';

function note(repo: ProvenanceRepo, rev = 'HEAD'): CommitNote {
  const raw = repo.readNoteRaw(rev);
  assert.ok(raw, `${rev} has a note`);
  const { documents, problems } = parseNoteText(raw);
  assert.deepEqual(problems, []);
  assert.equal(documents.length, 1, `exactly one document, got: ${raw}`);
  return documents[0];
}

function ranges(document: CommitNote, path: string): Array<[number, number]> {
  return (document.files[path]?.ranges ?? []).map((range) => [range.start, range.end]);
}

/** Forgets every region, so only notes can carry provenance further. */
function forgetRegions(repo: ProvenanceRepo): void {
  rmSync(join(repo.storeDir, 'regions.json'), { force: true });
}

const FILE = lines(...Array.from({ length: 12 }, (_, i) => `export const line${i + 1} = ${i + 1};`));

describe('notes: written at commit time, following amend, rebase, cherry-pick and squash (real git)', function () {
  this.timeout(180_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  beforeEach(() => {
    repo = ProvenanceRepo.create(tempDir());
    repo.write('src/app.ts', FILE);
    repo.commitAll('base');
    repo.installHooks();
  });

  /** Adds AI lines after line 6 of src/app.ts and commits them. */
  async function commitAiLines(texts: string[], message: string, origin = {}): Promise<string> {
    const current = repo.read('src/app.ts').split('\n');
    current.splice(6, 0, ...texts);
    repo.write('src/app.ts', current.join('\n'));
    await repo.markAi('src/app.ts', 7, 6 + texts.length, origin);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', message);
    return repo.head();
  }

  it('writes a schema-versioned single-line JSON note with line ranges, origins and review state', async () => {
    repo.write('src/auth/login.ts', lines('export function login() {', '  return true;', '}'));
    await repo.markAi('src/auth/login.ts', 1, 3, { source: 'inline', tool: 'copilot', model: 'gpt-4o' });
    await repo.markReviewed('src/auth/login.ts', 'Ann');
    await commitAiLines(['export const ai1 = 1;', 'export const ai2 = 2;'], 'Add AI code', { tool: 'claude-code' });
    const raw = repo.readNoteRaw()!;
    assert.equal(raw.trim().split('\n').length, 1, 'one line, so git note merging keeps documents apart');
    const document = note(repo);
    assert.equal(document.schema, 'ai-provenance/commit-note');
    assert.equal(document.version, 1);
    assert.equal(document.commit, repo.head());
    assert.deepEqual(document.totals, { aiLines: 5, addedLines: 5, reviewedLines: 3 });
    assert.deepEqual(document.files['src/app.ts'], {
      addedLines: 2,
      aiLines: 2,
      reviewedLines: 0,
      ranges: [{ start: 7, end: 8, source: 'agent', tool: 'claude-code' }],
    });
    assert.deepEqual(document.files['src/auth/login.ts'].ranges, [
      { start: 1, end: 3, source: 'inline', tool: 'copilot', model: 'gpt-4o', reviewed: { by: 'Ann', at: '2026-01-02T03:04:05.000Z' } },
    ]);
    assert.deepEqual(document.files['src/auth/login.ts'].loadBearing, ['auth']);
  });

  it('attests commits without AI lines with a note saying so (aiLines: 0), so "nothing AI" differs from "never tracked"', () => {
    repo.write('README.md', lines('hello', '', 'world'));
    repo.commitAll('docs');
    const document = note(repo);
    assert.deepEqual(document.totals, { aiLines: 0, addedLines: 2, reviewedLines: 0 });
    assert.deepEqual(document.files, {});
    assert.equal(document.commit, repo.head());
  });

  it('follows an amend that shifts the AI lines, even with the regions forgotten', async () => {
    await commitAiLines(['export const ai1 = 1;', 'export const ai2 = 2;'], 'Add AI code');
    forgetRegions(repo);
    const text = repo.read('src/app.ts').split('\n');
    text.splice(0, 0, '// a human header line');
    repo.write('src/app.ts', text.join('\n'));
    repo.git('commit', '-q', '-a', '--amend', '--no-edit');
    assert.deepEqual(ranges(note(repo), 'src/app.ts'), [[8, 9]]);
  });

  it('follows a rebase onto a branch that moved the lines', async () => {
    const oldCommit = await commitAiLines(['export const ai1 = 1;', 'export const ai2 = 2;'], 'Add AI code');
    repo.git('checkout', '-q', '-b', 'upstream', 'HEAD~1');
    const text = repo.read('src/app.ts').split('\n');
    text.splice(0, 0, '// upstream 1', '// upstream 2', '// upstream 3');
    repo.write('src/app.ts', text.join('\n'));
    repo.commitAll('upstream change');
    repo.git('checkout', '-q', 'main');
    forgetRegions(repo);
    repo.git('rebase', '-q', 'upstream');
    assert.notEqual(repo.head(), oldCommit);
    const document = note(repo);
    assert.equal(document.commit, repo.head());
    assert.deepEqual(ranges(document, 'src/app.ts'), [[10, 11]]);
  });

  it('follows a cherry-pick', async () => {
    await commitAiLines(['export const ai1 = 1;'], 'Add AI code');
    const picked = repo.head();
    repo.git('checkout', '-q', '-b', 'release', 'HEAD~1');
    const text = repo.read('src/app.ts').split('\n');
    text.splice(0, 0, '// release header');
    repo.write('src/app.ts', text.join('\n'));
    repo.commitAll('release header');
    forgetRegions(repo);
    repo.git('cherry-pick', picked);
    assert.deepEqual(ranges(note(repo), 'src/app.ts'), [[8, 8]]);
  });

  it('merges the notes of squashed commits into one document (rebase -i squash)', async () => {
    await commitAiLines(['export const first = 1;'], 'first AI');
    await commitAiLines(['export const second = 2;'], 'second AI');
    forgetRegions(repo);
    const sequenceEditor = repo.script('squash.sh', '#!/bin/sh\nsed -i.bak \'2s/^pick/squash/\' "$1"\n');
    const result = repo.tryGit(['rebase', '-q', '-i', 'HEAD~2'], { GIT_SEQUENCE_EDITOR: sequenceEditor, GIT_EDITOR: 'true' });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '2');
    const document = note(repo);
    assert.deepEqual(ranges(document, 'src/app.ts'), [[7, 8]]);
    assert.equal(document.totals.aiLines, 2);
  });

  it('reads and repairs notes that git concatenated (notes.rewriteMode) ', async () => {
    const commit = await commitAiLines(['export const ai1 = 1;'], 'Add AI code');
    const raw = repo.readNoteRaw()!.trim();
    const copy = raw.replace(/"commit":"[0-9a-f]+"/, `"commit":"${commit}"`);
    repo.git('notes', '--ref', 'refs/notes/ai-provenance', 'add', '-f', '-m', `${raw}\n\n${copy}`, commit);
    assert.equal(parseNoteText(repo.readNoteRaw()!).documents.length, 2);
    const written = runCli(['notes', 'write'], { cwd: repo.root });
    assert.equal(written.code, 0, written.stderr);
    assert.deepEqual(ranges(note(repo), 'src/app.ts'), [[7, 7]]);
  });

  it('exports Agent Trace records', async () => {
    const commit = await commitAiLines(['export const ai1 = 1;', 'export const ai2 = 2;'], 'Add AI code', { model: 'anthropic/claude-sonnet-4' });
    const result = runCli(['notes', 'export', '--agent-trace', '--base', 'HEAD~1'], { cwd: repo.root });
    assert.equal(result.code, 0, result.stderr);
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(records.length, 1);
    const [record] = records as Array<{ version: string; id: string; vcs: unknown; files: unknown; metadata: Record<string, unknown> }>;
    assert.equal(record.version, '0.1.0');
    assert.match(record.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(record.vcs, { type: 'git', revision: commit });
    assert.deepEqual(record.files, [
      {
        path: 'src/app.ts',
        conversations: [{ contributor: { type: 'ai', model_id: 'anthropic/claude-sonnet-4' }, ranges: [{ start_line: 7, end_line: 8 }] }],
      },
    ]);
    assert.equal((record.metadata['dev.ai-provenance'] as CommitNote).schema, 'ai-provenance/commit-note');
  });
});
