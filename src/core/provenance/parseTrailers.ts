import { isAiRiskLevel, type AiRiskLevel } from '../risk';
import { readTrailers } from './messageLayout';
import { TRAILER_KEYS } from './trailers';

/** Our trailers read back from a commit message (the gate's fallback when a commit has no note). */
export interface ParsedProvenanceTrailers {
  readonly aiLines: number;
  readonly addedLines: number;
  readonly reviewedLines?: number;
  readonly sources: readonly string[];
  readonly tools: readonly string[];
  readonly models: readonly string[];
  readonly loadBearing: ReadonlyArray<{ readonly className: string; readonly path: string }>;
  /** Load-bearing files left out of the trailer (`+N more`). */
  readonly loadBearingOmitted: number;
  readonly blastRadius?: { readonly files: number; readonly loadBearing: number };
  readonly risk?: AiRiskLevel;
  /** Values of `Reviewed-by:` trailers (not ours, but the gate's policy reads them). */
  readonly reviewedBy: readonly string[];
}

/** Undefined when the message carries no valid AI-Lines trailer. */
export function parseProvenanceTrailers(message: string): ParsedProvenanceTrailers | undefined {
  const trailers = readTrailers(message);
  const last = (key: string) => [...trailers].reverse().find((trailer) => trailer.key.toLowerCase() === key.toLowerCase())?.value;
  const lines = fraction(last(TRAILER_KEYS.lines));
  if (!lines) return undefined;
  const reviewed = fraction(last(TRAILER_KEYS.reviewed));
  const blast = /^(\d+) files?, (\d+) load-bearing$/.exec(last(TRAILER_KEYS.blastRadius) ?? '');
  const risk = last(TRAILER_KEYS.risk);
  const { entries, omitted } = loadBearingEntries(last(TRAILER_KEYS.loadBearing));
  return {
    aiLines: lines[0],
    addedLines: lines[1],
    ...(reviewed ? { reviewedLines: reviewed[0] } : {}),
    sources: items(last(TRAILER_KEYS.sources)),
    tools: items(last(TRAILER_KEYS.tools)),
    models: items(last(TRAILER_KEYS.models)),
    loadBearing: entries,
    loadBearingOmitted: omitted,
    ...(blast ? { blastRadius: { files: Number(blast[1]), loadBearing: Number(blast[2]) } } : {}),
    ...(isAiRiskLevel(risk) ? { risk } : {}),
    reviewedBy: trailers.filter((trailer) => trailer.key.toLowerCase() === 'reviewed-by').map((trailer) => trailer.value),
  };
}

function fraction(value: string | undefined): [number, number] | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value?.trim() ?? '');
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function items(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `class=path` items, paths bare or JSON-quoted, then an optional `+N more`. */
function loadBearingEntries(value: string | undefined): { entries: Array<{ className: string; path: string }>; omitted: number } {
  const entries: Array<{ className: string; path: string }> = [];
  let omitted = 0;
  const pattern = /\s*(?:\+(\d+) more|([a-z][a-z0-9-]*)=("(?:[^"\\]|\\.)*"|[^,]*))\s*(?:,|$)/gy;
  const text = value ?? '';
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < text.length && (match = pattern.exec(text)) !== null) {
    if (match[1] !== undefined) omitted = Number(match[1]);
    else entries.push({ className: match[2], path: match[3].startsWith('"') ? (JSON.parse(match[3]) as string) : match[3].trim() });
    if (match[0] === '') break;
  }
  return { entries, omitted };
}
