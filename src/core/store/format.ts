import type { AiRegion } from '../regions/region';

/**
 * The on-disk store format. It is a contract between versions of the
 * extension and the CLI that may run side by side: readers refuse to write
 * a version newer than theirs, and any change of meaning bumps the version.
 */
export const STORE_FORMAT = 'ai-provenance/regions';
export const STORE_VERSION = 1;

export interface RegionRecord {
  id: string;
  source: string;
  tool?: string;
  model?: string;
  createdAt: number;
  confidence: number;
  /** 0-based [line, character]. */
  start: [number, number];
  /** 0-based [line, character], exclusive. */
  end: [number, number];
  /** The region's text, one entry per line (see RegionLine.text). */
  text: string[];
  /** Indexes into `text` of lines a human rewrote. */
  human?: number[];
  reviewed?: { by: string; at: number };
}

export interface FileRecord {
  /** Hash of the file text the positions refer to. */
  contentHash?: string;
  regions: RegionRecord[];
}

export interface StoreDocument {
  format: typeof STORE_FORMAT;
  version: number;
  files: Record<string, FileRecord>;
}

export function toRecord(region: AiRegion): RegionRecord {
  const human = region.lines.flatMap((line, index) => (line.human ? [index] : []));
  return {
    id: region.id,
    source: region.source,
    ...(region.tool ? { tool: region.tool } : {}),
    ...(region.model ? { model: region.model } : {}),
    createdAt: region.createdAt,
    confidence: region.confidence,
    start: [region.start.line, region.start.character],
    end: [region.end.line, region.end.character],
    text: region.lines.map((line) => line.text),
    ...(human.length > 0 ? { human } : {}),
    ...(region.reviewed ? { reviewed: { by: region.reviewed.by, at: region.reviewed.at } } : {}),
  };
}

export function fromRecord(record: RegionRecord): AiRegion {
  const human = new Set(record.human ?? []);
  return {
    id: record.id,
    source: record.source,
    ...(record.tool ? { tool: record.tool } : {}),
    ...(record.model ? { model: record.model } : {}),
    createdAt: record.createdAt,
    confidence: record.confidence,
    start: { line: record.start[0], character: record.start[1] },
    end: { line: record.end[0], character: record.end[1] },
    lines: record.text.map((text, index) => ({ text, human: human.has(index) })),
    ...(record.reviewed ? { reviewed: record.reviewed } : {}),
  };
}

const isInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isPoint = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && isInteger(value[0]) && isInteger(value[1]);

/** Why a stored region is unusable, or undefined when it is fine. */
export function recordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const record = value as Partial<RegionRecord>;
  if (typeof record.id !== 'string' || record.id === '') return 'no id';
  if (typeof record.source !== 'string') return 'no source';
  if (!isPoint(record.start) || !isPoint(record.end)) return 'bad start or end';
  if (!Array.isArray(record.text) || !record.text.every((line) => typeof line === 'string')) return 'bad text';
  if (record.text.length !== record.end[0] - record.start[0] + 1) return 'text does not match its line span';
  if (typeof record.createdAt !== 'number' || typeof record.confidence !== 'number') return 'bad createdAt or confidence';
  if (record.human !== undefined && !(Array.isArray(record.human) && record.human.every(isInteger))) return 'bad human lines';
  if (record.reviewed !== undefined && (typeof record.reviewed?.by !== 'string' || typeof record.reviewed?.at !== 'number')) return 'bad review';
  return undefined;
}
