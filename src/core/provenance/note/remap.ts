import { diffRevisions, textDiffsOf } from '../../git/diff';
import type { FileDiff, Hunk } from '../../git/diffParse';
import type { FileAttribution, LineOrigin } from '../lineOrigin';

/**
 * Where each line of the old version of a file is in the new one, from the
 * -U0 hunks between them: lines outside hunks shift by the hunks above them,
 * lines a hunk removed or replaced are gone (undefined).
 */
export function lineMapper(hunks: readonly Hunk[]): (line: number) => number | undefined {
  const sorted = [...hunks].sort((a, b) => a.oldStart - b.oldStart);
  return (line) => {
    let delta = 0;
    for (const hunk of sorted) {
      if (hunk.oldCount === 0) {
        // A pure insertion after old line `oldStart`.
        if (hunk.oldStart < line) delta += hunk.newCount;
        else break;
        continue;
      }
      if (line < hunk.oldStart) break;
      if (line < hunk.oldStart + hunk.oldCount) return undefined;
      delta += hunk.newCount - hunk.oldCount;
    }
    return line + delta;
  };
}

/**
 * Carries AI lines recorded for commit `from` over to commit `to` (a rebased,
 * amended or cherry-picked version of it): one diff between the two commits,
 * limited to the files involved unless one of them moved.
 */
export async function remapAttributions(root: string, files: readonly FileAttribution[], from: string, to: string): Promise<FileAttribution[]> {
  if (files.length === 0 || from === to) return [...files];
  const paths = files.map((file) => file.path);
  // As text: these files have AI lines, whatever a .gitattributes in the work tree says (see textDiffsOf).
  let diff: readonly FileDiff[] = await diffRevisions(root, from, to, { paths, text: true });
  if (diff.some((file) => file.status === 'deleted')) {
    // A file may have been renamed: only a diff of everything can tell.
    const noted = new Set(paths);
    diff = await textDiffsOf(
      await diffRevisions(root, from, to),
      (file) => file.oldPath !== undefined && noted.has(file.oldPath),
      (again) => diffRevisions(root, from, to, { paths: again, text: true }),
    );
  }
  const byOldPath = new Map<string, FileDiff>();
  for (const file of diff) if (file.oldPath !== undefined) byOldPath.set(file.oldPath, file);
  const result: FileAttribution[] = [];
  for (const file of files) {
    const change = byOldPath.get(file.path);
    if (!change) {
      result.push(file); // unchanged between the two commits
      continue;
    }
    if (change.newPath === undefined) continue; // deleted
    const map = lineMapper(change.hunks);
    const aiLines = new Map<number, LineOrigin>();
    for (const [line, origin] of file.aiLines) {
      const mapped = map(line);
      if (mapped !== undefined) aiLines.set(mapped, origin);
    }
    result.push({ path: change.newPath, addedLines: file.addedLines, aiLines });
  }
  return result;
}
