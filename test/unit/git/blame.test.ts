import * as assert from 'node:assert/strict';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { commitWithProvenance, lines, ProvenanceRepo } from './support/provenanceRepo';

interface BlameJson {
  readonly path: string;
  readonly rev: string;
  readonly lines: ReadonlyArray<Record<string, unknown>>;
}

describe('ai-provenance blame: per line, who wrote it and whether an AI did (real git)', function () {
  this.timeout(60_000);
  const tempDir = useTempDir();
  let repo: ProvenanceRepo;
  let first: string;
  let second: string;

  beforeEach(async () => {
    repo = ProvenanceRepo.create(tempDir());
    repo.write('src/pay.ts', lines('// payments', 'export const fee = 1;'));
    repo.commitAll('base');
    repo.write('src/pay.ts', lines('// payments', 'export const fee = 1;', 'export function charge() {', '  return fee;', '}'));
    await repo.markAi('src/pay.ts', 3, 5, { source: 'inline', tool: 'copilot', model: 'gpt-4o' });
    await repo.markReviewed('src/pay.ts', 'Ann');
    first = await commitWithProvenance(repo, 'charge()');
    repo.git('mv', 'src/pay.ts', 'src/payments.ts');
    repo.write('src/payments.ts', lines('// payments', 'export const fee = 2;', 'export function charge() {', '  return fee;', '}'));
    second = await commitWithProvenance(repo, 'rename, raise the fee');
  });

  it('--json follows the contract: path, rev, one entry per line, 1-based; AI lines carry source, tool, model and reviewed', () => {
    const result = runCli(['blame', 'src/payments.ts', '--json'], { cwd: repo.root });
    assert.equal(result.code, 0, result.stderr);
    const blame = JSON.parse(result.stdout) as BlameJson;
    assert.equal(blame.path, 'src/payments.ts');
    assert.equal(blame.rev, second);
    const base = repo.git('rev-parse', 'HEAD~2').trim();
    assert.deepEqual(blame.lines, [
      { line: 1, ai: false, commit: base },
      { line: 2, ai: false, commit: second },
      // The AI lines came through a rename: git blame follows it, and the note of the commit that added them says AI.
      { line: 3, ai: true, source: 'inline', tool: 'copilot', model: 'gpt-4o', commit: first, reviewed: true },
      { line: 4, ai: true, source: 'inline', tool: 'copilot', model: 'gpt-4o', commit: first, reviewed: true },
      { line: 5, ai: true, source: 'inline', tool: 'copilot', model: 'gpt-4o', commit: first, reviewed: true },
    ]);
    assert.deepEqual(Object.keys(blame.lines[2]), ['line', 'ai', 'source', 'tool', 'model', 'commit', 'reviewed']);
  });

  it('--rev blames an older revision; the text form shows the lines with their provenance', () => {
    const older = JSON.parse(runCli(['blame', 'src/pay.ts', '--rev', first, '--json'], { cwd: repo.root }).stdout) as BlameJson;
    assert.equal(older.lines.length, 5);
    assert.equal(older.rev, first);
    const text = runCli(['blame', 'src/payments.ts'], { cwd: repo.root });
    assert.equal(text.code, 0, text.stderr);
    const rows = text.stdout.trimEnd().split('\n');
    assert.match(rows[2], new RegExp(`^${first.slice(0, 10)}  AI inline copilot gpt-4o  reviewed by Ann\\s+3  export function charge\\(\\) \\{$`));
    assert.match(rows[1], new RegExp(`^${second.slice(0, 10)}\\s+2  export const fee = 2;$`));
    assert.equal(rows[5], `src/payments.ts at ${second.slice(0, 10)}: 3 of 5 lines written by AI, 3 reviewed`);
  });

  it('says clearly what is wrong with a file or revision that does not exist', () => {
    const missing = runCli(['blame', 'src/nope.ts'], { cwd: repo.root });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /ai-provenance blame: .*src\/nope\.ts/);
    const badRev = runCli(['blame', 'src/payments.ts', '--rev', 'no-such-rev'], { cwd: repo.root });
    assert.equal(badRev.code, 1);
    assert.match(badRev.stderr, /no-such-rev is not a commit here/);
    assert.equal(runCli(['blame'], { cwd: repo.root }).code, 2);
  });
});
