import { createLineRegion, type RegionOrigin } from '../regions/create';
import { reanchorRegions } from '../regions/reanchor';
import { aiLineCount, type AiRegion } from '../regions/region';
import type { RegionStore } from '../store/regionStore';
import { fromRepoPath } from '../git/repository';
import { readTextFile } from '../text/fileText';
import { normalizeLineEnds, splitLines } from '../text/lines';
import { changedLineRanges } from './changedLines';
import { gitVersion, ignoredPaths, type GitActivity } from './gitState';
import type { KnownContents } from './knownContents';

/** Files larger than this are not compared (a diff of them would be slow and rarely useful). */
export const MAX_DISK_CAPTURE_BYTES = 1024 * 1024;

/** A file written this recently when it is opened may have a disk change the watcher has not reported yet. */
export const RECENT_WRITE_MS = 2_000;

/** Confidence of a capture, by what the new text was compared with. */
export const DISK_CONFIDENCE = { lastKnown: 0.95, gitIndex: 0.75, newFile: 0.6 } as const;

/** An open editor buffer of the file, as the editor holds it. */
export interface OpenBuffer {
  readonly text: string;
  readonly dirty: boolean;
}

export interface DiskCaptureHost {
  readonly root: string;
  readonly store: RegionStore;
  readonly known: KnownContents;
  /** Undefined outside git: then only files seen before can be compared. */
  readonly git?: GitActivity;
  /** The file's open editor buffer, if any (repo-relative path). */
  openBuffer(repoPath: string): OpenBuffer | undefined;
  /** Resolves once the open buffer holds `text` (the editor reloaded it) or gives up. */
  waitForBuffer(repoPath: string, text: string): Promise<boolean>;
  readonly log?: (message: string) => void;
  /**
   * git wrote `repoPath`, which now holds `text` (as the open buffer, if
   * any, shows it): `removed` are the regions the write took away. The
   * host remembers those and brings back the marks of AI text git brought
   * back (see GitRoundTrips).
   */
  afterGitWrite?(repoPath: string, text: string, removed: readonly AiRegion[]): Promise<void>;
}

export type DiskVerdict = 'unchanged' | 'git' | 'agent' | 'skipped';

/**
 * Files written on disk by something other than the editor: CLI agents in a
 * terminal, scripts, git. Each changed file's new text is compared with the
 * last text we knew (or the git index version); what is new is marked as
 * `agent-disk`, unless git wrote it (the text is exactly git's, or git was
 * applying a stash or merging) or the editor saved it (the text is what we
 * knew).
 */
export class DiskCapture {
  constructor(private readonly host: DiskCaptureHost) {}

  /**
   * The editor opened a file with `text`, last written on disk at
   * `writtenAt`: that text becomes what its next disk change is compared
   * with, unless a change may still be on its way to the watcher. Users
   * often open a file an agent has just written, before the watcher reports
   * the write; remembering the agent's text then would make its lines look
   * unchanged. So a file we already know keeps the text we knew, and a file
   * written moments ago is only remembered when its text is git's index
   * version (which it would be compared with anyway).
   */
  async rememberOpened(path: string, text: string, writtenAt: number, now = Date.now()): Promise<boolean> {
    const absolute = fromRepoPath(this.host.root, path);
    if (this.host.known.peek(absolute) !== undefined) return false;
    if (now - writtenAt < RECENT_WRITE_MS) {
      const indexed = this.host.git ? await gitVersion(this.host.root, 'index', path) : undefined;
      if (indexed === undefined || normalizeLineEnds(indexed) !== normalizeLineEnds(text)) return false;
    }
    if (this.host.known.peek(absolute) !== undefined) return false;
    this.host.known.set(absolute, text);
    return true;
  }

  /** Judges a batch of changed files (repo-relative paths) first seen at `since`. */
  async judge(repoPaths: readonly string[], since: number): Promise<Map<string, DiskVerdict>> {
    const verdicts = new Map<string, DiskVerdict>();
    const ignored = this.host.git ? await ignoredPaths(this.host.root, repoPaths) : new Set<string>();
    for (const path of repoPaths) {
      verdicts.set(path, ignored.has(path) ? 'skipped' : await this.judgeOne(path, since));
    }
    // Written before the capture is done: a commit may follow at once (an agent that commits right after writing).
    // A failed write stays pending in the store, which retries and reports it.
    if ([...verdicts.values()].some((verdict) => verdict === 'agent' || verdict === 'git')) await this.host.store.sync().catch(() => undefined);
    return verdicts;
  }

