import type { LineWindow } from './decorationPlan';

/** Windows start and end on multiples of this many lines, so that scrolling a little paints nothing new. */
const BLOCK_LINES = 64;

/**
 * The lines an editor paints line by line: the visible ones, one screen more
 * above and below (scrolling that far shows painted lines at once), widened to
 * whole blocks. Undefined (the whole file) when the editor reports no visible
 * lines yet.
 */
export function paintWindow(visible: readonly LineWindow[], lineCount: number): LineWindow | undefined {
  if (visible.length === 0) return undefined;
  const first = Math.min(...visible.map((range) => range.first));
  const last = Math.max(...visible.map((range) => range.last));
  // Lines actually shown (folded ones are not), so a screen's worth of scrolling.
  const screen = visible.reduce((lines, range) => lines + range.last - range.first + 1, 0);
  return {
    first: Math.max(0, Math.floor((first - screen) / BLOCK_LINES) * BLOCK_LINES),
    last: Math.min(Math.max(lineCount - 1, 0), (Math.floor((last + screen) / BLOCK_LINES) + 1) * BLOCK_LINES - 1),
  };
}

export function sameWindow(a: LineWindow | undefined, b: LineWindow | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.first === b.first && a.last === b.last);
}
