import type { FileAttribution, LineOrigin } from '../lineOrigin';

/**
 * Unites the AI lines of several attributions of the same commit (a squash,
 * an amend, a copied note next to a fresh one). A line is AI when any source
 * says so; a reviewed origin wins over an unreviewed one, because a review
 * recorded anywhere happened.
 */
export function mergeAttributions(sets: ReadonlyArray<readonly FileAttribution[]>): FileAttribution[] {
  const byPath = new Map<string, { addedLines: number; oldPath?: string; aiLines: Map<number, LineOrigin> }>();
  for (const files of sets) {
    for (const file of files) {
      let merged = byPath.get(file.path);
      if (!merged) {
        merged = { addedLines: 0, aiLines: new Map(), ...(file.oldPath ? { oldPath: file.oldPath } : {}) };
        byPath.set(file.path, merged);
      }
      merged.addedLines = Math.max(merged.addedLines, file.addedLines);
      for (const [line, origin] of file.aiLines) {
        const existing = merged.aiLines.get(line);
        if (!existing || (!existing.reviewed && origin.reviewed)) merged.aiLines.set(line, origin);
      }
    }
  }
  return [...byPath].map(([path, file]) => ({ path, ...file }));
}

/**
 * Keeps only the AI lines the commit itself added: after a rewrite, lines
 * that conflict resolution or a later edit replaced are no longer the AI's
 * in this commit. Files the commit does not add lines to are dropped.
 */
export function restrictToAdded(
  files: readonly FileAttribution[],
  added: ReadonlyMap<string, { readonly count: number; readonly lines: ReadonlySet<number> }>,
): FileAttribution[] {
  const result: FileAttribution[] = [];
  for (const file of files) {
    const commitAdded = added.get(file.path);
    if (!commitAdded) continue;
    const aiLines = new Map([...file.aiLines].filter(([line]) => commitAdded.lines.has(line)));
    result.push({ path: file.path, ...(file.oldPath ? { oldPath: file.oldPath } : {}), addedLines: commitAdded.count, aiLines });
  }
  return result;
}
