import { isContinuation, joinLayout, layoutOf, parseTrailerLine } from './messageLayout';
import { isOurTrailerKey, type Trailer } from './trailers';

export interface ApplyOptions {
  /** The comment prefix of the message (core.commentChar); '#' by default. */
  readonly commentChar?: string;
}

/**
 * Puts our trailers into a commit message (pure). Our earlier trailers are
 * replaced, so an amend never duplicates them; other trailers
 * (Signed-off-by, Co-authored-by, ...) stay where they are and ours follow
 * them. Comment lines and a scissors section after the body are kept as is.
 * With no trailers to add, ours are removed.
 */
export function applyTrailers(message: string, trailers: readonly Trailer[], options: ApplyOptions = {}): string {
  const layout = layoutOf(message, options.commentChar ?? '#');
  const { lines, bodyEnd, blockStart } = layout;
  const head = lines.slice(0, blockStart ?? bodyEnd);
  const block = blockStart === undefined ? [] : withoutOurTrailers(lines.slice(blockStart, bodyEnd));
  const tail = lines.slice(bodyEnd);
  const added = trailers.map((trailer) => `${trailer.key}: ${trailer.value}`);

  let body: string[];
  if (block.length > 0) body = [...head, ...block, ...added];
  else if (added.length > 0) body = [...trimTrailingBlank(head), '', ...added];
  else body = trimTrailingBlank(head);
  return joinLayout([...body, ...tail], layout);
}

/** True when the message says nothing but our trailers (plus comments): git must still see it as empty. */
export function isEmptyButOurTrailers(message: string, commentChar = '#'): boolean {
  const layout = layoutOf(message, commentChar);
  const content = layout.lines.slice(0, layout.bodyEnd).filter((line) => line.trim() !== '' && !line.startsWith(commentChar));
  return content.length > 0 && withoutOurTrailers(content).length === 0;
}

/** True when the message has content besides comments and our trailers. */
export function hasContent(message: string, commentChar = '#'): boolean {
  const layout = layoutOf(message, commentChar);
  return layout.bodyEnd > 0 && !isEmptyButOurTrailers(message, commentChar);
}

function withoutOurTrailers(block: readonly string[]): string[] {
  const kept: string[] = [];
  let dropping = false;
  for (const line of block) {
    if (dropping && isContinuation(line)) continue;
    const trailer = parseTrailerLine(line);
    dropping = trailer !== undefined && isOurTrailerKey(trailer.key);
    if (!dropping) kept.push(line);
  }
  return kept;
}

function trimTrailingBlank(lines: readonly string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  return lines.slice(0, end);
}
