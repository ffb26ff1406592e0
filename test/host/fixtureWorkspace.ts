// A fresh copy of test/fixtures/workspace/ as a real git repository with one
// commit, so the extension sees the kind of folder it works on (it reads git
// history and writes trailers and notes) and no test can dirty the fixture.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repoRoot';

export const fixtureWorkspaceDir = join(repoRoot, 'test', 'fixtures', 'workspace');

export interface FixtureWorkspace {
  readonly path: string;
  dispose(): void;
}

/** A fixed identity and dates: commits (and so hashes) do not depend on the machine's git config. */
const gitEnvironment = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fixture Author',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'Fixture Author',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function createFixtureWorkspace(): FixtureWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'ai-provenance-workspace-'));
  const path = join(root, 'workspace');
  cpSync(fixtureWorkspaceDir, path, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: path, env: gitEnvironment, stdio: 'pipe' });
  try {
    git('init', '--quiet', '--initial-branch=main');
    git('add', '--all');
    git('-c', 'commit.gpgsign=false', 'commit', '--quiet', '--message', 'Fixture workspace');
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not make the fixture workspace a git repository (is git installed?): ${stderr || error}`, { cause: error });
  }
  const remove = () => rmSync(root, { recursive: true, force: true });
  // Also when the run is cut short (Ctrl-C ends the process through exit()).
  process.on('exit', remove);
  return {
    path,
    dispose: () => {
      process.off('exit', remove);
      remove();
    },
  };
}
