/**
 * The AI region model. A region is a contiguous span of a document that an AI
 * tool inserted, with the line-level memory of what happened to it since.
 *
 * Positions are 0-based (line, character) like the editor's; the CLI and the
 * JSON contracts convert to 1-based inclusive line numbers at their edges.
 */

/** Where a region came from. Open-ended: tools may report their own. */
export type RegionSource = 'inline' | 'inline-partial' | 'chat' | 'agent' | 'agent-disk' | 'agent-hook' | 'manual' | (string & {});

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Review {
  readonly by: string;
  readonly at: number;
}

/**
 * One line of a region. `text` is the part of the line inside the region
 * (clipped at the region's start on its first line and at its end on its last
 * line), used to detect human rewrites and to re-anchor after outside changes.
 */
export interface RegionLine {
  text: string;
  /** True once a human rewrote or inserted this line after the AI did. */
  human: boolean;
}

export interface AiRegion {
  readonly id: string;
  readonly source: RegionSource;
  readonly tool?: string;
  readonly model?: string;
  /** Epoch milliseconds of capture. */
  readonly createdAt: number;
  /** 0..1: how sure the capture path is that an AI wrote this. */
  readonly confidence: number;
  start: Position;
  /** Exclusive end position. */
  end: Position;
  /** One entry per line from start.line to end.line inclusive. */
  lines: RegionLine[];
  reviewed?: Review;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Number of lines of a region that still hold AI-authored text. */
export function aiLineCount(region: AiRegion): number {
  let count = 0;
  for (const line of region.lines) if (!line.human && line.text.trim() !== '') count++;
  return count;
}

/** 0-based document line numbers of lines a human has since rewritten. */
export function humanModifiedLines(region: AiRegion): number[] {
  const result: number[] = [];
  region.lines.forEach((line, index) => {
    if (line.human) result.push(region.start.line + index);
  });
  return result;
}

/** 0-based document line numbers of AI-authored, non-blank lines. */
export function aiLines(region: AiRegion): number[] {
  const result: number[] = [];
  region.lines.forEach((line, index) => {
    if (!line.human && line.text.trim() !== '') result.push(region.start.line + index);
  });
  return result;
}
