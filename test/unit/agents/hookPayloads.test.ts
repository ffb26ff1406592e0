import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, runCliJson } from '../../support/cli';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';
import { AGENT_FIXTURES as FIXTURES, agentOf } from '../../support/agentFixtures';

interface Fixture {
  origin: string;
  files: Record<string, { before?: string; after: string }>;
  payload: unknown;
  expect: { regions: Record<string, Array<[number, number]>>; tool: string; model?: string; source: string };
}

interface Status {
  files: Array<{ path: string; regions: Array<{ startLine: number; endLine: number; source: string; tool?: string; model?: string }> }>;
}

describe("record --hook <agent>: each agent's real payload (test/fixtures/agents)", () => {
  const tempDir = useTempDir();
  const names = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -5));

  it('has a fixture for every agent', () => {
    const agents = new Set(names.map(agentOf));
    for (const agent of ['claude-code', 'cursor', 'gemini-cli', 'codex', 'copilot', 'windsurf', 'cline', 'opencode'])
      assert.ok(agents.has(agent), `no fixture for ${agent}`);
  });

  for (const name of names) {
    it(`${name}: marks what the agent wrote, with its tool and model`, () => {
      const fixture = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Fixture;
      assert.ok(fixture.origin.includes('https://'), 'the fixture names its origin');
      const repo = GitRepo.init(tempDir());
      for (const [path, { before }] of Object.entries(fixture.files)) if (before !== undefined) repo.write(path, before);
      repo.write('README.md', 'shop\n');
      repo.commitAll('before the agent');
      for (const [path, { after }] of Object.entries(fixture.files)) repo.write(path, after);
      const payload = JSON.stringify(fixture.payload).replaceAll('__ROOT__', repo.root);
      const result = runCli(['record', '--hook', agentOf(name)], { cwd: repo.root, input: payload });
      assert.equal(result.code, 0);
      assert.equal(result.stderr, '');
      const status = runCliJson<Status>(['status'], { cwd: repo.root });
      for (const [path, expected] of Object.entries(fixture.expect.regions)) {
        const regions = status.files.find((file) => file.path === path)?.regions ?? [];
        assert.deepEqual(
          regions.map((region) => [region.startLine, region.endLine]),
          expected,
          `${path}: ${JSON.stringify(regions)}`,
        );
        for (const region of regions) {
          assert.equal(region.source, fixture.expect.source);
          assert.equal(region.tool, fixture.expect.tool);
          assert.equal(region.model, fixture.expect.model);
        }
      }
      assert.equal(status.files.length, Object.keys(fixture.expect.regions).length);
    });
  }

  it('ignores events that write nothing and never fails the agent on bad input', () => {
    const repo = GitRepo.init(tempDir());
    const read = runCli(['record', '--hook', 'cursor'], {
      cwd: repo.root,
      input: JSON.stringify({ hook_event_name: 'beforeReadFile', file_path: join(repo.root, 'a.ts') }),
    });
    assert.deepEqual([read.code, read.stderr], [0, '']);
    const garbage = runCli(['record', '--hook', 'windsurf'], { cwd: repo.root, input: 'not json' });
    assert.equal(garbage.code, 0);
    assert.match(garbage.stderr, /hook not recorded: the hook input on stdin is not JSON/);
    const unknown = runCli(['record', '--hook', 'nope'], { cwd: repo.root, input: '{}' });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /supported: claude-code, cursor, gemini-cli, codex, copilot, windsurf, cline, opencode/);
  });

  it('follows a workspace opened through a symlink to its real path', () => {
    mkdirSync(join(tempDir(), 'real'));
    const repo = GitRepo.init(join(tempDir(), 'real'));
    repo.write('a.ts', 'export const a = 1;\n');
    repo.commitAll('a');
    repo.write('a.ts', 'export const a = 1;\nexport const b = 2;\n');
    const link = join(tempDir(), 'link');
    symlinkSync(repo.root, link);
    const payload = {
      agent_action_name: 'post_write_code',
      tool_info: {
        file_path: join(link, 'a.ts'),
        edits: [{ old_string: 'export const a = 1;', new_string: 'export const a = 1;\nexport const b = 2;' }],
      },
    };
    const result = runCli(['record', '--hook', 'windsurf'], { cwd: link, input: JSON.stringify(payload) });
    assert.deepEqual([result.code, result.stderr], [0, '']);
    const status = runCliJson<Status>(['status'], { cwd: repo.root });
    assert.deepEqual(
      status.files.map((file) => [file.path, file.regions.map((region) => [region.startLine, region.endLine])]),
      [['a.ts', [[2, 2]]]],
    );
  });
});
