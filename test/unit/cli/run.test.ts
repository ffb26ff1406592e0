import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliJson } from '../../support/cli';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

interface Status {
  files: Array<{ path: string; regions: Array<{ startLine: number; endLine: number; source: string; tool?: string; model?: string }> }>;
}

/** A command standing in for an agent without hooks: appends lines to a file, then exits with `code`. */
function agentScript(file: string, lines: string, code: number): string[] {
  return [process.execPath, '-e', `require('fs').appendFileSync(${JSON.stringify(file)}, ${JSON.stringify(lines)}); process.exit(${code})`];
}

describe('CLI: run -- <agent command>', () => {
  const tempDir = useTempDir();
  let repo: GitRepo;
  beforeEach(() => {
    repo = GitRepo.init(tempDir());
    repo.write('src/a.ts', 'export const a = 1;\n');
    repo.commitAll('a');
  });

  it('marks what the command wrote, not what the person had changed before, and passes the exit code through', () => {
    repo.write('src/a.ts', 'export const a = 1;\nexport const mine = 2;\n');
    const result = runCli(
      [
        'run',
        '--tool',
        'aider',
        '--model',
        'sonnet',
        '--',
        ...agentScript(join(repo.root, 'src/a.ts'), 'export function fromAgent() {\n  return 3;\n}\n', 3),
      ],
      { cwd: repo.root },
    );
    assert.equal(result.code, 3, result.stderr);
    const status = runCliJson<Status>(['status'], { cwd: repo.root });
    assert.deepEqual(
      status.files.map((file) => [
        file.path,
        file.regions.map((region) => [region.startLine, region.endLine, region.source, region.tool, region.model]),
      ]),
      [['src/a.ts', [[3, 5, 'agent', 'aider', 'sonnet']]]],
    );
    assert.ok(readFileSync(join(repo.root, 'src/a.ts'), 'utf8').includes('mine'));
  });

  it('names the tool after the command by default, and lets the command own its --help', () => {
    const result = runCli(
      [
        'run',
        '--',
        process.execPath,
        '-e',
        "require('fs').writeFileSync('b.ts', 'export const b = 2;\\n'); console.log(process.argv.includes('--help') ? 'own help' : '')",
        '--',
        '--help',
      ],
      { cwd: repo.root },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /own help/);
    const [file] = runCliJson<Status>(['status'], { cwd: repo.root }).files;
    assert.equal(file.regions[0].tool, 'node');
  });

  it('still runs the command outside git, saying nothing can be recorded', () => {
    const plain = mkdtempSync(join(tmpdir(), 'aip-plain-'));
    const result = runCli(['run', '--', process.execPath, '-e', 'process.exit(0)'], { cwd: plain });
    assert.equal(result.code, 0);
    assert.match(result.stderr, /no checkpoint, nothing will be recorded/);
    rmSync(plain, { recursive: true, force: true });
  });

  it('reports a command that cannot start with exit code 127', () => {
    const result = runCli(['run', '--', 'no-such-agent-command'], { cwd: repo.root });
    assert.equal(result.code, 127);
    assert.match(result.stderr, /cannot start no-such-agent-command/);
  });

  it('asks for the command after --', () => {
    assert.equal(runCli(['run', 'aider'], { cwd: repo.root }).code, 2);
  });
});
