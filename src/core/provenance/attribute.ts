import { pathOf, type FileDiff } from '../git/diffParse';
import { reanchorRegions, stillInPlace } from '../regions/reanchor';
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

/** Files whose new version must be read: they gained lines and have regions. */
export function filesNeedingText(diff: readonly FileDiff[], regions: RegionSource): FileDiff[] {
  return diff.filter((file) => file.addedLines.length > 0 && file.newBlob !== undefined && !file.binary && storedRegions(file, regions).length > 0);
}

/**
 * Intersects the AI lines of the stored regions with the lines the change
 * added. Regions are positioned against the working tree (or an editor
 * buffer), so they are first re-anchored onto the committed version of the
 * file: with partial staging, unstaged AI lines are not found there and do
 * not count.
 */
export function attributeChanges(diff: readonly FileDiff[], blobs: ReadonlyMap<string, Buffer>, regions: RegionSource): FileAttribution[] {
  const result: FileAttribution[] = [];
  for (const file of diff) {
    if (file.addedLines.length === 0 || file.newPath === undefined) continue;
    const blob = file.newBlob ? blobs.get(file.newBlob) : undefined;
    const lines =
      blob && !looksBinary(blob) ? aiAddedLines(file, blob.toString('utf8'), storedRegions(file, regions)) : new Map<number, LineOrigin>();
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
  const lines = new Map<number, LineOrigin>();
  if (stored.length === 0) return lines;
  const added = new Set(file.addedLines);
  // Usually the staged text is the text the regions were recorded against: skip the costly search then.
  const documentLines = splitLines(text);
  const regions = stored.every((region) => stillInPlace(region, documentLines)) ? stored : reanchorRegions(stored, text).regions;
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
