import { createRegion, type RegionOrigin } from '../regions/create';
import { reanchorRegions } from '../regions/reanchor';
import type { AiRegion } from '../regions/region';
import { normalizeLineEnds } from '../text/lines';

/**
 * Regions over the places where `written` (text a tool reports it wrote)
 * now sits in `fileText`. Exact occurrences are found directly, up to
 * `maxOccurrences`; otherwise (a formatter ran after the tool) the text is
 * looked up line by line, like a region that moved.
 */
export function locateWrittenText(origin: RegionOrigin, written: string, fileText: string, maxOccurrences = 1): AiRegion[] {
  if (written.trim() === '') return [];
  const normalizedFile = normalizeLineEnds(fileText);
  const normalizedWritten = normalizeLineEnds(written);
  const offsets: number[] = [];
  for (let at = normalizedFile.indexOf(normalizedWritten); at >= 0 && offsets.length < maxOccurrences;) {
    offsets.push(at);
    at = normalizedFile.indexOf(normalizedWritten, at + normalizedWritten.length);
  }
  if (offsets.length > 0) {
    return offsets.flatMap((offset) => {
      const region = createRegion(origin, positionAt(normalizedFile, offset), normalizedWritten);
      return region ? [region] : [];
    });
  }
  const probe = createRegion(origin, { line: 0, character: 0 }, normalizedWritten);
  return probe ? reanchorRegions([probe], normalizedFile).regions : [];
}

/** Number of exact occurrences of `written` in `fileText` (line breaks normalized). */
export function countOccurrences(written: string, fileText: string): number {
  const file = normalizeLineEnds(fileText);
  const needle = normalizeLineEnds(written);
  if (needle === '') return 0;
  let count = 0;
  for (let at = file.indexOf(needle); at >= 0; at = file.indexOf(needle, at + needle.length)) count++;
  return count;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, character: offset - lineStart };
}
