import { diffArrays } from 'diff';

/**
 * A stretch where two versions of some lines differ: `oldCount` lines at
 * `oldStart` were replaced by `newCount` lines at `newStart`.
 */
export interface Hunk {
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
}

export interface LineAlignment {
  /** Pairs [oldIndex, newIndex] of lines that are the same in both versions. */
  readonly matches: ReadonlyArray<readonly [number, number]>;
  /** The differing stretches between the matches, in order. */
  readonly hunks: readonly Hunk[];
}

/**
 * Aligns two sequences of already-comparable lines (see comparableLine) with
 * a longest-common-subsequence diff.
 */
export function alignLines(oldLines: readonly string[], newLines: readonly string[]): LineAlignment {
  const matches: Array<[number, number]> = [];
  const hunks: Hunk[] = [];
  // Fast paths: most edits touch one line, and identical runs need no diff.
  if (oldLines.length === newLines.length && oldLines.every((line, i) => line === newLines[i])) {
    oldLines.forEach((_, i) => matches.push([i, i]));
    return { matches, hunks };
  }
  if (oldLines.length <= 1 && newLines.length <= 1) {
    hunks.push({ oldStart: 0, oldCount: oldLines.length, newStart: 0, newCount: newLines.length });
    return { matches, hunks };
  }
  let oldIndex = 0;
  let newIndex = 0;
  let pending: { oldStart: number; oldCount: number; newStart: number; newCount: number } | undefined;
  const closePending = () => {
    if (pending) hunks.push(pending);
    pending = undefined;
  };
  for (const change of diffArrays(oldLines as string[], newLines as string[])) {
    if (!change.added && !change.removed) {
      closePending();
      for (let i = 0; i < change.count; i++) matches.push([oldIndex + i, newIndex + i]);
      oldIndex += change.count;
      newIndex += change.count;
      continue;
    }
    pending ??= { oldStart: oldIndex, oldCount: 0, newStart: newIndex, newCount: 0 };
    if (change.removed) {
      pending.oldCount += change.count;
      oldIndex += change.count;
    } else {
      pending.newCount += change.count;
      newIndex += change.count;
    }
  }
  closePending();
  return { matches, hunks };
}
