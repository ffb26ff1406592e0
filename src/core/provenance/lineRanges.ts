/** 1-based inclusive line ranges, the form every contract (notes, gate, trailers) uses. */
export type LineRange = readonly [start: number, end: number];

/** Groups sorted line numbers into runs of consecutive lines. */
export function toRanges(lines: Iterable<number>): LineRange[] {
  const sorted = [...lines].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && line === last[1] + 1) last[1] = line;
    else if (!last || line > last[1]) ranges.push([line, line]);
  }
  return ranges;
}

/** `L3-10, L15` for people. */
export function formatRanges(ranges: readonly LineRange[], limit = 6): string {
  const shown = ranges.slice(0, limit).map(([start, end]) => (start === end ? `L${start}` : `L${start}-${end}`));
  if (ranges.length > limit) shown.push(`+${ranges.length - limit} more`);
  return shown.join(', ');
}
