import type { LargestBlastRadius } from '../blastRadius';
import type { FileAttribution } from '../lineOrigin';
import { noteAttributions } from './build';
import { mergeAttributions } from './merge';
import { parseNoteText } from './parse';
import type { CommitNote } from './schema';

/** A commit's note as one set of attributions, however many documents git left in it. */
export interface CommitNoteView {
  readonly documents: readonly CommitNote[];
  readonly files: readonly FileAttribution[];
  readonly problems: readonly string[];
}

/**
 * Reads without rewriting: documents copied from other commits (when no
 * post-rewrite hook merged them) are united as they are, so their line
 * numbers may be slightly off; post-rewrite fixes that where it runs.
 */
export function viewNote(text: string | undefined): CommitNoteView | undefined {
  if (text === undefined) return undefined;
  const { documents, problems } = parseNoteText(text);
  if (documents.length === 0) return problems.length > 0 ? { documents, files: [], problems } : undefined;
  return { documents, files: mergeAttributions(documents.map(noteAttributions)), problems };
}

/** Per file, the widest blast radius the documents recorded (measured when the commits were made). */
export function recordedBlastRadius(documents: readonly CommitNote[]): Map<string, LargestBlastRadius> {
  const byFile = new Map<string, LargestBlastRadius>();
  for (const document of documents) {
    for (const [path, file] of Object.entries(document.files)) {
      const radius = file.blastRadius;
      if (!radius || (byFile.get(path)?.files ?? -1) >= radius.files) continue;
      byFile.set(path, {
        files: radius.files,
        loadBearing: radius.loadBearing,
        target: { path, startLine: radius.startLine, endLine: radius.endLine },
      });
    }
  }
  return byFile;
}
