import { addedLineTexts, pathOf, type FileDiff } from '../git/diffParse';
import { holdsRegionText, reanchorRegions, stillInPlace } from '../regions/reanchor';
import { splitLines } from '../text/lines';
import { aiLines, type AiRegion } from '../regions/region';
import { looksBinary } from '../text/fileText';
import type { FileAttribution, LineOrigin } from './lineOrigin';

/** What attribution needs from the region store (RegionStore satisfies it). */
export interface RegionSource {
  files(): string[];
  regions(path: string): readonly AiRegion[];
}

/** Whether regions are stored for the file (under its old name too, for a rename the CLI did not see). */
export function hasStoredRegions(file: FileDiff, regions: RegionSource): boolean {
  return storedRegions(file, regions).length > 0;
}

/** Files whose new version must be read: they gained lines and have regions (minus those `known` from the diff). */
export function filesNeedingText(diff: readonly FileDiff[], regions: RegionSource, known: KnownAiLines = new Map()): FileDiff[] {
  return diff.filter((file) => !known.has(file) && needsText(file, regions));
}

function needsText(file: FileDiff, regions: RegionSource): boolean {
  return file.addedLines.length > 0 && file.newBlob !== undefined && !file.binary && storedRegions(file, regions).length > 0;
}

/** AI lines worked out without reading the file (see aiLinesFromDiff). */
export type KnownAiLines = ReadonlyMap<FileDiff, Map<number, LineOrigin>>;

/**
 * The AI lines of the files whose every region still sits, verbatim, on
 * lines the change adds: the diff holds their text (when parsed with
 * keepAddedText), so neither the file nor its blob needs to be read. That is
 * the usual commit (the AI lines are new), and on a large one reading and
 * hashing every file costs more than the rest of the hook. The others (a
 * region on an unchanged line, a moved region) are left to attributeChanges.
 */
export function aiLinesFromDiff(diff: readonly FileDiff[], regions: RegionSource): KnownAiLines {
  const known = new Map<FileDiff, Map<number, LineOrigin>>();
  for (const file of diff) {
    if (file.addedText === undefined || !needsText(file, regions)) continue;
    const stored = storedRegions(file, regions);
    if (stored.every((region) => inPlaceInDiff(region, file))) known.set(file, linesOf(file, stored));
  }
  return known;
}

/** stillInPlace (regions/reanchor.ts) with the diff's added lines for the document's lines. */
function inPlaceInDiff(region: AiRegion, file: FileDiff): boolean {
  const { start, end, lines } = region;
  // The lines the region spans (which, added, also answers stillInPlace's first test: the document reaches end.line).
  const texts = addedLineTexts(file, start.line + 1, Math.max(lines.length, end.line - start.line + 1));
  return texts !== undefined && holdsRegionText(region, texts, 0);
}

/**
 * Intersects the AI lines of the stored regions with the lines the change
 * added. Regions are positioned against the working tree (or an editor
 * buffer), so they are first re-anchored onto the committed version of the
 * file: with partial staging, unstaged AI lines are not found there and do
 * not count.
 */
export function attributeChanges(
  diff: readonly FileDiff[],
  blobs: ReadonlyMap<string, Buffer>,
  regions: RegionSource,
  known: KnownAiLines = new Map(),
): FileAttribution[] {
  const result: FileAttribution[] = [];
  for (const file of diff) {
    if (file.addedLines.length === 0 || file.newPath === undefined) continue;
    const blob = file.newBlob ? blobs.get(file.newBlob) : undefined;
    const lines =
      known.get(file) ??
      (blob && !looksBinary(blob) ? aiAddedLines(file, blob.toString('utf8'), storedRegions(file, regions)) : new Map<number, LineOrigin>());
    result.push({
      path: file.newPath,
      ...(file.oldPath !== undefined && file.oldPath !== file.newPath ? { oldPath: file.oldPath } : {}),
      addedLines: file.addedLines.length,
      aiLines: lines,
    });
  }
  return result;
}

function storedRegions(file: FileDiff, regions: RegionSource): readonly AiRegion[] {
  const own = regions.regions(pathOf(file));
  // The CLI does not see renames happen; regions may still sit under the old name.
  return own.length > 0 || file.oldPath === undefined ? own : regions.regions(file.oldPath);
}

function aiAddedLines(file: FileDiff, text: string, stored: readonly AiRegion[]): Map<number, LineOrigin> {
  if (stored.length === 0) return new Map();
  // Usually the staged text is the text the regions were recorded against: skip the costly search then.
  const documentLines = splitLines(text);
  const regions = stored.every((region) => stillInPlace(region, documentLines)) ? stored : reanchorRegions(stored, text).regions;
  return linesOf(file, regions);
}

/** The added lines that the regions (positioned on the new version of the file) hold as AI lines. */
function linesOf(file: FileDiff, regions: readonly AiRegion[]): Map<number, LineOrigin> {
  const lines = new Map<number, LineOrigin>();
  const added = new Set(file.addedLines);
  for (const region of regions) {
    const origin = originOf(region);
    for (const line of aiLines(region)) if (added.has(line + 1)) lines.set(line + 1, origin);
  }
  return lines;
}

function originOf(region: AiRegion): LineOrigin {
  return {
    source: region.source,
    ...(region.tool ? { tool: region.tool } : {}),
    ...(region.model ? { model: region.model } : {}),
    ...(region.reviewed ? { reviewed: { by: region.reviewed.by, at: region.reviewed.at } } : {}),
  };
}
