import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_PATH, runCli } from '../../support/cli';
import { GitRepo } from '../../support/gitRepo';
import { useTempDir } from '../../support/tempDir';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'agents');

/** Where each agent's hook goes, relative to the repository (project) and the home directory (user). */
const FILES: Record<string, { project: string; user: string }> = {
  'claude-code': { project: '.claude/settings.json', user: '.claude/settings.json' },
  cursor: { project: '.cursor/hooks.json', user: '.cursor/hooks.json' },
  'gemini-cli': { project: '.gemini/settings.json', user: '.gemini/settings.json' },
  codex: { project: '.codex/hooks.json', user: '.codex/hooks.json' },
  copilot: { project: '.github/hooks/ai-provenance.json', user: '.copilot/hooks/ai-provenance.json' },
  windsurf: { project: '.windsurf/hooks.json', user: '.codeium/windsurf/hooks.json' },
  cline: { project: '.clinerules/hooks/PostToolUse', user: 'Documents/Cline/Hooks/PostToolUse' },
  opencode: { project: '.opencode/plugins/ai-provenance.js', user: '.config/opencode/plugins/ai-provenance.js' },
};

/** A configuration the user already has, in their own formatting (comments, tabs, other hooks). */
const EXISTING: Record<string, string> = {
  'claude-code':
    '{\n    // team settings\n    "permissions": { "allow": ["Bash(npm test)"] },\n    "hooks": {\n        "PostToolUse": [\n            { "matcher": "Bash", "hooks": [ { "type": "command", "command": "./lint.sh" } ] }\n        ]\n    }\n}\n',
  cursor:
    '{\n\t"version": 1,\n\t"hooks": {\n\t\t"beforeShellExecution": [{ "command": "./guard.sh" }],\n\t\t"afterFileEdit": [{ "command": "./format.sh" }]\n\t}\n}\n',
  'gemini-cli':
    '{\n  "theme": "GitHub",\n  "hooks": {\n    "BeforeTool": [{ "matcher": "run_shell_command", "hooks": [{ "type": "command", "command": "./check.sh" }] }]\n  }\n}\n',
  codex: '{\r\n  "hooks": {\r\n    "Stop": [{ "hooks": [{ "type": "command", "command": "./notify.sh" }] }]\r\n  }\r\n}\r\n',
  windsurf: '{\n  "hooks": {\n    "pre_run_command": [ { "command": "python3 guard.py", "show_output": true } ]\n  }\n}\n',
};

function agents(repo: GitRepo, home: string, ...args: string[]) {
  return runCli(['agents', ...args], { cwd: repo.root, env: { HOME: home } });
}

/** The commands the agent will run, read back from its configuration the way the agent reads it. */
function hookCommands(agent: string, text: string): string[] {
  if (agent === 'cline') return [text];
  const json = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as { hooks: Record<string, Array<Record<string, unknown>>> };
  return Object.values(json.hooks).flatMap((entries) =>
    entries.flatMap((entry) =>
      Array.isArray(entry.hooks) ? (entry.hooks as Array<{ command: string }>).map((hook) => hook.command) : [String(entry.command ?? entry.bash)],
    ),
  );
}

