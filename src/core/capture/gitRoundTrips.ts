import type { AiRegion } from '../regions/region';
import { configuredEmail } from '../git/identity';
import { NoteCache } from '../review/noteCache';
import { provenanceNotesTip, restoreCommitted, restoreRemoved, type RestoreTarget, type StillCurrent } from './gitRestore';
import { RegionSnapshot } from './regionSnapshot';

/** Committed AI lines are looked up (blame + notes) for at most this many files git writes in a burst. */
const NOTES_FILES_PER_BURST = 50;
/** Writes this close together are one git operation. */
const BURST_MS = 10_000;

/**
 * Marks through git's round trips, for one repository: what git takes out
 * of the work tree is remembered by content (RegionSnapshot), and when git
 * writes a file again its AI lines get their marks back, from that
 * snapshot (uncommitted lines: stash and pop, a branch switched away and
 * back before committing) and from the provenance notes (committed lines:
 * checkout, reset, pull, rebase). What git brings that was never AI stays
 * unmarked, and so do other people's committed AI lines: those are the
 * Review view's to show (quietly, to be signed off), not one's own regions,
 * so checking out a colleague's branch does not make their code yours.
 */
export class GitRoundTrips {
  private readonly snapshot: RegionSnapshot;
  private burst = { since: Number.NEGATIVE_INFINITY, files: 0 };
  /** Notes read so far, valid while the notes ref points at the same commit (a commit or a fetch adds notes). */
  private notes: { tip: string; cache: NoteCache; author: string } | undefined;

  /** One per repository and store: it keeps the notes it read and counts the files of a burst of git writes. */
  constructor(
    private readonly root: string,
    storeDir: string,
    private readonly target: RestoreTarget,
  ) {
    this.snapshot = new RegionSnapshot(storeDir);
  }

  /** Regions (or pieces of them) that git, or a reload from disk, took out of `path`. */
  remember(path: string, removed: readonly AiRegion[]): Promise<void> {
    return this.snapshot.remember(path, removed);
  }

  /**
   * git (or a program) wrote `path`, which now holds `text`: brings back
   * the marks of its AI lines, as long as `current` says the text is still
   * the file's (an open document may be edited meanwhile). Returns how many
   * regions came back.
   */
  async restore(path: string, text: string, current: StillCurrent = () => true, now = Date.now()): Promise<number> {
    let restored = await restoreRemoved(this.target, this.snapshot, path, text, current);
    const notes = await this.notesFor(now);
    if (notes) restored += await restoreCommitted(this.target, this.root, path, text, notes.cache, current, notes.author);
    return restored;
  }

  /**
   * The notes and whose commits count (git's user.email, read again with
   * the notes), unless this burst of writes used up its budget of blamed
   * files, there are no notes, or there is no identity to call one's own.
   */
  private async notesFor(now: number): Promise<{ cache: NoteCache; author: string } | undefined> {
    if (now - this.burst.since > BURST_MS) this.burst = { since: now, files: 0 };
    if (++this.burst.files > NOTES_FILES_PER_BURST) return undefined;
    const tip = await provenanceNotesTip(this.root);
    if (!tip) return undefined;
    if (this.notes?.tip !== tip) {
      const author = await configuredEmail(this.root);
      if (!author) return undefined;
      this.notes = { tip, cache: new NoteCache(this.root), author };
    }
    return this.notes;
  }
}
