import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProvenanceRepo } from '../unit/git/support/provenanceRepo';

export interface Identity {
  readonly name: string;
  readonly email: string;
}

/**
 * A bare "forge" repository and clones of it, each with its own identity and
 * region store (git's user configuration is isolated for every test run by
 * test/support/isolatedEnvironment.ts).
 */
export class Team {
  readonly bare: string;

  constructor(readonly dir: string) {
    this.bare = join(dir, 'remote.git');
    mkdirSync(this.bare, { recursive: true });
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', this.bare]);
  }

  clone(name: string, identity: Identity = { name, email: `${name.toLowerCase()}@example.com` }): ProvenanceRepo {
    const root = join(this.dir, name);
    execFileSync('git', ['clone', '-q', this.bare, root], { stdio: 'pipe' });
    const repo = new ProvenanceRepo(root);
    repo.git('config', 'user.name', identity.name);
    repo.git('config', 'user.email', identity.email);
    repo.git('config', 'commit.gpgsign', 'false');
    repo.git('config', 'core.autocrlf', 'false');
    return repo;
  }

  /** Runs git in the bare repository (what the forge does server-side). */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.bare, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  }

  /** The remote's note for `commit` in `ref`, or undefined. */
  note(commit: string, ref = 'refs/notes/ai-provenance'): string | undefined {
    try {
      return this.git('notes', '--ref', ref, 'show', commit);
    } catch {
      return undefined;
    }
  }
}
