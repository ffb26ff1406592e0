import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '../git/exec';
import { readBlobs } from '../git/blobs';
import { fromRepoPath } from '../git/repository';
import { readFileIfExists, writeFileAtomic } from '../store/atomicFile';
import { readTextFile } from '../text/fileText';
import { gitVersion } from './gitState';

/**
 * A checkpoint: the contents of some files of a repository before an agent
 * runs, kept in the store directory, so that `record --since-checkpoint`
 * can mark what the agent changed afterwards. Bounded: files changed since
 * HEAD (or the ones named), each up to a size, up to a total; files left
 * out are compared with HEAD instead.
 */
export interface Checkpoint {
  readonly version: 1;
  readonly createdAt: number;
  /** Repo-relative path -> text, or null when the file did not exist. */
  readonly files: Readonly<Record<string, string | null>>;
}

export const CHECKPOINT_FILE_NAME = 'checkpoint.json';
export const CHECKPOINT_LIMITS = { maxFiles: 2_000, maxFileBytes: 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 } as const;

export interface CheckpointResult {
  readonly saved: number;
  /** Paths left out (binary, too large, over the limits): they will be compared with HEAD. */
  readonly skipped: readonly string[];
}

/** Saves a checkpoint of `paths` (repo-relative), or of every file changed since HEAD when none are named. */
export async function saveCheckpoint(root: string, storeDir: string, paths: readonly string[], now = Date.now()): Promise<CheckpointResult> {
  const candidates = paths.length > 0 ? [...new Set(paths)] : await changedSinceHead(root);
  const files: Record<string, string | null> = {};
  const skipped: string[] = [];
  let total = 0;
  for (const path of candidates) {
    const file = readTextFile(fromRepoPath(root, path), CHECKPOINT_LIMITS.maxFileBytes);
    if (file.kind === 'missing') {
      files[path] = null;
      continue;
    }
    const fits =
      file.kind === 'text' && total + file.text.length <= CHECKPOINT_LIMITS.maxTotalBytes && Object.keys(files).length < CHECKPOINT_LIMITS.maxFiles;
    if (!fits) {
      skipped.push(path);
      continue;
    }
    files[path] = file.text;
    total += file.text.length;
  }
  const checkpoint: Checkpoint = { version: 1, createdAt: now, files };
  await writeFileAtomic(join(storeDir, CHECKPOINT_FILE_NAME), JSON.stringify(checkpoint));
  return { saved: Object.keys(files).length, skipped };
}

export async function readCheckpoint(storeDir: string): Promise<Checkpoint | undefined> {
  const text = await readFileIfExists(join(storeDir, CHECKPOINT_FILE_NAME));
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Checkpoint;
    return parsed && parsed.version === 1 && typeof parsed.files === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export async function removeCheckpoint(storeDir: string): Promise<void> {
  await rm(join(storeDir, CHECKPOINT_FILE_NAME), { force: true });
}

/** A file that may have changed since the checkpoint, with its text then. */
export interface CheckpointedFile {
  readonly path: string;
  readonly before: string;
}

/**
 * The files to compare now: those in the checkpoint and those changed since
 * HEAD now (a file changed after the checkpoint that it did not list was
 * as in HEAD then, or did not exist). Unchanged files are left out.
 */
export async function filesSinceCheckpoint(root: string, checkpoint: Checkpoint): Promise<CheckpointedFile[]> {
  const paths = new Set([...Object.keys(checkpoint.files), ...(await changedSinceHead(root))]);
  const sorted = [...paths].sort();
  // The files the checkpoint does not list were as in HEAD: one `git cat-file --batch` for all of
  // them (a name with a line break cannot go through it).
  const fromHead = sorted.filter((path) => checkpoint.files[path] === undefined && !path.includes('\n'));
  const heads = await readBlobs(
    root,
    fromHead.map((path) => `HEAD:${path}`),
  );
  const result: CheckpointedFile[] = [];
  for (const path of sorted) {
    const saved = checkpoint.files[path];
    let before: string;
    if (saved !== undefined) before = saved ?? '';
    else if (path.includes('\n')) before = (await gitVersion(root, 'HEAD', path)) ?? '';
    else before = heads.get(`HEAD:${path}`)?.toString('utf8') ?? '';
    result.push({ path, before });
  }
  return result;
}

/** Repo-relative paths of tracked files changed since HEAD and of untracked, not ignored files. */
export async function changedSinceHead(root: string): Promise<string[]> {
  const { stdout } = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], { cwd: root });
  const paths: string[] = [];
  for (const entry of stdout.split('\0')) {
    if (entry.length < 4) continue;
    if (entry[0] === 'D' || entry[1] === 'D') continue;
    paths.push(entry.slice(3));
  }
  return paths;
}
