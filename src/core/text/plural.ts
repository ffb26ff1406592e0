/** `1 file`, `2 files`: a count and its noun, plural when the count is not 1. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
