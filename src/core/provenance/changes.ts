import { readBlobsPreferringWorkTree } from '../git/workTreeBlobs';
import { diffRevisions, diffStaged, textDiffsOf } from '../git/diff';
import type { FileDiff } from '../git/diffParse';
import { diffBaseOf, emptyTree, parentsOf, resolveCommit } from '../git/revisions';
import { aiLinesFromDiff, attributeChanges, filesNeedingText, hasStoredRegions, type RegionSource } from './attribute';
import type { FileAttribution } from './lineOrigin';

/** Whose changes: the staged ones (the commit being made) or an existing commit's. */
export type ChangeTarget =
  | {
      readonly kind: 'staged';
      /** Measure against HEAD's parent: the commit replaces HEAD. */
      readonly amend?: boolean;
      /** `git diff --cached` against HEAD, already run (by the hook script); not with amend. */
      readonly diff?: Promise<readonly FileDiff[] | undefined>;
      /**
       * Whether the text that diff kept (parseDiff's keepAddedText) may stand for these files' contents
       * (see aiLinesFromDiff); asked only about files it would be used for. Without it, it is not used.
       */
      readonly addedTextUsable?: (paths: readonly string[]) => boolean;
    }
  | { readonly kind: 'commit'; readonly commit: string };

export interface AttributedChanges {
  readonly diff: readonly FileDiff[];
  readonly files: readonly FileAttribution[];
  /** Parents of the commit (commit target), for callers that skip merges. */
  readonly parents: readonly string[];
}

/**
 * One `git diff` for the whole change, then the new version of the files
 * that have regions not found on the diff's added lines (from the work tree when it holds exactly that version,
 * else one `git cat-file --batch`): no process per file.
 */
export async function attributedChanges(
  root: string,
  target: ChangeTarget,
  regions: RegionSource,
  env?: NodeJS.ProcessEnv,
): Promise<AttributedChanges> {
  let diff: readonly FileDiff[];
  let parents: string[] = [];
  if (target.kind === 'staged') {
    const ready = target.amend ? undefined : await target.diff;
    const base = await stagedBase(root, target.amend === true);
    diff = ready ?? (await diffStaged(root, base, env ? { env } : {}));
    // A file with regions shown as binary by an attribute (e.g. `-diff`) still has its AI lines counted.
    diff = await textDiffsOf(
      diff,
      (file) => hasStoredRegions(file, regions),
      (paths) => diffStaged(root, base, { paths, text: true, ...(env ? { env } : {}) }),
    );
  } else {
    const base = await diffBaseOf(root, target.commit);
    parents = base.parents;
    diff = await diffRevisions(root, base.base, target.commit);
    diff = await textDiffsOf(
      diff,
      (file) => hasStoredRegions(file, regions),
      (paths) => diffRevisions(root, base.base, target.commit, { paths, text: true }),
    );
  }
  // Files whose regions sit on added lines are read from the diff (when it kept their text), the others from their blobs.
  const fromDiff = target.kind === 'staged' && target.addedTextUsable ? aiLinesFromDiff(diff, regions) : new Map();
  const usable = target.kind === 'staged' && fromDiff.size > 0 && target.addedTextUsable?.([...fromDiff.keys()].map((file) => file.newPath!));
  const known = usable ? fromDiff : new Map();
  const needed = filesNeedingText(diff, regions, known);
  const blobs = await readBlobsPreferringWorkTree(
    root,
    needed.map((file) => ({ path: file.newPath!, blob: file.newBlob! })),
  );
  return { diff, files: attributeChanges(diff, blobs, regions, known), parents };
}

/** Undefined lets `git diff --cached` pick HEAD itself (or nothing on an unborn branch): one spawn less. */
async function stagedBase(root: string, amend: boolean): Promise<string | undefined> {
  if (!amend) return undefined;
  const head = await resolveCommit(root, 'HEAD');
  if (!head) return undefined;
  const [parent] = await parentsOf(root, head);
  return parent ?? (await emptyTree(root));
}
