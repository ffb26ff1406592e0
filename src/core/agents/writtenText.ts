import type { RegionOrigin } from '../regions/create';
import { createLineRegion, createRegion } from '../regions/create';
import type { AiRegion } from '../regions/region';
import { changedLineRanges } from '../capture/changedLines';
import { countOccurrences, locateWrittenText } from '../capture/locateWrittenText';
import { normalizeLineEnds, splitLines } from '../text/lines';

/**
 * What an agent reports it wrote into one file, in the shapes agents use:
 * a search/replace edit, a whole file's content, or the added lines of a
 * patch at known positions.
 */
export type WrittenChange =
  | { readonly kind: 'edit'; readonly old: string; readonly new: string; readonly replaceAll?: boolean }
  | { readonly kind: 'write'; readonly content: string }
  | { readonly kind: 'hunks'; readonly hunks: readonly PatchHunk[] };

/** A hunk of a unified diff as agents report it: 1-based start in the new file, lines with their ' ', '-', '+' prefix. */
export interface PatchHunk {
  readonly newStart: number;
  readonly lines: readonly string[];
}

/** One file an agent wrote, and what it says it wrote there. */
export interface WrittenFile {
  /** Absolute path. */
  readonly file: string;
  readonly changes: readonly WrittenChange[];
}

/** The regions of `fileText` (the file as it is now) that the changes wrote. */
export function regionsOfChanges(origin: RegionOrigin, changes: readonly WrittenChange[], fileText: string): AiRegion[] {
  return changes.flatMap((change) => {
    switch (change.kind) {
      case 'edit':
        return writtenByEdit(origin, change, fileText);
      case 'write':
        return locateWrittenText(origin, change.content, fileText);
      case 'hunks':
        return writtenByHunks(origin, change.hunks, fileText);
    }
  });
}

/**
 * An edit replaces `old` by `new`; lines the two share at their start and
 * end (context the agent repeated) are not new. An edit replaces one
 * occurrence unless replaceAll is set: when the new text now occurs
 * several times, the others were there before and we cannot tell which is
 * new, so each is marked with a confidence to match.
 */
function writtenByEdit(origin: RegionOrigin, edit: { old: string; new: string; replaceAll?: boolean }, fileText: string): AiRegion[] {
  const written = edit.new;
  const occurrences = countOccurrences(written, fileText);
  const ambiguous = !edit.replaceAll && occurrences > 1;
  const placed = locateWrittenText(
    ambiguous ? { ...origin, confidence: Math.min(origin.confidence ?? 1, 1 / occurrences) } : origin,
    written,
    fileText,
    edit.replaceAll || ambiguous ? occurrences : 1,
  );
  if (occurrences === 0) return placed; // found by similarity after a formatter ran: keep as is
  const newLines = splitLines(normalizeLineEnds(written));
  const changed = changedLineRanges(edit.old, written);
  return placed.flatMap((region) =>
    changed.flatMap(({ first, last }) => {
      const start = { line: region.start.line + first, character: first === 0 ? region.start.character : 0 };
      const piece = createRegion({ ...origin, confidence: region.confidence }, start, newLines.slice(first, last + 1).join('\n'));
      return piece ? [piece] : [];
    }),
  );
}

/** Added lines of patch hunks, at the positions the hunks give in the new file. */
function writtenByHunks(origin: RegionOrigin, hunks: readonly PatchHunk[], fileText: string): AiRegion[] {
  const lines = splitLines(fileText);
  const regions: AiRegion[] = [];
  for (const hunk of hunks) {
    let line = Math.max(0, hunk.newStart - 1);
    let runStart = -1;
    const flush = () => {
      if (runStart >= 0 && runStart < lines.length) {
        const region = createLineRegion(origin, lines, runStart, Math.min(line, lines.length) - 1);
        if (region) regions.push(region);
      }
      runStart = -1;
    };
    for (const patchLine of hunk.lines) {
      if (patchLine.startsWith('-')) continue;
      if (patchLine.startsWith('+')) {
        if (runStart < 0) runStart = line;
      } else {
        flush();
      }
      line++;
    }
    flush();
  }
  return regions;
}
