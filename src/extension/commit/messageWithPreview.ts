import { applyTrailers, hasContent, isEmptyButOurTrailers, isOurTrailerKey, readTrailers, type Trailer } from '../../core/provenance';

/**
 * The commit box's text with our AI-* trailer block brought up to date, or
 * undefined when it should stay as it is. Pure: the rules of the preview.
 *
 * - What the user typed is kept: only our trailers are replaced (other
 *   trailers such as Signed-off-by stay, ours follow them). A box without
 *   our trailers and nothing to add is not touched at all.
 * - A box without a message gets no block: the Source Control view would
 *   commit the trailers as the whole message, or stop asking for one.
 * - A box left with nothing but our block (the user deleted the message) is
 *   emptied, for the same reason.
 * - No AI lines staged: our block goes.
 */
export function messageWithPreview(current: string, trailers: readonly Trailer[], commentChar: string): string | undefined {
  const comment = usableCommentChar(commentChar);
  if (trailers.length === 0 && !showsOurTrailers(current, comment)) return undefined;
  let next: string;
  if (isEmptyButOurTrailers(current, comment)) next = '';
  else if (!hasContent(current, comment)) next = current;
  else next = applyTrailers(current, trailers, { commentChar: comment });
  return next === current ? undefined : next;
}

/** Whether the text carries any of our trailers (then the preview must keep watching it). */
export function showsOurTrailers(message: string, commentChar: string): boolean {
  const comment = usableCommentChar(commentChar);
  return isEmptyButOurTrailers(message, comment) || readTrailers(message, comment).some((trailer) => isOurTrailerKey(trailer.key));
}

/** core.commentChar=auto picks a character per message in git; '#' is what the box shows. */
function usableCommentChar(commentChar: string): string {
  return commentChar === 'auto' || commentChar === '' ? '#' : commentChar;
}
