import type { ProvenanceSummary } from './summary';
import { plural } from '../text/plural';

/** A git trailer: `Key: value`. */
export interface Trailer {
  readonly key: string;
  readonly value: string;
}

/** Our keys, in the order they are written. docs/TRAILERS.md is the contract. */
export const TRAILER_KEYS = {
  lines: 'AI-Lines',
  sources: 'AI-Sources',
  tools: 'AI-Tools',
  models: 'AI-Models',
  reviewed: 'AI-Reviewed',
  loadBearing: 'AI-Load-Bearing',
  blastRadius: 'AI-Blast-Radius',
  risk: 'AI-Risk',
} as const;

export const OUR_TRAILER_KEYS: readonly string[] = Object.values(TRAILER_KEYS);

export function isOurTrailerKey(key: string): boolean {
  return OUR_TRAILER_KEYS.some((ours) => ours.toLowerCase() === key.toLowerCase());
}

/** AI-Load-Bearing lists this many paths, then `+N more`. */
export const MAX_LOAD_BEARING_PATHS = 3;

export interface TrailerOptions {
  /** Write `AI-Lines: 0/N` for a change without AI lines. */
  readonly always?: boolean;
}

/** The trailers for a change; none when it has no AI lines (unless `always`). */
export function formatTrailers(summary: ProvenanceSummary, options: TrailerOptions = {}): Trailer[] {
  if (summary.aiLines === 0) {
    return options.always ? [{ key: TRAILER_KEYS.lines, value: `0/${summary.addedLines}` }] : [];
  }
  const trailers: Trailer[] = [{ key: TRAILER_KEYS.lines, value: `${summary.aiLines}/${summary.addedLines}` }];
  trailers.push({ key: TRAILER_KEYS.sources, value: list(summary.sources) });
  if (summary.tools.length > 0) trailers.push({ key: TRAILER_KEYS.tools, value: list(summary.tools) });
  if (summary.models.length > 0) trailers.push({ key: TRAILER_KEYS.models, value: list(summary.models) });
  trailers.push({ key: TRAILER_KEYS.reviewed, value: `${summary.reviewedLines}/${summary.aiLines}` });
  if (summary.loadBearing.length > 0) {
    const shown = summary.loadBearing.slice(0, MAX_LOAD_BEARING_PATHS).map((file) => `${file.classes[0]}=${quotePath(file.path)}`);
    const more = summary.loadBearing.length - shown.length;
    trailers.push({ key: TRAILER_KEYS.loadBearing, value: [...shown, ...(more > 0 ? [`+${more} more`] : [])].join(', ') });
  }
  if (summary.blastRadius) {
    const { files, loadBearing } = summary.blastRadius;
    trailers.push({ key: TRAILER_KEYS.blastRadius, value: `${plural(files, 'file')}, ${loadBearing} load-bearing` });
  }
  if (summary.risk) trailers.push({ key: TRAILER_KEYS.risk, value: summary.risk });
  return trailers;
}

/** List items never hold the separator or a line break. */
function list(items: readonly string[]): string {
  return items
    .map((item) =>
      item
        .replace(/[\r\n,]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join(', ');
}

/** Paths are bare unless they hold a comma, a quote, a line break or edge spaces: then JSON-quoted. */
function quotePath(path: string): string {
  return /[",\r\n]|^\s|\s$/.test(path) ? JSON.stringify(path) : path;
}
