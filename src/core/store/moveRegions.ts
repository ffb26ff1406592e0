import { fromRepoPath, toRepoPath } from '../git/repository';
import type { RegionStore } from './regionStore';

/**
 * Moves every region `from` holds for files under `toRoot` into `to`, whose
 * paths are relative to another root: regions captured in a store of the
 * editor's own (Restricted Mode keys it by workspace folder) join the
 * repository's store once git may be run. Regions already in `to` win where
 * both cover the same text. Files outside `toRoot` stay where they were.
 */
export function moveRegions(from: RegionStore, fromRoot: string, to: RegionStore, toRoot: string): { files: number; regions: number } {
  let files = 0;
  let regions = 0;
  for (const path of from.files()) {
    const target = toRepoPath(toRoot, fromRepoPath(fromRoot, path));
    const moving = from.regions(path);
    if (target === undefined || moving.length === 0) continue;
    const kept = [...to.regions(target)];
    for (const region of moving) to.add(target, region);
    // What `to` knew is re-added on top, so a move never overwrites it.
    for (const region of kept) to.add(target, region);
    from.clearFile(path);
    files += 1;
    regions += moving.length;
  }
  return { files, regions };
}
