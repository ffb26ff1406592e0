import { git } from '../git/exec';
import { NOTES_REF } from '../provenance/note/schema';
import { createLineRegion, sliceRegion } from '../regions/create';
import { reanchorRegions } from '../regions/reanchor';
import { aiLineCount, comparePositions, type AiRegion, type Position } from '../regions/region';
import { committedAiHunks } from '../review/committedAiLines';
import type { NoteCache } from '../review/noteCache';
import { splitLines } from '../text/lines';
import type { RegionSnapshot } from './regionSnapshot';

/** The store's side of a restore. */
export interface RestoreTarget {
  regions(path: string): readonly AiRegion[];
  add(path: string, region: AiRegion): void;
}

/** False once the text a restore was computed for is no longer the file's (someone typed meanwhile). */
export type StillCurrent = () => boolean;

/**
 * Regions git removed from `path` earlier (see RegionSnapshot) whose text
 * is back in `text`, each found whole (every line of it, in order), put
 * back where no region is. Text git brings that was never AI finds no
 * region, and a region only partly back is not guessed at. Returns how
 * many came back.
 */
export async function restoreRemoved(
  target: RestoreTarget,
  snapshot: RegionSnapshot,
  path: string,
  text: string,
  current: StillCurrent = () => true,
): Promise<number> {
  const removed = await snapshot.removedFrom(path);
  if (removed.length === 0) return 0;
  let restored = 0;
  for (const region of removed) {
    const [found] = reanchorRegions([region], text).regions;
    if (!found || !whole(found, region) || !current()) continue;
    restored += addUncovered(target, path, found);
  }
  return restored;
}

/**
 * Committed AI lines of `path` as the provenance notes record them: each
 * line of `text` is blamed to the commit that last changed it, and that
 * commit's note says whether an AI wrote it (with source, tool, model and
 * review). With `authorEmail`, only the commits of that author count.
 * Lines already in a region are left alone. Returns how many regions were
 * added.
 */
export async function restoreCommitted(
  target: RestoreTarget,
  root: string,
  path: string,
  text: string,
  notes: NoteCache,
  current: StillCurrent = () => true,
  authorEmail?: string,
): Promise<number> {
  const hunks = await committedAiHunks(root, path, { notes, contents: text });
  const lines = splitLines(text);
  let restored = 0;
  for (const hunk of hunks) {
    if (authorEmail !== undefined && hunk.commit.authorEmail.toLowerCase() !== authorEmail.toLowerCase()) continue;
    const { source, tool, model, reviewed } = hunk.origin;
    const region = createLineRegion(
      { source, confidence: 1, ...(tool ? { tool } : {}), ...(model ? { model } : {}), ...(reviewed ? { reviewed } : {}) },
      lines,
      hunk.start - 1,
      hunk.end - 1,
    );
    if (region && current()) restored += addUncovered(target, path, region);
  }
  return restored;
}

/** The commit the provenance notes ref points at, or undefined without notes (then there is nothing to blame against). */
export async function provenanceNotesTip(root: string): Promise<string | undefined> {
  const result = await git(['rev-parse', '--quiet', '--verify', NOTES_REF], { cwd: root, allowFailure: true }).catch(() => undefined);
  return result?.exitCode === 0 ? result.stdout.trim() : undefined;
}

function whole(found: AiRegion, original: AiRegion): boolean {
  return (
    found.lines.length === original.lines.length &&
    aiLineCount(found) === aiLineCount(original) &&
    found.lines.every((line, index) => line.text.trim() === original.lines[index].text.trim())
  );
}

/** Adds the parts of `region` no region covers yet (some of it may be back already, by the editor's own undo memory); returns how many. */
function addUncovered(target: RestoreTarget, path: string, region: AiRegion): number {
  const covering = target
    .regions(path)
    .filter((other) => comparePositions(other.start, region.end) < 0 && comparePositions(region.start, other.end) < 0);
  const gaps: Array<[Position, Position]> = [];
  let from = region.start;
  for (const other of covering) {
    if (comparePositions(from, other.start) < 0) gaps.push([from, other.start]);
    if (comparePositions(other.end, from) > 0) from = other.end;
  }
  if (comparePositions(from, region.end) < 0) gaps.push([from, region.end]);
  let added = 0;
  for (const [start, end] of gaps) {
    const piece = sliceRegion(region, start, end);
    if (piece && aiLineCount(piece) > 0) {
      target.add(path, piece);
      added++;
    }
  }
  return added;
}
