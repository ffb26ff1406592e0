import { randomBytes } from 'node:crypto';
import { splitLines } from '../text/lines';
import { comparePositions, type AiRegion, type Position, type RegionSource, type Review } from './region';
import { maxPosition, minPosition, position } from './positions';
import { trimBlankEdges } from './tracking';

export function newRegionId(): string {
  return randomBytes(8).toString('hex');
}

export interface RegionOrigin {
  readonly source: RegionSource;
  readonly tool?: string;
  readonly model?: string;
  readonly confidence?: number;
  readonly createdAt?: number;
  readonly reviewed?: Review;
}

/**
 * A region over `text` as it now sits at `start` in the document. Leading
 * and trailing line breaks of the text are left outside the region.
 * Returns undefined when the text has nothing but line breaks.
 */
export function createRegion(origin: RegionOrigin, start: Position, text: string): AiRegion | undefined {
  const texts = splitLines(text);
  if (texts.every((line) => line === '')) return undefined;
  const last = texts.length - 1;
  const end = last === 0 ? position(start.line, start.character + texts[0].length) : position(start.line + last, texts[last].length);
  const region: AiRegion = {
    id: newRegionId(),
    source: origin.source,
    ...(origin.tool ? { tool: origin.tool } : {}),
    ...(origin.model ? { model: origin.model } : {}),
    createdAt: origin.createdAt ?? Date.now(),
    confidence: clampConfidence(origin.confidence ?? 1),
    start,
    end,
    lines: texts.map((line) => ({ text: line, human: false })),
    ...(origin.reviewed ? { reviewed: origin.reviewed } : {}),
  };
  trimBlankEdges(region);
  return region;
}

/**
 * A region over whole lines `firstLine`..`lastLine` (0-based, inclusive) of
 * a document given as lines: what the CLI and the disk watcher record.
 */
export function createLineRegion(origin: RegionOrigin, documentLines: readonly string[], firstLine: number, lastLine: number): AiRegion | undefined {
  const text = documentLines.slice(firstLine, lastLine + 1).join('\n');
  return createRegion(origin, position(firstLine, 0), text);
}

function clampConfidence(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1;
}

/**
 * The part of `region` between `from` and `to`, as a region of its own with
 * the same origin and line authorship; undefined when that part is empty.
 * The piece that starts where the region starts keeps its id.
 */
export function sliceRegion(region: AiRegion, from: Position, to: Position): AiRegion | undefined {
  const start = maxPosition(from, region.start);
  const end = minPosition(to, region.end);
  if (comparePositions(start, end) >= 0) return undefined;
  const firstIndex = start.line - region.start.line;
  const lastIndex = end.line - region.start.line;
  const lines = region.lines.slice(firstIndex, lastIndex + 1).map((line) => ({ ...line }));
  const lineOffset = (index: number) => (index === 0 ? region.start.character : 0);
  const lastLine = lines[lines.length - 1];
  lastLine.text = lastLine.text.slice(0, end.character - lineOffset(lastIndex));
  lines[0].text = lines[0].text.slice(start.character - lineOffset(firstIndex));
  const piece: AiRegion = {
    ...region,
    id: comparePositions(start, region.start) === 0 ? region.id : newRegionId(),
    start,
    end,
    lines,
  };
  trimBlankEdges(piece);
  if (piece.lines.every((line) => line.text === '')) return undefined;
  return piece;
}

export function cloneRegion(region: AiRegion): AiRegion {
  return { ...region, lines: region.lines.map((line) => ({ ...line })) };
}
