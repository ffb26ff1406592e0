import { toExportRow, type ExportRow } from './exportSchema';

/** One JSON object per line, columns in schema order. */
export function toJsonLines(rows: readonly ExportRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

export interface ReadRows {
  readonly rows: ExportRow[];
  readonly problems: readonly string[];
}

/** Rows of a JSON Lines export; a bad line is reported (with its number) and skipped, never fatal. */
export function fromJsonLines(text: string, name: string): ReadRows {
  const rows: ExportRow[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${name}:${index + 1}: not JSON`);
      return;
    }
    const row = toExportRow(value);
    if (typeof row === 'string') problems.push(`${name}:${index + 1}: ${row}`);
    else rows.push(row);
  });
  return { rows, problems };
}
