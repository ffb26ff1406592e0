import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A real git repository in a temporary directory, for tests. */
export class GitRepo {
  constructor(readonly root: string) {}

  static init(root: string): GitRepo {
    const repo = new GitRepo(root);
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'user.name', 'Test User');
    repo.git('config', 'user.email', 'test@example.com');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  }

  write(path: string, text: string): string {
    const absolute = join(this.root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    return absolute;
  }

  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }

  commitAll(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }
}
