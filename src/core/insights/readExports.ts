import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportRow } from './exportSchema';
import { fromJsonLines } from './jsonLines';
import { fromParquet } from './parquet';

export interface ExportFolder {
  readonly rows: ExportRow[];
  readonly files: readonly string[];
  readonly problems: readonly string[];
}

/** Every `*.jsonl` and `*.parquet` export in a folder (not its subfolders), e.g. one per repository. */
export async function readExportFolder(folder: string): Promise<ExportFolder> {
  const names = (await readdir(folder)).filter((name) => /\.(jsonl|parquet)$/i.test(name)).sort();
  const rows: ExportRow[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const read = /\.jsonl$/i.test(name) ? fromJsonLines(await readFile(path, 'utf8'), name) : await fromParquet(await readFile(path), name);
      // A loop, not push(...rows): an export can have more rows than a call has arguments.
      for (const row of read.rows) rows.push(row);
      problems.push(...read.problems);
    } catch (error) {
      problems.push(`${name}: cannot be read (${(error as Error).message})`);
    }
  }
  return { rows, files: names, problems };
}
