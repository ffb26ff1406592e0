import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliJson } from '../../support/cli';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

interface Status {
  files: Array<{
    path: string;
    problem?: string;
    regions: Array<{
      startLine: number;
      endLine: number;
      source: string;
      tool?: string;
      model?: string;
      reviewed: boolean;
      reviewedBy?: string;
      humanModifiedLines: number[];
      aiLines: number;
      confidence: number;
    }>;
  }>;
}

const CHARGE = [
  "import { stripe } from './stripe';",
  '',
  'export async function charge(cents: number) {',
  '  if (cents <= 0) throw new Error("bad amount");',
  '  return stripe.charges.create({ amount: cents });',
  '}',
  '',
].join('\n');

function spans(status: Status, path: string) {
  const file = status.files.find((candidate) => candidate.path === path);
  return file?.regions.map((region) => [region.startLine, region.endLine, region.reviewed]) ?? [];
}

describe('CLI: record, status, mark-reviewed, unmark, clear', () => {
  const tempDir = useTempDir();
  let repo: GitRepo;
  beforeEach(() => {
    repo = GitRepo.init(tempDir());
    repo.write('src/payments/charge.ts', CHARGE);
  });

  it('records a line range and reports it in the documented JSON shape', () => {
    const recorded = runCli(['record', 'src/payments/charge.ts', '--lines', '3-6', '--tool', 'aider', '--model', 'gpt-x'], { cwd: repo.root });
    assert.equal(recorded.code, 0, recorded.stderr);
    assert.match(recorded.stdout, /4 lines marked as AI/);
    const status = runCliJson<Status>(['status'], { cwd: repo.root });
    assert.equal(status.files.length, 1);
    const [region] = status.files[0].regions;
    assert.equal(status.files[0].path, 'src/payments/charge.ts');
    assert.deepEqual(
      {
        startLine: region.startLine,
        endLine: region.endLine,
        source: region.source,
        tool: region.tool,
        model: region.model,
        reviewed: region.reviewed,
        humanModifiedLines: region.humanModifiedLines,
        aiLines: region.aiLines,
      },
      { startLine: 3, endLine: 6, source: 'agent', tool: 'aider', model: 'gpt-x', reviewed: false, humanModifiedLines: [], aiLines: 4 },
    );
  });

  it('works from a subdirectory with paths relative to it', () => {
    const result = runCli(['record', 'charge.ts', '--lines', '3-3'], { cwd: join(repo.root, 'src/payments') });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(spans(runCliJson<Status>(['status'], { cwd: repo.root }), 'src/payments/charge.ts'), [[3, 3, false]]);
  });

  it('records what changed against a copy from before the tool ran', () => {
    const before = join(tempDir(), 'before.ts');
    writeFileSync(before, CHARGE);
    repo.write('src/payments/charge.ts', CHARGE.replace('  return stripe', '  log(cents);\n  audit(cents);\n  return stripe'));
    const result = runCli(['record', 'src/payments/charge.ts', '--before', before, '--tool', 'codex'], { cwd: repo.root });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(spans(runCliJson<Status>(['status'], { cwd: repo.root }), 'src/payments/charge.ts'), [[5, 6, false]]);
  });

  it('reports regions re-anchored after the file changed on disk', () => {
    runCli(['record', 'src/payments/charge.ts', '--lines', '3-6'], { cwd: repo.root });
    repo.write('src/payments/charge.ts', `// header\n// second\n${CHARGE.replace('cents <= 0', 'cents < 1')}`);
    const status = runCliJson<Status>(['status'], { cwd: repo.root });
    const [region] = status.files[0].regions;
    assert.deepEqual([region.startLine, region.endLine], [5, 8]);
    assert.deepEqual(region.humanModifiedLines, [6]);
  });

  it('marks some lines reviewed, splitting the region', () => {
    runCli(['record', 'src/payments/charge.ts', '--lines', '3-6'], { cwd: repo.root });
    const result = runCli(['mark-reviewed', 'src/payments/charge.ts', '--lines', '4-5', '--by', 'ana'], { cwd: repo.root });
    assert.equal(result.code, 0, result.stderr);
    const status = runCliJson<Status>(['status'], { cwd: repo.root });
    assert.deepEqual(spans(status, 'src/payments/charge.ts'), [
      [3, 3, false],
      [4, 5, true],
      [6, 6, false],
    ]);
    assert.equal(status.files[0].regions[1].reviewedBy, 'ana');
  });

  it('marks a whole file reviewed by the git user by default', () => {
    runCli(['record', 'src/payments/charge.ts', '--lines', '3-6'], { cwd: repo.root });
    runCli(['mark-reviewed', 'src/payments/charge.ts'], { cwd: repo.root });
    const [region] = runCliJson<Status>(['status'], { cwd: repo.root }).files[0].regions;
    assert.equal(region.reviewedBy, 'Test User');
  });

  it('unmarks lines and clears files', () => {
    runCli(['record', 'src/payments/charge.ts', '--lines', '3-6'], { cwd: repo.root });
    runCli(['unmark', 'src/payments/charge.ts', '--lines', '4-4'], { cwd: repo.root });
    assert.deepEqual(spans(runCliJson<Status>(['status'], { cwd: repo.root }), 'src/payments/charge.ts'), [
      [3, 3, false],
      [5, 6, false],
    ]);
    const cleared = runCli(['clear', 'src/payments/charge.ts'], { cwd: repo.root });
    assert.match(cleared.stdout, /2 regions cleared/);
    assert.deepEqual(runCliJson<Status>(['status'], { cwd: repo.root }).files, []);
  });

  it('shows regions of a deleted file as last recorded', () => {
    runCli(['record', 'src/payments/charge.ts', '--lines', '3-6'], { cwd: repo.root });
    rmSync(join(repo.root, 'src/payments/charge.ts'));
    const status = runCliJson<Status>(['status'], { cwd: repo.root });
    assert.equal(status.files[0].problem, 'missing');
    assert.equal(status.files[0].regions.length, 1);
    assert.equal(runCli(['clear', 'src/payments/charge.ts'], { cwd: repo.root }).code, 0);
  });

  it('shares the store between worktrees of one repository', () => {
    repo.commitAll('initial');
    const worktree = join(tempDir(), 'wt');
    repo.git('worktree', 'add', '-q', worktree);
    assert.equal(runCli(['record', 'src/payments/charge.ts', '--lines', '3-4'], { cwd: worktree }).code, 0);
    assert.deepEqual(spans(runCliJson<Status>(['status'], { cwd: repo.root }), 'src/payments/charge.ts'), [[3, 4, false]]);
  });

  describe('errors', () => {
    it('rejects bad arguments with exit code 2 and a usage hint', () => {
      for (const args of [
        ['record', 'src/payments/charge.ts'],
        ['record', 'src/payments/charge.ts', '--lines', 'x-y'],
        ['record', 'src/payments/charge.ts', '--lines', '5-2'],
        ['record', '--bogus'],
        ['unmark', 'src/payments/charge.ts'],
      ]) {
        const result = runCli(args, { cwd: repo.root });
        assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
        assert.match(result.stderr, /--help/);
        assert.equal(result.stderr.trim().split('\n').length, 2, result.stderr);
      }
    });

    it('fails with exit code 1 and one line for a missing file or a range past the end', () => {
      const missing = runCli(['record', 'nope.ts', '--lines', '1-2'], { cwd: repo.root });
      assert.equal(missing.code, 1);
      assert.equal(missing.stderr, 'ai-provenance record: nope.ts does not exist\n');
      const past = runCli(['record', 'src/payments/charge.ts', '--lines', '3-99'], { cwd: repo.root });
      assert.equal(past.code, 1);
      assert.match(past.stderr, /has 7 lines/);
    });

    it('refuses binary files', () => {
      repo.write('logo.png', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000');
      const result = runCli(['record', 'logo.png', '--lines', '1-1'], { cwd: repo.root });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /binary/);
    });

    it('explains what to do outside git, and works with --store', () => {
      const plain = mkdtempSync(join(tmpdir(), 'aip-plain-'));
      writeFileSync(join(plain, 'a.py'), 'x = 1\ny = 2\n');
      const refused = runCli(['record', 'a.py', '--lines', '1-1'], { cwd: plain });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /not a git repository.*--store/);
      const store = join(tempDir(), 'store');
      assert.equal(runCli(['record', 'a.py', '--lines', '1-1', '--store', store], { cwd: plain }).code, 0);
      assert.deepEqual(spans(runCliJson<Status>(['status', '--store', store], { cwd: plain }), 'a.py'), [[1, 1, false]]);
      rmSync(plain, { recursive: true, force: true });
    });

    it('tells about an unknown command', () => {
      const result = runCli(['frobnicate'], { cwd: repo.root });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /unknown command "frobnicate"/);
    });
  });
});
