import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WorkspaceIndex, type WorkspaceIndexOptions } from '../../../src/core/index/workspaceIndex';

/** A throwaway repository on disk (not a git repository: the walker lists it). */
export class TempRepo {
  readonly root = mkdtempSync(join(tmpdir(), 'aip-index-'));
  readonly cacheDir = join(this.root, '.cache-dir-outside-index');
  private readonly indexes: WorkspaceIndex[] = [];

  constructor(files: Record<string, string | Buffer> = {}) {
    this.write(files);
    // Keep the cache out of the listing, as the extension keeps it in .git/.
    writeFileSync(join(this.root, '.gitignore'), '.cache-dir-outside-index/\n');
  }

  /** A copy of a fixture tree under test/fixtures/ (from the compiled test's location or the sources). */
  static fromFixture(name: string): TempRepo {
    const source = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', name);
    const files: Record<string, Buffer> = {};
    const walk = (relative: string) => {
      for (const entry of readdirSync(join(source, relative), { withFileTypes: true })) {
        const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else files[path] = readFileSync(join(source, path));
      }
    };
    walk('');
    return new TempRepo(files);
  }

  write(files: Record<string, string | Buffer>): void {
    for (const [path, text] of Object.entries(files)) {
      const absolute = join(this.root, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
  }

  remove(path: string): void {
    rmSync(join(this.root, path), { force: true });
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  async index(options: Partial<WorkspaceIndexOptions> = {}): Promise<WorkspaceIndex> {
    const index = await WorkspaceIndex.open({ root: this.root, cacheDir: this.cacheDir, workers: 0, ...options });
    this.indexes.push(index);
    return index;
  }

  async built(options: Partial<WorkspaceIndexOptions> = {}): Promise<WorkspaceIndex> {
    const index = await this.index(options);
    await index.build();
    return index;
  }

  dispose(): void {
    for (const index of this.indexes) index.dispose();
    rmSync(this.root, { recursive: true, force: true });
  }
}
