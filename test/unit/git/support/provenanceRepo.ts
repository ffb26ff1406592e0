import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLineRegion, type RegionOrigin } from '../../../../src/core/regions/create';
import { RegionStore } from '../../../../src/core/store/regionStore';
import { splitLines } from '../../../../src/core/text/lines';
import { runCli } from '../../../support/cli';
import { GitRepo } from '../../../support/gitRepo';

/** A real repository with a region store, for provenance tests. */
export class ProvenanceRepo extends GitRepo {
  static create(root: string): ProvenanceRepo {
    const repo = new ProvenanceRepo(GitRepo.init(root).root);
    repo.git('config', 'core.autocrlf', 'false');
    return repo;
  }

  /** A repository whose main holds one commit (a README), checked out on a new branch `feature`: a pull request's start. */
  static onFeatureBranch(root: string): ProvenanceRepo {
    const repo = ProvenanceRepo.create(root);
    repo.write('README.md', lines('project'));
    repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'feature');
    return repo;
  }

  get storeDir(): string {
    return join(this.root, '.git', 'ai-provenance');
  }

  async store(): Promise<RegionStore> {
    return RegionStore.open({ storeDir: this.storeDir });
  }

  /** Marks 1-based lines first..last of the file as it is on disk as AI-written. */
  async markAi(path: string, first: number, last: number, origin: Partial<RegionOrigin> = {}): Promise<void> {
    const store = await this.store();
    const region = createLineRegion({ source: 'agent', ...origin }, splitLines(this.read(path)), first - 1, last - 1);
    if (!region) throw new Error(`nothing to mark in ${path} ${first}-${last}`);
    store.add(path, region);
    await store.sync();
  }

  async markReviewed(path: string, by = 'Reviewer'): Promise<void> {
    const store = await this.store();
    store.markReviewed(path, { by, at: Date.parse('2026-01-02T03:04:05Z') });
    await store.sync();
  }

  /** Writes `path` and marks all of it as AI-written. */
  async writeAi(path: string, text: string, origin: Partial<RegionOrigin> = {}): Promise<void> {
    this.write(path, text);
    await this.markAi(path, 1, splitLines(text.replace(/\n$/, '')).length, origin);
  }

  installHooks(...extra: string[]): void {
    const result = runCli(['hook', 'install', ...extra], { cwd: this.root });
    if (result.code !== 0) throw new Error(`hook install failed: ${result.stderr}`);
  }

  /** The commit message as stored, ending with exactly one newline. */
  message(rev = 'HEAD'): string {
    return this.git('log', '-1', '--format=%B', rev).replace(/\n+$/, '\n');
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Runs git and returns stdout and stderr, without throwing. */
  tryGit(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
    const result = spawnSync('git', args, { cwd: this.root, encoding: 'utf8', env: { ...process.env, ...env } });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  /** An executable script (hooks, editors) in the repository's scratch space. */
  script(name: string, body: string): string {
    const dir = join(this.root, '.git', 'test-scripts');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    writeFileSync(path, body);
    chmodSync(path, 0o755);
    return path;
  }

  /**
   * An environment whose PATH holds git and a few shell tools but no node,
   * as in a GUI client started without the user's shell profile.
   */
  envWithoutNode(): NodeJS.ProcessEnv {
    const bin = join(this.root, '.git', 'only-git');
    mkdirSync(bin, { recursive: true });
    const gitPath = this.tryGit(['--exec-path']).stdout.trim();
    for (const tool of ['git', 'dirname', 'cat', 'grep', 'mv', 'cp', 'date', 'rm']) {
      if (existsSync(join(bin, tool))) continue;
      const found = ['/usr/bin', '/bin', '/usr/local/bin', gitPath].map((dir) => join(dir, tool)).find((candidate) => existsSync(candidate));
      if (found) symlinkSync(found, join(bin, tool));
      else if (tool === 'git') throw new Error('git not found');
    }
    return { PATH: bin };
  }

  readNoteRaw(rev = 'HEAD'): string | undefined {
    const result = this.tryGit(['notes', '--ref', 'refs/notes/ai-provenance', 'show', rev]);
    return result.code === 0 ? result.stdout : undefined;
  }

  fileBytes(path: string): Buffer {
    return readFileSync(join(this.root, path));
  }
}

/** The AI-* trailers of a message as a key -> value map. */
export function aiTrailers(message: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of message.split('\n')) {
    const match = /^(AI-[A-Za-z-]+): (.*)$/.exec(line);
    if (match) result[match[1]] = match[2];
  }
  return result;
}

/** Lines 1..n of a small source file. */
export function lines(...texts: string[]): string {
  return `${texts.join('\n')}\n`;
}

/**
 * Commits every change the way the hooks would, but in this process
 * (faster): trailers into the message, then the note.
 */
export async function commitWithProvenance(repo: ProvenanceRepo, message: string): Promise<string> {
  const { applyTrailers, computeCommitProvenance, readProvenanceSettings, recordCommitNote } =
    await import('../../../../src/core/provenance/index.js');
  repo.git('add', '-A');
  const store = await repo.store();
  const provenance = await computeCommitProvenance(repo.root, store);
  const file = join(repo.root, '.git', 'test-message.txt');
  writeFileSync(file, applyTrailers(message, provenance.trailers));
  repo.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-F', file);
  const settings = await readProvenanceSettings(repo.root);
  await recordCommitNote(repo.root, store, repo.head(), { settings, classifier: settings.classifier });
  return repo.head();
}