describe('agents list / install / uninstall', () => {
  const tempDir = useTempDir();
  let repo: GitRepo;
  let home: string;
  let bin: string;
  beforeEach(() => {
    mkdirSync(join(tempDir(), 'repo'));
    repo = GitRepo.init(join(tempDir(), 'repo'));
    home = join(tempDir(), 'home');
    mkdirSync(home);
    // `ai-provenance` on PATH, as the installed hooks call it.
    bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'ai-provenance'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`);
    chmodSync(join(bin, 'ai-provenance'), 0o755);
  });

  it('lists every agent in the documented JSON shape', () => {
    const result = agents(repo, home, 'list', '--json');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [
      { name: 'claude-code', installed: false, scope: null, mechanism: 'hooks' },
      { name: 'cursor', installed: false, scope: null, mechanism: 'hooks' },
      { name: 'gemini-cli', installed: false, scope: null, mechanism: 'hooks' },
      { name: 'codex', installed: false, scope: null, mechanism: 'hooks' },
      { name: 'copilot', installed: false, scope: null, mechanism: 'hooks' },
      { name: 'windsurf', installed: false, scope: null, mechanism: 'hooks' },
      { name: 'cline', installed: false, scope: null, mechanism: 'hooks' },
      { name: 'opencode', installed: false, scope: null, mechanism: 'plugin' },
    ]);
  });

  for (const [agent, files] of Object.entries(FILES)) {
    describe(agent, () => {
      for (const scope of ['project', 'user'] as const) {
        it(`${scope}: installs once, is listed, and uninstalls without a trace`, () => {
          const path = join(scope === 'project' ? repo.root : home, files[scope]);
          const first = agents(repo, home, 'install', agent, '--scope', scope);
          assert.equal(first.code, 0, first.stderr);
          assert.match(first.stdout, /hook installed in/);
          const installed = readFileSync(path, 'utf8');
          assert.ok(installed.includes(`ai-provenance record --hook ${agent}`), installed);
          const again = agents(repo, home, 'install', agent, '--scope', scope);
          assert.match(again.stdout, /already installed/);
          assert.equal(readFileSync(path, 'utf8'), installed, 'a second install changes nothing');
          const listed = (
            JSON.parse(agents(repo, home, 'list', '--json').stdout) as Array<{ name: string; installed: boolean; scope: string | null }>
          ).find((entry) => entry.name === agent);
          assert.deepEqual([listed?.installed, listed?.scope], [true, scope]);
          const removed = agents(repo, home, 'uninstall', agent, '--scope', scope);
          assert.match(removed.stdout, /hook removed/);
          assert.ok(!existsSync(path), 'a file only we wrote is removed');
          assert.ok(!existsSync(join(home, '.gitconfig')), 'global git configuration untouched');
        });
      }

      it('the installed hook records what the agent wrote', async () => {
        const fixture = JSON.parse(readFileSync(join(FIXTURES, `${agent}.json`), 'utf8')) as {
          files: Record<string, { before?: string; after: string }>;
          payload: unknown;
        };
        for (const [path, { before }] of Object.entries(fixture.files)) if (before !== undefined) repo.write(path, before);
        repo.write('README.md', 'shop\n');
        repo.commitAll('before');
        assert.equal(agents(repo, home, 'install', agent).code, 0);
        for (const [path, { after }] of Object.entries(fixture.files)) repo.write(path, after);
        const payload = JSON.stringify(fixture.payload).replaceAll('__ROOT__', repo.root);
        const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
        const config = join(repo.root, files.project);
        if (agent === 'opencode') {
          // Load the plugin as opencode does and call its hooks with what opencode passes them.
          const plugin = (await import(pathToFileURL(config).href)) as {
            AiProvenance: (input: { directory: string }) => Promise<Record<string, (...args: unknown[]) => Promise<void>>>;
          };
          process.env.PATH = env.PATH;
          const hooks = await plugin.AiProvenance({ directory: repo.root });
          const { tool, sessionID, callID, args, model } = fixture.payload as Record<string, unknown>;
          const rooted = JSON.parse(JSON.stringify(args).replaceAll('__ROOT__', repo.root)) as unknown;
          await hooks['chat.params']({ sessionID, model: { id: model } }, {});
          await hooks['tool.execute.before']({ tool, sessionID, callID }, { args: rooted });
          await hooks['tool.execute.after']({ tool, sessionID, callID }, { title: '', output: '', metadata: {} });
        } else {
          const commands = agent === 'cline' ? [config] : hookCommands(agent, readFileSync(config, 'utf8'));
          assert.equal(commands.length, agent === 'cursor' ? 2 : 1);
          const run = spawnSync('sh', agent === 'cline' ? [config] : ['-c', commands[0]], { cwd: repo.root, input: payload, env, encoding: 'utf8' });
          assert.equal(run.status, 0, run.stderr);
          if (agent === 'cline') assert.equal(run.stdout.trim(), '{"cancel": false}');
          if (agent === 'cline') assert.ok(statSync(config).mode & 0o111, 'the Cline hook is executable');
        }
        const status = JSON.parse(execFileSync(process.execPath, [CLI_PATH, 'status', '--json'], { cwd: repo.root, encoding: 'utf8' })) as {
          files: Array<{ regions: Array<{ tool: string }> }>;
        };
        assert.ok(status.files.length > 0, 'regions recorded');
        assert.equal(status.files[0].regions[0].tool, agent);
      });

      if (EXISTING[agent] !== undefined) {
        it('merges into an existing configuration without reformatting it, and uninstall restores it byte for byte', () => {
          const path = join(repo.root, files.project);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, EXISTING[agent]);
          assert.equal(agents(repo, home, 'install', agent).code, 0);
          const installed = readFileSync(path, 'utf8');
          for (const line of EXISTING[agent].split(/\r?\n/).filter((text) => text.trim().startsWith('"') && !text.includes('[')))
            assert.ok(installed.includes(line), `kept: ${line}`);
          if (EXISTING[agent].includes('\r\n')) assert.ok(!/[^\r]\n/.test(installed), 'line endings kept');
          assert.ok(hookCommands(agent, installed).some((command) => command.includes(`record --hook ${agent}`)));
          assert.ok(hookCommands(agent, installed).length > hookCommands(agent, EXISTING[agent]).length, "the user's hooks are still there");
          assert.equal(agents(repo, home, 'uninstall', agent).code, 0);
          assert.equal(readFileSync(path, 'utf8'), EXISTING[agent]);
        });
      } else {
        it('never overwrites a file of the same name that is not ours', () => {
          const path = join(repo.root, files.project);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, 'users own\n');
          const result = agents(repo, home, 'install', agent);
          assert.equal(result.code, 1);
          assert.match(result.stderr, /not ours/);
          assert.equal(agents(repo, home, 'uninstall', agent).code, 0);
          assert.equal(readFileSync(path, 'utf8'), 'users own\n');
        });
      }
    });
  }

  it('rejects unknown agents and scopes with a clear message', () => {
    assert.match(agents(repo, home, 'install', 'aider').stderr, /unknown agent "aider"/);
    assert.match(agents(repo, home, 'install', 'cursor', '--scope', 'global').stderr, /--scope must be project or user/);
  });
});
