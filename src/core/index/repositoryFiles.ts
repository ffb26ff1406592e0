import type { ResolverHost } from './resolve/host';
import { directoryOf } from './resolve/host';

/** The set of files in the repository, answering the resolver's existence questions from memory. */
export class RepositoryFiles implements ResolverHost {
  private readonly all = new Set<string>();
  private byDirectory: Map<string, string[]> | undefined;
  private byName: Map<string, string[]> | undefined;

  constructor(
    readonly root: string,
    files: Iterable<string> = [],
  ) {
    for (const file of files) this.all.add(file);
  }

  exists(path: string): boolean {
    return this.all.has(path);
  }

  add(path: string): boolean {
    if (this.all.has(path)) return false;
    this.all.add(path);
    this.byDirectory = this.byName = undefined;
    return true;
  }

  delete(path: string): boolean {
    if (!this.all.delete(path)) return false;
    this.byDirectory = this.byName = undefined;
    return true;
  }

  /** Every file, sorted. */
  sorted(): string[] {
    return [...this.all].sort();
  }

  filesIn(directory: string): readonly string[] {
    if (!this.byDirectory) {
      this.byDirectory = new Map();
      for (const file of this.all) push(this.byDirectory, directoryOf(file), file);
    }
    return this.byDirectory.get(directory) ?? [];
  }

  filesNamed(name: string): readonly string[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const file of this.all) push(this.byName, file.slice(file.lastIndexOf('/') + 1), file);
    }
    return this.byName.get(name) ?? [];
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