  private async judgeOne(path: string, since: number): Promise<DiskVerdict> {
    const { host } = this;
    const absolute = fromRepoPath(host.root, path);
    const file = readTextFile(absolute, MAX_DISK_CAPTURE_BYTES);
    if (file.kind !== 'text') {
      host.known.delete(absolute);
      return 'skipped';
    }
    const after = file.text;
    const buffer = host.openBuffer(path);
    // A dirty buffer conflicts with the disk: the editor does not reload it, and its text is what regions follow.
    if (buffer?.dirty) return 'skipped';
    const base = await this.baseOf(path, absolute);
    if (base?.text === after) return 'unchanged';
    if (buffer && buffer.text !== after) await host.waitForBuffer(path, after);
    try {
      if (!base || (await this.gitWrote(path, after, since))) {
        const open = host.openBuffer(path);
        // An open buffer follows the reload itself (the tracker keeps what it removes).
        const removed = open ? [] : reconcileRemoving(host.store, path, after);
        if (base && (!open || open.text === after)) await host.afterGitWrite?.(path, after, removed);
        return base ? 'git' : 'skipped';
      }
      this.mark(path, base, after);
      return 'agent';
    } finally {
      host.known.set(absolute, after);
    }
  }

  /** What the file held before: our last known text, else git's index version, else nothing (a new file). */
  private async baseOf(path: string, absolute: string): Promise<{ text: string; confidence: number } | undefined> {
    const known = this.host.known.get(absolute);
    if (known !== undefined) return { text: known, confidence: DISK_CONFIDENCE.lastKnown };
    if (!this.host.git) return undefined;
    const indexed = await gitVersion(this.host.root, 'index', path);
    return indexed !== undefined ? { text: indexed, confidence: DISK_CONFIDENCE.gitIndex } : { text: '', confidence: DISK_CONFIDENCE.newFile };
  }

  /**
   * True when git put this text there: it is exactly git's HEAD or index
   * version (line endings aside: git may convert them on checkout), or git
   * was applying a stash or resolving a merge at the time.
   */
  private async gitWrote(path: string, after: string, since: number): Promise<boolean> {
    const { git, root } = this.host;
    if (!git) return false;
    if (git.restoredSince(since)) return true;
    const text = normalizeLineEnds(after);
    for (const revision of ['HEAD', 'index'] as const) {
      const version = await gitVersion(root, revision, path);
      if (version !== undefined && normalizeLineEnds(version) === text) return true;
    }
    return false;
  }

  private mark(path: string, base: { text: string; confidence: number }, after: string): void {
    const { store } = this.host;
    const origin: RegionOrigin = { source: 'agent-disk', confidence: base.confidence };
    const regions = regionsWritten(origin, base.text, after);
    const buffer = this.host.openBuffer(path);
    if (!buffer) store.reconcile(path, after);
    // The editor may not (yet) show exactly what is on disk: look the lines up in what it shows.
    const placed = buffer && buffer.text !== after ? reanchorRegions(regions, buffer.text).regions : regions;
    for (const region of placed) store.add(path, region);
    this.host.log?.(`${path}: ${regions.length} region(s) written on disk by another program (agent-disk)`);
  }
}

/** Reconciles the file's regions with `text`; returns the regions (as they were) that lost AI lines on the way. */
function reconcileRemoving(store: RegionStore, path: string, text: string): AiRegion[] {
  const before = store.regions(path).slice();
  store.reconcile(path, text);
  const after = new Map(store.regions(path).map((region) => [region.id, region]));
  return before.filter((region) => {
    const kept = after.get(region.id);
    return !kept || aiLineCount(kept) < aiLineCount(region);
  });
}

/** Regions over the lines of `after` that are new or changed compared with `before`. */
export function regionsWritten(origin: RegionOrigin, before: string, after: string): AiRegion[] {
  const lines = splitLines(after);
  return changedLineRanges(before, after).flatMap(({ first, last }) => {
    const region = createLineRegion(origin, lines, first, last);
    return region ? [region] : [];
  });
}
