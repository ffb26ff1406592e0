import { joinLayout, layoutOf } from './messageLayout';
import type { Trailer } from './trailers';

/**
 * In the editor flow the message is not written yet when prepare-commit-msg
 * runs; adding trailers then would make an abandoned (empty) message look
 * non-empty and commit it anyway. So the trailers are shown as comments,
 * and commit-msg writes them once the message exists.
 */
export const PREVIEW_MARKER = 'AI Provenance adds these trailers when you save the message:';
const ITEM_INDENT = '   ';

export function withPreview(message: string, trailers: readonly Trailer[], commentChar: string): string {
  const layout = layoutOf(withoutPreview(message, commentChar).message, commentChar);
  const lines = [...layout.lines];
  const scissors = lines.findIndex((line) => line.startsWith(`${commentChar} -`) && line.includes(' >8 '));
  const at = scissors < 0 ? lines.length : scissors;
  const preview = [
    commentChar,
    `${commentChar} ${PREVIEW_MARKER}`,
    ...trailers.map((trailer) => `${commentChar}${ITEM_INDENT}${trailer.key}: ${trailer.value}`),
  ];
  lines.splice(at, 0, ...preview);
  return joinLayout(lines, { ...layout, finalNewline: true });
}

export function withoutPreview(message: string, commentChar: string): { message: string; hadPreview: boolean } {
  const layout = layoutOf(message, commentChar);
  const lines = [...layout.lines];
  const marker = lines.indexOf(`${commentChar} ${PREVIEW_MARKER}`);
  if (marker < 0) return { message, hadPreview: false };
  let end = marker + 1;
  while (end < lines.length && lines[end].startsWith(`${commentChar}${ITEM_INDENT}`)) end++;
  const start = marker > 0 && lines[marker - 1] === commentChar ? marker - 1 : marker;
  lines.splice(start, end - start);
  return { message: joinLayout(lines, layout), hadPreview: true };
}
