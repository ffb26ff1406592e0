import * as assert from 'node:assert/strict';
import { runCli, runCliJson } from '../../support/cli';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

interface Status {
  files: Array<{ path: string; regions: Array<{ startLine: number; endLine: number; source: string; tool?: string; confidence: number }> }>;
}

const AUTH = ['export function login(user) {', '  return check(user);', '}', ''].join('\n');

function hook(repo: GitRepo, event: object) {
  return runCli(['record', '--hook', 'claude-code'], {
    cwd: repo.root,
    input: JSON.stringify({ cwd: repo.root, hook_event_name: 'PostToolUse', ...event }),
  });
}

function regions(repo: GitRepo, path: string) {
  const status = runCliJson<Status>(['status'], { cwd: repo.root });
  return status.files.find((file) => file.path === path)?.regions.map((region) => [region.startLine, region.endLine]) ?? [];
}

describe('CLI: record --hook claude-code', () => {
  const tempDir = useTempDir();
  let repo: GitRepo;
  beforeEach(() => {
    repo = GitRepo.init(tempDir());
  });

  it('marks every line of a new file written with Write', () => {
    const content = 'export const a = 1;\n\nexport const b = 2;\n';
    const file = repo.write('src/new.ts', content);
    const result = hook(repo, { tool_name: 'Write', tool_input: { file_path: file, content } });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(regions(repo, 'src/new.ts'), [[1, 3]]);
    const [region] = runCliJson<Status>(['status'], { cwd: repo.root }).files[0].regions;
    assert.equal(region.source, 'agent-hook');
    assert.equal(region.tool, 'claude-code');
  });

  it('marks only the added lines of a Write when Claude Code reports its patch', () => {
    const content = 'line 1\nline 2 changed\nline 3\nline 4 new\n';
    const file = repo.write('a.txt', content);
    const structuredPatch = [{ oldStart: 1, newStart: 1, lines: [' line 1', '-line 2', '+line 2 changed', ' line 3', '+line 4 new'] }];
    hook(repo, { tool_name: 'Write', tool_input: { file_path: file, content }, tool_response: { structuredPatch } });
    assert.deepEqual(regions(repo, 'a.txt'), [
      [2, 2],
      [4, 4],
    ]);
  });

  it('marks the new lines of an Edit, not the context it repeated', () => {
    const edited = AUTH.replace('  return check(user);', '  audit(user);\n  return check(user);');
    const file = repo.write('src/auth/login.ts', edited);
    hook(repo, {
      tool_name: 'Edit',
      tool_input: { file_path: file, old_string: '  return check(user);', new_string: '  audit(user);\n  return check(user);' },
    });
    assert.deepEqual(regions(repo, 'src/auth/login.ts'), [[2, 2]]);
  });

  it('marks each edit of a MultiEdit, with a relative file path', () => {
    const edited = 'const a = 10;\nconst b = 2;\nconst c = 30;\n';
    repo.write('m.ts', edited);
    hook(repo, {
      tool_name: 'MultiEdit',
      tool_input: {
        file_path: 'm.ts',
        edits: [
          { old_string: 'const a = 1;', new_string: 'const a = 10;' },
          { old_string: 'const c = 3;', new_string: 'const c = 30;' },
        ],
      },
    });
    assert.deepEqual(regions(repo, 'm.ts'), [
      [1, 1],
      [3, 3],
    ]);
  });

  it('marks every occurrence of a replace_all edit', () => {
    repo.write('r.ts', 'newName();\nother();\nnewName();\n');
    hook(repo, { tool_name: 'Edit', tool_input: { file_path: 'r.ts', old_string: 'oldName', new_string: 'newName', replace_all: true } });
    assert.deepEqual(regions(repo, 'r.ts'), [
      [1, 1],
      [3, 3],
    ]);
  });

  it('lowers the confidence when the new text is not unique', () => {
    repo.write('d.ts', 'retry();\nretry();\n');
    hook(repo, { tool_name: 'Edit', tool_input: { file_path: 'd.ts', old_string: 'fail();', new_string: 'retry();' } });
    const status = runCliJson<Status>(['status'], { cwd: repo.root });
    assert.deepEqual(
      status.files[0].regions.map((region) => region.confidence),
      [0.5, 0.5],
    );
  });

  it('ignores tools that do not write files, with exit 0 and no output', () => {
    const result = hook(repo, { tool_name: 'Bash', tool_input: { command: 'ls' } });
    assert.deepEqual([result.code, result.stdout, result.stderr], [0, '', '']);
    assert.deepEqual(runCliJson<Status>(['status'], { cwd: repo.root }).files, []);
  });

  it('never fails the agent: bad input is one line on stderr and exit 0', () => {
    const garbage = runCli(['record', '--hook', 'claude-code'], { cwd: repo.root, input: 'not json' });
    assert.equal(garbage.code, 0);
    assert.equal(garbage.stderr, 'ai-provenance: hook not recorded: the hook input on stdin is not JSON\n');
    const gone = hook(repo, { tool_name: 'Write', tool_input: { file_path: `${repo.root}/missing.ts`, content: 'x' } });
    assert.equal(gone.code, 0);
    assert.match(gone.stderr, /missing\.ts does not exist/);
  });
});
