import { readNotes } from '../git/notes';
import type { FileAttribution } from '../provenance/lineOrigin';
import { viewNote } from '../provenance/note/readCommitNote';
import { NOTES_REF } from '../provenance/note/schema';

/**
 * Provenance notes by commit, read once: a commit's note only changes when
 * notes are fetched or written, and the owner calls clear() then.
 */
export class NoteCache {
  private readonly files = new Map<string, ReadonlyMap<string, FileAttribution> | null>();

  constructor(private readonly root: string) {}

  /** The AI lines per path of each commit that has a note. */
  async attributions(commits: Iterable<string>): Promise<Map<string, ReadonlyMap<string, FileAttribution>>> {
    const unique = [...new Set(commits)];
    const missing = unique.filter((commit) => !this.files.has(commit));
    if (missing.length > 0) {
      const texts = await readNotes(this.root, NOTES_REF, missing);
      for (const commit of missing) {
        const view = viewNote(texts.get(commit));
        this.files.set(commit, view && view.files.length > 0 ? new Map(view.files.map((file) => [file.path, file])) : null);
      }
    }
    const result = new Map<string, ReadonlyMap<string, FileAttribution>>();
    for (const commit of unique) {
      const files = this.files.get(commit);
      if (files) result.set(commit, files);
    }
    return result;
  }

  clear(): void {
    this.files.clear();
  }
}
