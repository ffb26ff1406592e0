import * as assert from 'node:assert/strict';
import { gitAiAttributions, parseAuthorshipLog } from '../../../src/core/provenance/gitAi/authorshipLog';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { lines, ProvenanceRepo } from './support/provenanceRepo';

/** A note as git-ai writes it (Git AI Standard v3.0.0, sessions + known-human + legacy keys). */
function gitAiNote(commit: string, attestations: string): string {
  const metadata = {
    schema_version: 'authorship/3.0.0',
    git_ai_version: '1.4.5',
    base_commit_sha: commit,
    prompts: {
      abcd1234abcd1234: {
        agent_id: { tool: 'claude', id: 'old', model: 'claude-3-sonnet' },
        total_additions: 1,
        total_deletions: 0,
        accepted_lines: 1,
        overriden_lines: 0,
      },
    },
    humans: { h_31dce776f88375: { author: 'Dev <dev@example.com>' } },
    sessions: {
      s_c9883b05a2487d: { agent_id: { tool: 'cursor', id: 'conv-1', model: 'claude-sonnet-4-5-20250514' }, human_author: 'dev@example.com' },
    },
  };
  return `${attestations}---\n${JSON.stringify(metadata, null, 2)}\n`;
}

describe('git-ai interop: its notes (refs/notes/ai, authorship/3.0.0) as a second provenance source', function () {
  this.timeout(60_000);

  describe('parsing the authorship log', () => {
    it('reads session, legacy and known-human keys, quoted paths and line lists', () => {
      const parsed = parseAuthorshipLog(
        gitAiNote('c', 'src/main.rs\n  s_c9883b05a2487d::t_9f8e7d6c5b4a32 1-3,7\n  h_31dce776f88375 4-5\n"src/my file.rs"\n  abcd1234abcd1234 2\n'),
      );
      assert.ok('log' in parsed);
      const files = gitAiAttributions(parsed.log);
      const summary = files.map((file) => [file.path, [...file.aiLines].map(([line, origin]) => `${line}:${origin.tool}/${origin.model}`)]);
      assert.deepEqual(summary, [
        [
          'src/main.rs',
          [
            '1:cursor/claude-sonnet-4-5-20250514',
            '2:cursor/claude-sonnet-4-5-20250514',
            '3:cursor/claude-sonnet-4-5-20250514',
            '7:cursor/claude-sonnet-4-5-20250514',
          ],
        ],
        ['src/my file.rs', ['2:claude/claude-3-sonnet']],
      ]);
      assert.equal(files[0].aiLines.get(1)?.source, 'git-ai');
    });

    it('refuses what does not follow the standard instead of guessing', () => {
      for (const [text, problem] of [
        ['src/a.ts\n  s_x::t_y 1-2\n', /no `---`/],
        [gitAiNote('c', 'src/a.ts\n  s_x::t_y 1-2\n').replace('authorship/3.0.0', 'authorship/2.0.0'), /schema_version/],
        [gitAiNote('c', 'src/a.ts\n  s_x::t_y 3-1\n'), /unreadable attestation/],
        [gitAiNote('c', '  s_x::t_y 1\n'), /unreadable attestation/],
        ['src/a.ts\n---\n{not json', /not JSON/],
      ] as const) {
        const parsed = parseAuthorshipLog(text);
        assert.ok('problem' in parsed, text);
        assert.match(parsed.problem, problem);
      }
    });
  });

  describe('in blame, gate and report (real git)', () => {
    const tempDir = useTempDir();
    let repo: ProvenanceRepo;
    let commit: string;

    beforeEach(() => {
      repo = ProvenanceRepo.create(tempDir());
      repo.write('README.md', lines('# app'));
      repo.commitAll('base');
      repo.write(
        'src/auth/session.ts',
        lines('export function isExpired(at: number) {', '  const now = Date.now();', '  return now > at;', '}', '// by hand'),
      );
      commit = repo.commitAll('Session expiry (written with Cursor and git-ai)');
      // git-ai's note: lines 2-4 by a Cursor session, line 5 a known human; it also claims line 9 and a file
      // the commit does not touch, which must not count.
      const note = gitAiNote(
        commit,
        'src/auth/session.ts\n  s_c9883b05a2487d::t_9f8e7d6c5b4a32 2-4,9\n  h_31dce776f88375 5\nREADME.md\n  abcd1234abcd1234 1\n',
      );
      repo.git('notes', '--ref', 'refs/notes/ai', 'add', '-m', note, commit);
    });

    it('blame shows the git-ai lines with their tool and model', () => {
      const result = runCli(['blame', 'src/auth/session.ts', '--json'], { cwd: repo.root });
      assert.equal(result.code, 0, result.stderr);
      const blame = JSON.parse(result.stdout) as { lines: Array<{ line: number; ai: boolean; source?: string; tool?: string; model?: string }> };
      assert.deepEqual(
        blame.lines.map((line) => (line.ai ? `${line.line} ${line.source} ${line.tool} ${line.model}` : `${line.line} human`)),
        [
          '1 human',
          '2 git-ai cursor claude-sonnet-4-5-20250514',
          '3 git-ai cursor claude-sonnet-4-5-20250514',
          '4 git-ai cursor claude-sonnet-4-5-20250514',
          '5 human',
        ],
      );
    });

    it('the gate judges them like ours: unreviewed AI lines in an auth file fail', () => {
      const result = runCli(['gate', '--base', 'HEAD~1', '--json'], { cwd: repo.root });
      const gate = JSON.parse(result.stdout) as {
        passed: boolean;
        commits: Array<{ provenance: string; aiLines: number; findings: Array<{ path?: string; lines?: number[][]; level: string }> }>;
      };
      assert.equal(gate.passed, false, result.stdout);
      assert.equal(result.code, 1);
      assert.equal(gate.commits[0].provenance, 'note');
      assert.equal(gate.commits[0].aiLines, 3);
      const finding = gate.commits[0].findings.find((item) => item.path === 'src/auth/session.ts');
      assert.deepEqual(finding?.lines, [[2, 4]]);
      assert.equal(finding?.level, 'error');
    });

    it('the report counts them among the added lines', () => {
      const result = runCli(['report', '--base', 'HEAD~1', '--json'], { cwd: repo.root });
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { summary: { aiLines: number; addedLines: number } };
      assert.equal(report.summary.aiLines, 3);
      assert.equal(report.summary.addedLines, 5);
    });

    it('a note of both tools on one commit counts each line once', () => {
      repo.git(
        'notes',
        '--ref',
        'refs/notes/ai-provenance',
        'add',
        '-m',
        JSON.stringify({
          schema: 'ai-provenance/commit-note',
          version: 1,
          commit,
          recordedAt: '2026-01-01T00:00:00.000Z',
          generator: 'test',
          totals: { aiLines: 2, addedLines: 5, reviewedLines: 0 },
          files: {
            'src/auth/session.ts': { addedLines: 5, aiLines: 2, reviewedLines: 0, ranges: [{ start: 3, end: 4, source: 'inline', tool: 'copilot' }] },
          },
        }),
        commit,
      );
      const gate = JSON.parse(runCli(['gate', '--base', 'HEAD~1', '--json'], { cwd: repo.root }).stdout) as { commits: Array<{ aiLines: number }> };
      assert.equal(gate.commits[0].aiLines, 3);
    });
  });
});
