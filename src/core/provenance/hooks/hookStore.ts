import { removeStaleTemporaries } from '../../store/atomicFile';
import { fromRecord, type FileRecord } from '../../store/format';
import { readStoreFile } from '../../store/storeFile';
import { comparePositions, type AiRegion } from '../../regions/region';
import type { RegionSource } from '../attribute';

/**
 * The region store as a hook reads it: read only. RegionStore.open builds
 * every file's regions for editing (and copies them twice on the way); a
 * hook only asks for the regions of the files a commit touches, once, so
 * each file's are made from its records when first asked for. The same
 * file is read, with the same checks and the same problems reported.
 */
export async function readStoreForHook(storeDir: string): Promise<{ regions: RegionSource; problems: readonly string[] }> {
  // As RegionStore.open does: temporary files of killed writers go.
  await removeStaleTemporaries(storeDir, 60_000);
  const disk = await readStoreFile(storeDir);
  return { regions: new RecordedRegions(disk.files), problems: disk.problems };
}

const NONE: readonly AiRegion[] = Object.freeze([]);

class RecordedRegions implements RegionSource {
  private readonly made = new Map<string, readonly AiRegion[]>();

  constructor(private readonly records: ReadonlyMap<string, FileRecord>) {}

  files(): string[] {
    return [...this.records]
      .filter(([, record]) => record.regions.length > 0)
      .map(([path]) => path)
      .sort();
  }

  regions(path: string): readonly AiRegion[] {
    const records = this.records.get(path)?.regions;
    // Most files of a large commit have none: nothing to make or remember.
    if (records === undefined || records.length === 0) return NONE;
    let regions = this.made.get(path);
    if (regions === undefined) {
      // In the order RegionStore keeps them (FileRegions sorts by start).
      regions = records.map(fromRecord).sort((a, b) => comparePositions(a.start, b.start));
      this.made.set(path, regions);
    }
    return regions;
  }
}
