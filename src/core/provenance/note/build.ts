import type { FileAttribution, LineOrigin } from '../lineOrigin';
import { sameOrigin } from '../lineOrigin';
import type { ProvenanceSummary } from '../summary';
import type { LargestBlastRadius } from '../blastRadius';
import { NOTE_SCHEMA, NOTE_VERSION, type CommitNote, type NoteBlastRadius, type NoteFile, type NoteRange } from './schema';

declare const AI_PROVENANCE_VERSION: string | undefined;

export function generatorName(): string {
  return `ai-provenance ${typeof AI_PROVENANCE_VERSION === 'string' ? AI_PROVENANCE_VERSION : 'development'}`;
}

/** The note for `commit` from its attributed files and their summary. */
export function buildNote(
  commit: string,
  files: readonly FileAttribution[],
  summary: ProvenanceSummary,
  blastRadius: ReadonlyMap<string, LargestBlastRadius> = new Map(),
  now = new Date(),
): CommitNote {
  const noteFiles: Array<[string, NoteFile]> = [];
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const file of summary.files) {
    const attribution = byPath.get(file.path);
    if (!attribution) continue;
    noteFiles.push([
      file.path,
      {
        addedLines: file.addedLines,
        aiLines: file.aiLines,
        reviewedLines: file.reviewedLines,
        ...(file.classes.length > 0 ? { loadBearing: file.classes } : {}),
        ...(blastRadius.has(file.path) ? { blastRadius: noteBlast(blastRadius.get(file.path)!) } : {}),
        ranges: rangesOf(attribution.aiLines),
      },
    ]);
  }
  const blast = summary.blastRadius;
  return {
    schema: NOTE_SCHEMA,
    version: NOTE_VERSION,
    commit,
    recordedAt: now.toISOString(),
    generator: generatorName(),
    totals: { aiLines: summary.aiLines, addedLines: summary.addedLines, reviewedLines: summary.reviewedLines },
    ...(summary.risk ? { risk: summary.risk } : {}),
    ...(blast ? { blastRadius: { ...noteBlast(blast), path: blast.target.path } } : {}),
    // fromEntries defines own properties: a file named `__proto__` is kept like any other.
    files: Object.fromEntries(noteFiles),
  };
}

function noteBlast(radius: LargestBlastRadius): NoteBlastRadius {
  return { files: radius.files, loadBearing: radius.loadBearing, startLine: radius.target.startLine, endLine: radius.target.endLine };
}

/** Runs of consecutive lines with the same origin. */
export function rangesOf(lines: ReadonlyMap<number, LineOrigin>): NoteRange[] {
  const ranges: NoteRange[] = [];
  let current: { start: number; end: number; origin: LineOrigin } | undefined;
  const flush = () => {
    if (current) ranges.push(toRange(current.start, current.end, current.origin));
  };
  for (const line of [...lines.keys()].sort((a, b) => a - b)) {
    const origin = lines.get(line)!;
    if (current && line === current.end + 1 && sameOrigin(current.origin, origin)) {
      current.end = line;
      continue;
    }
    flush();
    current = { start: line, end: line, origin };
  }
  flush();
  return ranges;
}

function toRange(start: number, end: number, origin: LineOrigin): NoteRange {
  return {
    start,
    end,
    source: origin.source,
    ...(origin.tool ? { tool: origin.tool } : {}),
    ...(origin.model ? { model: origin.model } : {}),
    ...(origin.reviewed ? { reviewed: { by: origin.reviewed.by, at: new Date(origin.reviewed.at).toISOString() } } : {}),
  };
}

/** The note's AI lines per file, in the form attribution uses. */
export function noteAttributions(note: CommitNote): FileAttribution[] {
  return Object.entries(note.files).map(([path, file]) => {
    const aiLines = new Map<number, LineOrigin>();
    for (const range of file.ranges) {
      const origin: LineOrigin = {
        source: range.source,
        ...(range.tool ? { tool: range.tool } : {}),
        ...(range.model ? { model: range.model } : {}),
        ...(range.reviewed ? { reviewed: { by: range.reviewed.by, at: Date.parse(range.reviewed.at) || 0 } } : {}),
      };
      for (let line = range.start; line <= range.end; line++) aiLines.set(line, origin);
    }
    return { path, addedLines: file.addedLines, aiLines };
  });
}

export function serializeNote(note: CommitNote): string {
  return `${JSON.stringify(note)}\n`;
}
