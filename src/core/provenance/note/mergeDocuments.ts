import { riskLevelRank, type AiRiskLevel } from '../../risk';
import type { FileAttribution } from '../lineOrigin';
import { rangesOf } from './build';
import { mergeAttributions } from './merge';
import type { CommitNote, NoteBlastRadius, NoteFile } from './schema';

/** A note document and the AI lines to keep from it (its own, or fewer after a check). */
export interface DocumentLines {
  readonly document: CommitNote;
  readonly files: readonly FileAttribution[];
}

/**
 * One document for `commit` from several that describe it (this clone's and
 * a teammate's, or carried ones): the union of their AI lines, a review
 * recorded in any of them kept, counts recomputed from the lines. What the
 * lines do not determine (load-bearing classes, blast radius, risk) is the
 * widest that any document recorded; properties this version does not know
 * are kept from the first document.
 */
export function mergeNoteDocuments(commit: string, parts: readonly DocumentLines[]): CommitNote {
  if (parts.length === 0) throw new Error('nothing to merge');
  const documents = parts.map((part) => part.document);
  const files: Record<string, NoteFile> = {};
  for (const attribution of mergeAttributions(parts.map((part) => part.files))) {
    if (attribution.aiLines.size === 0) continue;
    const recorded = documents.map((document) => document.files[attribution.path]).filter((file): file is NoteFile => file !== undefined);
    const reviewedLines = [...attribution.aiLines.values()].filter((origin) => origin.reviewed).length;
    const loadBearing = [...new Set(recorded.flatMap((file) => file.loadBearing ?? []))];
    const blastRadius = widest(recorded.map((file) => file.blastRadius));
    files[attribution.path] = {
      ...Object.assign({}, ...[...recorded].reverse()), // unknown properties: the first document's win
      addedLines: Math.max(attribution.addedLines, attribution.aiLines.size),
      aiLines: attribution.aiLines.size,
      reviewedLines,
      ...(loadBearing.length > 0 ? { loadBearing } : {}),
      ...(blastRadius ? { blastRadius } : {}),
      ranges: rangesOf(attribution.aiLines),
    };
  }
  const aiLines = Object.values(files).reduce((sum, file) => sum + file.aiLines, 0);
  const risk = highestRisk(documents.map((document) => document.risk));
  const blastRadius = widest(documents.map((document) => document.blastRadius));
  const { risk: _risk, blastRadius: _blast, ...first } = documents[0];
  return {
    ...first,
    commit,
    recordedAt: documents
      .map((document) => document.recordedAt)
      .sort()
      .at(-1)!,
    totals: {
      aiLines,
      addedLines: Math.max(aiLines, ...documents.map((document) => document.totals.addedLines)),
      reviewedLines: Object.values(files).reduce((sum, file) => sum + file.reviewedLines, 0),
    },
    ...(risk && aiLines > 0 ? { risk } : {}),
    ...(blastRadius && aiLines > 0 ? { blastRadius } : {}),
    files,
  };
}

function widest<T extends NoteBlastRadius>(radii: ReadonlyArray<T | undefined>): T | undefined {
  let result: T | undefined;
  for (const radius of radii) if (radius && (!result || radius.files > result.files)) result = radius;
  return result;
}

function highestRisk(levels: ReadonlyArray<AiRiskLevel | undefined>): AiRiskLevel | undefined {
  let result: AiRiskLevel | undefined;
  for (const level of levels) if (level && (!result || riskLevelRank(level) > riskLevelRank(result))) result = level;
  return result;
}
