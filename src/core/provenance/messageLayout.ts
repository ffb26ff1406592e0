/**
 * Where the parts of a commit message are, with git's rules: the message
 * body, then (editor flow) blank lines, comment lines and maybe a scissors
 * line with the diff below it. Trailers are the last paragraph of the body
 * when it looks like one (see isTrailerBlock); the subject never is.
 */
export interface MessageLayout {
  readonly lines: readonly string[];
  /** Index after the last line of the body; blank and comment lines after it are the tail. */
  readonly bodyEnd: number;
  /** Index of the first line of the trailer block, when there is one. */
  readonly blockStart: number | undefined;
  readonly eol: '\n' | '\r\n';
  readonly finalNewline: boolean;
}

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]?(.*)$/;
/** Lines git itself puts among trailers. */
const GIT_GENERATED = /^\(cherry picked from commit [0-9a-f]+\)$/;
/** Keys that make a mixed paragraph a trailer block, as git's own list does. */
const KNOWN_KEYS = /^(signed-off-by|co-authored-by|reviewed-by|acked-by|tested-by|reported-by|helped-by|suggested-by|change-id|ai-[a-z-]+)$/i;

export function parseTrailerLine(line: string): { key: string; value: string } | undefined {
  const match = TRAILER_LINE.exec(line);
  return match ? { key: match[1], value: match[2].trim() } : undefined;
}

export function isContinuation(line: string): boolean {
  return /^[ \t]+\S/.test(line);
}

function isComment(line: string, commentChar: string): boolean {
  return commentChar !== '' && line.startsWith(commentChar);
}

function isScissors(line: string, commentChar: string): boolean {
  return line === `${commentChar} ------------------------ >8 ------------------------`;
}

export function layoutOf(message: string, commentChar = '#'): MessageLayout {
  const eol = message.includes('\r\n') ? '\r\n' : '\n';
  const finalNewline = message.endsWith('\n');
  const lines = message.split(eol === '\r\n' ? '\r\n' : '\n');
  if (finalNewline) lines.pop();
  let bodyEnd = lines.findIndex((line) => isScissors(line, commentChar));
  if (bodyEnd < 0) bodyEnd = lines.length;
  while (bodyEnd > 0 && (lines[bodyEnd - 1].trim() === '' || isComment(lines[bodyEnd - 1], commentChar))) bodyEnd--;

  let paragraphStart = bodyEnd;
  while (paragraphStart > 0 && lines[paragraphStart - 1].trim() !== '') paragraphStart--;
  const isSubject = lines.slice(0, paragraphStart).every((line) => line.trim() === '' || isComment(line, commentChar));
  const paragraph = lines.slice(paragraphStart, bodyEnd).filter((line) => !isComment(line, commentChar));
  const blockStart = !isSubject && paragraphStart < bodyEnd && isTrailerBlock(paragraph) ? paragraphStart : undefined;
  return { lines, bodyEnd, blockStart, eol, finalNewline };
}

/** git's rule: every line a trailer (or continuation), or at least a quarter with a well-known key. */
function isTrailerBlock(lines: readonly string[]): boolean {
  let trailers = 0;
  let others = 0;
  let known = false;
  for (const line of lines) {
    if (isContinuation(line)) continue;
    const trailer = parseTrailerLine(line);
    if (trailer || GIT_GENERATED.test(line)) {
      trailers++;
      if (!trailer || KNOWN_KEYS.test(trailer.key)) known = true;
    } else {
      others++;
    }
  }
  if (trailers === 0) return false;
  return others === 0 || (known && trailers * 3 >= others);
}

/** Every trailer of the message's trailer block, continuation lines joined. */
export function readTrailers(message: string, commentChar = '#'): Array<{ key: string; value: string }> {
  const layout = layoutOf(message, commentChar);
  if (layout.blockStart === undefined) return [];
  const trailers: Array<{ key: string; value: string }> = [];
  for (const line of layout.lines.slice(layout.blockStart, layout.bodyEnd)) {
    const last = trailers[trailers.length - 1];
    if (isContinuation(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const trailer = parseTrailerLine(line);
    if (trailer) trailers.push(trailer);
  }
  return trailers;
}

export function joinLayout(lines: readonly string[], layout: Pick<MessageLayout, 'eol' | 'finalNewline'>): string {
  return lines.join(layout.eol) + (layout.finalNewline && lines.length > 0 ? layout.eol : '');
}

/** The comment prefix in effect: core.commentChar, or the one git chose when it is `auto`. */
export function resolveCommentChar(setting: string, message: string): string {
  if (setting.toLowerCase() !== 'auto') return setting;
  const lines = message.split(/\r?\n/);
  for (const candidate of '#;@!$%^&|:') {
    if (lines.some((line) => line.startsWith(`${candidate} `) && /commit/i.test(line))) return candidate;
  }
  return '#';
}
