import { reanchorRegions } from '../regions/reanchor';
import { contentHash } from '../text/hash';
import type { AiRegion } from '../regions/region';
import { fromRecord, toRecord, type FileRecord, type RegionRecord } from './format';

/**
 * Three-way merge of one file's regions between what this process last
 * synced (`base`), what it has now (`ours`) and what is on disk (`theirs`,
 * written meanwhile by another window, the CLI or a hook).
 *
 * Rules, region by region (regions are identified by id):
 * - removed on either side since base: removed (an unmark or a clear wins);
 * - added on either side: kept;
 * - changed only on disk: theirs; changed on both sides: ours (this process
 *   follows the live text), keeping a review made on either side.
 * Regions taken from disk are re-anchored when they refer to another version
 * of the text than ours. Where two regions end up overlapping, ours win.
 */
export interface MergeInput {
  readonly base: FileRecord | undefined;
  readonly ours: FileRecord | undefined;
  readonly theirs: FileRecord | undefined;
  /** The text `ours` refers to, when known: used to re-anchor theirs. */
  readonly ourText: string | undefined;
}

export function mergeFileRecords({ base, ours, theirs, ourText }: MergeInput): FileRecord {
  const baseById = byId(base);
  const oursById = byId(ours);
  const theirsById = byId(theirs);
  const kept: RegionRecord[] = [];
  const fromTheirs: RegionRecord[] = [];

  for (const [id, our] of oursById) {
    const baseRecord = baseById.get(id);
    const their = theirsById.get(id);
    if (baseRecord && !their) continue; // removed on disk
    if (!baseRecord || !their) {
      kept.push(our);
      continue;
    }
    const ourChanged = !sameRecord(our, baseRecord);
    const theirChanged = !sameRecord(their, baseRecord);
    if (theirChanged && !ourChanged) fromTheirs.push(their);
    else kept.push(theirChanged && their.reviewed && !our.reviewed ? { ...our, reviewed: their.reviewed } : our);
  }
  for (const [id, their] of theirsById) {
    if (oursById.has(id) || baseById.has(id)) continue; // ours has it, or we removed it
    fromTheirs.push(their);
  }

  // The text this process sees now is the best reference for positions.
  const ourHash = (ourText !== undefined ? contentHash(ourText) : undefined) ?? ours?.contentHash ?? theirs?.contentHash;
  let incoming = fromTheirs.map(fromRecord);
  if (incoming.length > 0 && theirs?.contentHash !== ourHash && ourText !== undefined) {
    incoming = reanchorRegions(incoming, ourText).regions;
  }
  const regions = withoutOverlaps(kept.map(fromRecord), incoming);
  return { ...(ourHash ? { contentHash: ourHash } : {}), regions: regions.map(toRecord) };
}

function byId(record: FileRecord | undefined): Map<string, RegionRecord> {
  return new Map((record?.regions ?? []).map((region) => [region.id, region]));
}

function sameRecord(a: RegionRecord, b: RegionRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function overlaps(a: AiRegion, b: AiRegion): boolean {
  const before = (x: { line: number; character: number }, y: { line: number; character: number }) =>
    x.line < y.line || (x.line === y.line && x.character <= y.character);
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function withoutOverlaps(ours: AiRegion[], incoming: AiRegion[]): AiRegion[] {
  const result = [...ours];
  for (const region of incoming) if (!result.some((existing) => overlaps(existing, region))) result.push(region);
  return result.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
}
