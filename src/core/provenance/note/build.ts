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
    files: objectOf(noteFiles),
  };
}

/**
 * Object.fromEntries, several times faster on a commit's thousand files
 * (assignments instead of defining each property). A file named
 * `__proto__` is still defined as an own property, like any other.
 */
function objectOf<T>(entries: ReadonlyArray<readonly [string, T]>): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [key, value] of entries) {
    if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    else result[key] = value;
  }
  return result;
}

function noteBlast(radius: LargestBlastRadius): NoteBlastRadius {
  return { files: radius.files, loadBearing: radius.loadBearing, startLine: radius.target.startLine, endLine: radius.target.endLine };
}

/** Runs of consecutive lines with the same origin. */
export function rangesOf(lines: ReadonlyMap<number, LineOrigin>): NoteRange[] {
  const ranges: NoteRange[] = [];
  // Attribution adds the lines in order as a rule, and V8's sort (TimSort) takes an ordered array in one pass.
  const sorted = [...lines.keys()].sort((a, b) => a - b);
  let start = 0;
  let end = -1;
  let origin: LineOrigin | undefined;
  for (const line of sorted) {
    const lineOrigin = lines.get(line)!;
    if (origin && line === end + 1 && sameOrigin(origin, lineOrigin)) {
      end = line;
      continue;
    }
    if (origin) ranges.push(toRange(start, end, origin));
    start = end = line;
    origin = lineOrigin;
  }
  if (origin) ranges.push(toRange(start, end, origin));
  return ranges;
}

function toRange(start: number, end: number, origin: LineOrigin): NoteRange {
  // Properties in this order (the note's JSON keeps it): start, end, source, tool, model, reviewed.
  const range: { -readonly [K in keyof NoteRange]: NoteRange[K] } = { start, end, source: origin.source };
  if (origin.tool) range.tool = origin.tool;
  if (origin.model) range.model = origin.model;
  if (origin.reviewed) range.reviewed = { by: origin.reviewed.by, at: new Date(origin.reviewed.at).toISOString() };
  return range;
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
