import { readTrailers } from './messageLayout';
import { TRAILER_KEYS, isOurTrailerKey, type Trailer } from './trailers';

/**
 * The editor previews trailers with its live workspace index, so they may
 * carry AI-Blast-Radius (and a risk that weighed it); a hook has no index
 * and would drop it when it recomputes. When the message's trailers describe
 * the same change (same AI-Lines and AI-Reviewed) and only they know the
 * blast radius, they are kept as they are: measured, not guessed.
 */
export function keepIndexedTrailers(message: string, computed: readonly Trailer[], commentChar = '#'): readonly Trailer[] {
  if (computed.some((trailer) => trailer.key === TRAILER_KEYS.blastRadius)) return computed;
  const existing = readTrailers(message, commentChar).filter((trailer) => isOurTrailerKey(trailer.key));
  const value = (trailers: readonly Trailer[], key: string) => trailers.find((trailer) => trailer.key.toLowerCase() === key.toLowerCase())?.value;
  const same = (key: string) => value(existing, key) === value(computed, key);
  if (value(existing, TRAILER_KEYS.blastRadius) === undefined || !same(TRAILER_KEYS.lines) || !same(TRAILER_KEYS.reviewed)) return computed;
  return existing;
}
